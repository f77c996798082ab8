import Foundation

/// TF-IDF vectors of every example, searchable through an inverted index so that the cost of a
/// query depends on the features it shares with the examples, not on the number of examples.
///
/// Each example belongs to an owner (an intent index, or a negative list); the index also keeps
/// one centroid vector per intent.
final class SimilarityIndex: Sendable {
    /// feature ids per kind
    let space: FeatureSpace
    /// idf per feature id
    let idf: [Float]
    /// inverted lists over examples and over intent centroids
    let examplePostings: PostingLists
    let centroidPostings: PostingLists
    /// Beside each centroid posting (feature f, intent i): the highest weight f has in any of
    /// i's examples. Summed over a query's terms like the centroid, it gives a bound that no
    /// example of i can score above, so the matcher skips intents that cannot reach its best ten
    /// without looking at their examples.
    let exampleBound: [Float]
    /// per example: owning intent index (negatives: -1 - intent, global out-of-scope: Int32.min)
    let owner: [Int32]
    let exampleText: [String]
    /// idf given to a feature never seen in the examples
    let unseenIDF: Float
    /// features too common to be informative (stop words), dropped from all vectors
    let dropped: [Bool]
    /// word roots that only out-of-scope and negative examples use: no intent was taught them
    let untaught: [Bool]
    /// When the examples are grouped by owner and not too many: where each intent's examples and
    /// negative examples start (`intentCount + 1` entries each) and where the out-of-scope ones
    /// start. A query then adds every posting into a dense array and takes each intent's best
    /// example from its range, instead of tracking which examples it touched.
    let ranges: OwnerRanges?
    /// accumulators for queries
    let scratch: ScratchPool
    /// the discriminative model trained on the same vectors
    let model: LinearModel
    /// whether the model was read from a ``ModelCache`` instead of trained
    let modelFromCache: Bool

    struct Document {
        var features: [(id: Int32, weight: Float)]
        var owner: Int32
        var text: String
    }

    /// `denseLimit`: the most examples scored densely (``OwnerRanges/maxExamples``; tests lower
    /// it to check that the sparse path gives the same answers).
    init(documents: [Document], space: FeatureSpace, intentCount: Int, modelCache: ModelCache? = nil,
         denseLimit: Int = OwnerRanges.maxExamples) {
        let featureCount = space.count
        var df = [Int](repeating: 0, count: featureCount)
        var positives = 0
        for d in documents where d.owner >= 0 {
            positives += 1
            for f in d.features { df[Int(f.id)] += 1 }
        }
        let n = Float(max(1, positives))
        // A feature no example has (only negative or out-of-scope ones) gets the highest idf.
        let idf = df.map { log(1 + n / Float(max($0, 1))) }
        var dropped = [Bool](repeating: false, count: featureCount)
        if positives >= 300 {
            for (i, count) in df.enumerated() where Float(count) / n > 0.15 { dropped[i] = true }
        }
        self.space = space
        self.idf = idf
        self.unseenIDF = log(1 + n)
        self.dropped = dropped
        var untaught = [Bool](repeating: false, count: featureCount)
        for id in space.stems.values where df[Int(id)] == 0 { untaught[Int(id)] = true }
        self.untaught = untaught

        var exampleEntries: [(feature: Int32, doc: Int32, weight: Float)] = []
        /// Per intent, where its examples' entries are in `exampleEntries`, in document order.
        var intentEntries = [[Range<Int>]](repeating: [], count: intentCount)
        var owner: [Int32] = []
        var texts: [String] = []
        var training: [(owner: Int32, vector: [(Int32, Float)])] = []
        var trainingKeys: [UInt64] = []
        owner.reserveCapacity(documents.count)
        texts.reserveCapacity(documents.count)
        for (docIndex, d) in documents.enumerated() {
            owner.append(d.owner)
            texts.append(d.text)
            var vec: [(Int32, Float)] = []
            vec.reserveCapacity(d.features.count)
            var sum: Float = 0
            for f in d.features where !dropped[Int(f.id)] {
                let w = f.weight * idf[Int(f.id)]
                vec.append((f.id, w)); sum += w * w
            }
            guard sum > 0 else { continue }
            let norm = sum.squareRoot()
            for k in vec.indices { vec[k].1 /= norm }
            let first = exampleEntries.count
            for (id, w) in vec { exampleEntries.append((id, Int32(docIndex), w)) }
            if d.owner >= 0 {
                intentEntries[Int(d.owner)].append(first..<exampleEntries.count)
                training.append((d.owner, Self.normalized(d.features, idf: idf)))
                trainingKeys.append(LinearModel.orderKey(d.text))
            }
        }
        // Centroids: each intent's example vectors summed (per feature in document order) in one
        // dense array, then normalised with the squares summed in feature order, so that two
        // loads of the same knowledge agree to the last bit.
        var centroidEntries: [(feature: Int32, doc: Int32, weight: Float)] = []
        var boundEntries: [(feature: Int32, doc: Int32, weight: Float)] = []
        var sums = [Float](repeating: 0, count: featureCount)
        var highest = [Float](repeating: 0, count: featureCount)
        var seen = [Bool](repeating: false, count: featureCount)
        var touched: [Int32] = []
        for (intent, ranges) in intentEntries.enumerated() where !ranges.isEmpty {
            touched.removeAll(keepingCapacity: true)
            for range in ranges {
                for e in exampleEntries[range] {
                    let f = Int(e.feature)
                    if !seen[f] { seen[f] = true; touched.append(e.feature) }
                    sums[f] += e.weight
                    highest[f] = max(highest[f], e.weight)
                }
            }
            touched.sort()
            let norm = touched.reduce(Float(0)) { $0 + sums[Int($1)] * sums[Int($1)] }.squareRoot()
            for id in touched {
                centroidEntries.append((id, Int32(intent), sums[Int(id)] / norm))
                boundEntries.append((id, Int32(intent), highest[Int(id)]))
                sums[Int(id)] = 0
                highest[Int(id)] = 0
                seen[Int(id)] = false
            }
        }
        self.examplePostings = PostingLists(features: featureCount, entries: exampleEntries)
        self.centroidPostings = PostingLists(features: featureCount, entries: centroidEntries)
        // The same (feature, intent) entries in the same order: the lists line up posting for posting.
        self.exampleBound = PostingLists(features: featureCount, entries: boundEntries).weight
        self.owner = owner
        self.exampleText = texts
        self.ranges = OwnerRanges(owners: owner, intents: intentCount, limit: denseLimit)
        self.scratch = ScratchPool(docs: documents.count, intents: intentCount)
        (self.model, self.modelFromCache) = LinearModel.train(examples: training, keys: trainingKeys, features: featureCount,
                                                             classes: intentCount, cache: modelCache)
    }

