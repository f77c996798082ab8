import Foundation

/// TF-IDF vectors of every example, searchable through an inverted index so that the cost of a
/// query depends on the features it shares with the examples, not on the number of examples.
///
/// Each example belongs to an owner (an intent index, or a negative list); the index also keeps
/// one centroid vector per intent.
struct SimilarityIndex: Sendable {
    struct Posting: Sendable { var doc: Int32; var weight: Float }

    /// feature → id
    let featureIDs: [String: Int32]
    /// idf per feature id
    let idf: [Float]
    /// inverted lists over examples and over intent centroids
    let examplePostings: [[Posting]]
    let centroidPostings: [[Posting]]
    /// per example: owning intent index (negatives: -1 - intent, global out-of-scope: Int32.min)
    let owner: [Int32]
    let exampleText: [String]
    /// idf given to a feature never seen in the examples
    let unseenIDF: Float
    /// features too common to be informative (stop words), dropped from all vectors
    let dropped: Set<Int32>
    /// accumulators for queries
    let scratch: ScratchPool
    /// the discriminative model trained on the same vectors
    let model: LinearModel

    struct Document {
        var features: [String: Float]
        var owner: Int32
        var text: String
    }

    init(documents: [Document], intentCount: Int) {
        var featureIDs: [String: Int32] = [:]
        var df: [Int] = []
        let positives = documents.filter { $0.owner >= 0 }
        for d in documents {
            for f in d.features.keys {
                let id: Int32
                if let existing = featureIDs[f] { id = existing } else {
                    id = Int32(featureIDs.count); featureIDs[f] = id; df.append(0)
                }
                if d.owner >= 0 { df[Int(id)] += 1 }
            }
        }
        let n = Float(max(1, positives.count))
        var idf = df.map { log(1 + n / Float(max($0, 1))) }
        for (i, count) in df.enumerated() where count == 0 { idf[i] = log(1 + n) }
        var dropped: Set<Int32> = []
        if positives.count >= 300 {
            for (i, count) in df.enumerated() where Float(count) / n > 0.15 { dropped.insert(Int32(i)) }
        }
        self.featureIDs = featureIDs
        self.idf = idf
        self.unseenIDF = log(1 + n)
        self.dropped = dropped

        var examplePostings = [[Posting]](repeating: [], count: featureIDs.count)
        var centroids = [[Int32: Float]](repeating: [:], count: intentCount)
        var centroidCounts = [Int](repeating: 0, count: intentCount)
        var owner: [Int32] = []
        var texts: [String] = []
        var training: [(owner: Int32, vector: [(Int32, Float)])] = []
        for (docIndex, d) in documents.enumerated() {
            var vec: [(Int32, Float)] = []
            for (f, w) in d.features {
                guard let id = featureIDs[f], !dropped.contains(id) else { continue }
                vec.append((id, w * idf[Int(id)]))
            }
            let norm = sqrt(vec.reduce(0) { $0 + $1.1 * $1.1 })
            guard norm > 0 else { owner.append(d.owner); texts.append(d.text); continue }
            for (id, w) in vec {
                examplePostings[Int(id)].append(Posting(doc: Int32(docIndex), weight: w / norm))
                if d.owner >= 0 { centroids[Int(d.owner)][id, default: 0] += w / norm }
            }
            if d.owner >= 0 {
                centroidCounts[Int(d.owner)] += 1
                training.append((d.owner, vec.map { ($0.0, $0.1 / norm) }))
            }
            owner.append(d.owner)
            texts.append(d.text)
        }
        var centroidPostings = [[Posting]](repeating: [], count: featureIDs.count)
        for (intent, c) in centroids.enumerated() where !c.isEmpty {
            let norm = sqrt(c.values.reduce(0) { $0 + $1 * $1 })
            for (id, w) in c { centroidPostings[Int(id)].append(Posting(doc: Int32(intent), weight: w / norm)) }
        }
        self.examplePostings = examplePostings
        self.centroidPostings = centroidPostings
        self.owner = owner
        self.exampleText = texts
        self.scratch = ScratchPool(docs: documents.count, intents: intentCount)
        self.model = LinearModel.train(examples: training, features: featureIDs.count, classes: intentCount)
    }

    /// A query vector: known feature ids with normalised weights, and the share of the query's
    /// weight that no example knows (unknown words).
    struct Query {
        var terms: [(Int32, Float)]
        var unknownShare: Float
    }

    func query(_ features: [String: Float]) -> Query {
        var terms: [(Int32, Float)] = []
        var unknown: Float = 0
        var total: Float = 0
        for (f, w) in features {
            if let id = featureIDs[f] {
                if dropped.contains(id) { continue }
                let v = w * idf[Int(id)]
                terms.append((id, v)); total += v * v
            } else {
                // Unknown words (s:/w:) count against the match; unseen pairs of known words
                // (bigrams) or concepts do not.
                let v: Float = f.hasPrefix("s:") ? w * unseenIDF : 0
                unknown += v * v; total += v * v
            }
        }
        let norm = sqrt(total)
        guard norm > 0 else { return Query(terms: [], unknownShare: 1) }
        return Query(terms: terms.map { ($0.0, $0.1 / norm) }, unknownShare: unknown / (norm * norm))
    }

    /// Adds the cosine similarity of the query with every example sharing a feature into
    /// `scratch.docScores` (touched documents listed in `scratch.touchedDocs`).
    func accumulateExamples(_ q: Query, into scratch: ScoreScratch) {
        var scores: [Float] = [], touched: [Int32] = []
        swap(&scores, &scratch.docScores); swap(&touched, &scratch.touchedDocs)
        scores.withUnsafeMutableBufferPointer { scores in
            for (id, w) in q.terms {
                examplePostings[Int(id)].withUnsafeBufferPointer { postings in
                    for p in postings {
                        let d = Int(p.doc)
                        if scores[d] == 0 { touched.append(p.doc) }
                        scores[d] += w * p.weight
                    }
                }
            }
        }
        swap(&scores, &scratch.docScores); swap(&touched, &scratch.touchedDocs)
    }

    /// Adds the cosine similarity of the query with every intent centroid sharing a feature.
    func accumulateCentroids(_ q: Query, into scratch: ScoreScratch) {
        scratch.intentCentroid.withUnsafeMutableBufferPointer { scores in
            for (id, w) in q.terms {
                for p in centroidPostings[Int(id)] { scores[Int(p.doc)] += w * p.weight }
            }
        }
    }
}