    /// An index read back from a snapshot (``KnowledgeSnapshot``): the stored parts, with the
    /// owner ranges and score accumulators made anew.
    init(space: FeatureSpace, idf: [Float], examplePostings: PostingLists, centroidPostings: PostingLists, exampleBound: [Float],
         owner: [Int32], exampleText: [String], unseenIDF: Float, dropped: [Bool], untaught: [Bool], intentCount: Int, model: LinearModel,
         denseLimit: Int = OwnerRanges.maxExamples) {
        self.space = space
        self.idf = idf
        self.examplePostings = examplePostings
        self.centroidPostings = centroidPostings
        self.exampleBound = exampleBound
        self.owner = owner
        self.exampleText = exampleText
        self.unseenIDF = unseenIDF
        self.dropped = dropped
        self.untaught = untaught
        self.ranges = OwnerRanges(owners: owner, intents: intentCount, limit: denseLimit)
        self.scratch = ScratchPool(docs: owner.count, intents: intentCount)
        self.model = model
        self.modelFromCache = true
    }

    /// A query vector: known feature ids with normalised weights, and the share of the query's
    /// weight that no example knows (unknown words).
    struct Query {
        var terms: [(Int32, Float)]
        var unknownShare: Float
        /// The same message for the model, common words included: they carry little
        /// similarity but help tell intents apart ("what is" against "how do I").
        var modelTerms: [(Int32, Float)]
    }

    /// TF-IDF weights of all features, normalised (unknown roots count in the length).
    static func normalized(_ features: [(id: Int32, weight: Float)], idf: [Float], unknown: Float = 0) -> [(Int32, Float)] {
        var out: [(Int32, Float)] = features.map { ($0.id, $0.weight * idf[Int($0.id)]) }
        let norm = (out.reduce(0) { $0 + $1.1 * $1.1 } + unknown).squareRoot()
        guard norm > 0 else { return [] }
        for k in out.indices { out[k].1 /= norm }
        return out
    }

    func query(_ tokens: [Token]) -> Query {
        var lookup = space
        let vector = FeatureExtractor.features(tokens, ids: &lookup)
        var terms: [(Int32, Float)] = []
        terms.reserveCapacity(vector.known.count)
        var total: Float = 0
        var unknown: Float = 0
        for f in vector.known where !dropped[Int(f.id)] {
            let v = f.weight * idf[Int(f.id)]
            terms.append((f.id, v)); total += v * v
            // A root only out-of-scope examples use ("anjing", "resep") still finds those
            // examples, but counts against every intent like an unknown word.
            if untaught[Int(f.id)] { unknown += v * v }
        }
        // Unknown roots count against the match; unseen pairs of known words or concepts do not.
        var unseen: Float = 0
        for u in vector.unknownStems {
            let v = u.weight * unseenIDF
            unseen += v * v
        }
        total += unseen
        unknown += unseen
        guard total > 0 else { return Query(terms: [], unknownShare: 1, modelTerms: []) }
        let norm = total.squareRoot()
        for k in terms.indices { terms[k].1 /= norm }
        return Query(terms: terms, unknownShare: unknown / total,
                     modelTerms: Self.normalized(vector.known, idf: idf, unknown: unseen))
    }

    /// Adds the cosine similarity of the query with every example sharing a feature into
    /// `scratch.docScores` (touched documents listed in `scratch.touchedDocs`).
    func accumulateExamples(_ q: Query, into scratch: inout ScoreScratch) {
        if ranges != nil {
            scratch.dense = true
            scratch.docScores.withUnsafeMutableBufferPointer { scores in
                examplePostings.accumulate(q.terms, into: scores)
            }
            return
        }
        var touched: [Int32] = []
        swap(&touched, &scratch.touchedDocs)
        scratch.docScores.withUnsafeMutableBufferPointer { scores in
            examplePostings.accumulate(q.terms, into: scores) { touched.append($0) }
        }
        swap(&touched, &scratch.touchedDocs)
    }

    /// Adds the cosine similarity of the query with every intent centroid sharing a feature,
    /// listing those intents in `scratch.reachedIntents`, and each such intent's bound on its
    /// examples' scores into `scratch.intentBound` (see ``exampleBound``).
    func accumulateCentroids(_ q: Query, into scratch: inout ScoreScratch) {
        var reached: [Int32] = []
        swap(&reached, &scratch.reachedIntents)
        var bounds: [Float] = []
        swap(&bounds, &scratch.intentBound)
        scratch.intentCentroid.withUnsafeMutableBufferPointer { scores in
            bounds.withUnsafeMutableBufferPointer { bounds in
                centroidPostings.accumulate(q.terms, into: scores, alongside: exampleBound, into: bounds) { reached.append($0) }
            }
        }
        swap(&bounds, &scratch.intentBound)
        swap(&reached, &scratch.reachedIntents)
    }
}

/// Where each owner's examples lie when they are stored grouped: intents' examples first (in
/// intent order), then intents' negative examples, then out-of-scope examples.
struct OwnerRanges: Sendable {
    /// Dense scoring pays a pass over every example per query; above this many examples the
    /// sparse path (only the touched examples) is taken. At 152,670 examples (the shipped
    /// knowledge ×10) the dense path still answered 1.7 times as fast (8,000 against 4,750
    /// answers per second, p99 253 against 516 µs); where the two cross is not measured.
    static let maxExamples = 200_000

    let positive: [Int32]
    let negative: [Int32]
    let outOfScope: Range<Int32>
    /// The intents that have negative examples (few), so that a query looks only at theirs.
    let withNegatives: [Int32]

    init?(owners: [Int32], intents: Int, limit: Int = Self.maxExamples) {
        guard owners.count <= limit else { return nil }
        var positive = [Int32](repeating: 0, count: intents + 1)
        var negative = [Int32](repeating: 0, count: intents + 1)
        var k = 0
        // Each group must be contiguous and in order, or there are no ranges.
        for i in 0..<intents {
            positive[i] = Int32(k)
            while k < owners.count && owners[k] == Int32(i) { k += 1 }
        }
        positive[intents] = Int32(k)
        for i in 0..<intents {
            negative[i] = Int32(k)
            while k < owners.count && owners[k] == Int32(-1 - i) { k += 1 }
        }
        negative[intents] = Int32(k)
        let oosStart = k
        while k < owners.count && owners[k] == Int32.min { k += 1 }
        guard k == owners.count else { return nil }
        self.positive = positive
        self.negative = negative
        self.outOfScope = Int32(oosStart)..<Int32(k)
        self.withNegatives = (0..<intents).filter { negative[$0] < negative[$0 + 1] }.map(Int32.init)
    }
}
