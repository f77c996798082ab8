import Foundation

/// A multiclass averaged perceptron over the same TF-IDF vectors as the similarity index,
/// trained at load time. Where the nearest examples say "this message looks like these
/// questions", the model says "these words tell these intents apart": it learns, for
/// instance, that "biaya" separates cost questions while "apa" separates nothing.
///
/// Weights are stored per feature as sparse (intent, weight) lists: a perceptron only changes
/// the weights of the intents it confused, so the model stays small and a query costs the
/// number of weights its features carry, not the number of intents.
struct LinearModel: Sendable {
    let weights: PostingLists

    /// Trains `runs` models on `examples` (owner intent and normalised vector), each for a fixed
    /// number of passes in its own pseudo-random order, and averages them. One perceptron
    /// depends on the order it saw the examples in (adding one example could flip a close call);
    /// the average of several is steadier. The order comes from each example's own text
    /// (`keys`, see ``orderKey(_:)``), so an edit elsewhere does not reshuffle it. Removing one
    /// random example changed on average 17 of 1,233 evaluation answers with four models of four
    /// passes in position-shuffled order, 10.5 with the text-keyed order, 8.5 with eight models
    /// of two passes (but then 7 ambiguous examples no longer matched back to their intent) and
    /// 6.9 with eight models of three passes (shipped; about 0.2 s more load than four of four).
    /// The runs are trained in parallel. The same knowledge always gives the same model.
    /// With a `cache`, a model trained earlier on exactly the same inputs (see ``ModelCache``)
    /// is read instead, and a newly trained one is filed there; `fromCache` tells which.
    static func train(examples: [(owner: Int32, vector: [(Int32, Float)])], keys: [UInt64], features: Int, classes: Int,
                      runs: Int = 8, epochs: Int = 3, cache: ModelCache? = nil) -> (model: LinearModel, fromCache: Bool) {
        let key = cache.map { _ in ModelCache.key(examples: examples, keys: keys, features: features, classes: classes, settings: [runs, epochs]) }
        if let cache, let key, let weights = cache.load(key: key, features: features, classes: classes) {
            return (LinearModel(weights: weights), true)
        }
        let seeds = (0..<max(1, runs)).map { UInt64(0x9E37_79B9_7F4A_7C15) &+ UInt64($0) &* 7919 }
        // The average: each run's weights summed per feature, scaled by 1 / runs. The runs are
        // trained a processor's worth at a time and summed as they finish, so that only a few
        // models are in memory at once.
        var merged = ModelSum(features: features, classes: classes)
        let batch = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for start in stride(from: 0, to: seeds.count, by: batch) {
            let models = Parallel.map(Array(seeds[start..<min(start + batch, seeds.count)])) {
                trainOnce(examples: examples, keys: keys, features: features, classes: classes, epochs: epochs, seed: $0)
            }
            for model in models { merged.add(model) }
        }
        let weights = merged.postings(scaledBy: 1 / Float(seeds.count))
        if let cache, let key { cache.store(weights, classes: classes, key: key) }
        return (LinearModel(weights: weights), false)
    }

    /// An example's place in the training order comes from its own text (FNV-1a), not from its
    /// position among the others: adding or removing one example leaves the order of all the
    /// others as it was, so the model changes near that example instead of everywhere. (With
    /// positions shuffled, removing one random example changed 17 of 1,233 evaluation answers
    /// on average.)
    static func orderKey(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    /// A well-mixed 64-bit value of `x` (SplitMix64's finaliser).
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// One averaged perceptron; returns its non-zero weights, per feature a list of (intent, weight).
    static func trainOnce(examples: [(owner: Int32, vector: [(Int32, Float)])], keys: [UInt64], features: Int, classes: Int, epochs: Int,
                          seed initialSeed: UInt64) -> SparseWeights {
        // Per feature, a short list of (intent, weight, step-weighted sum for averaging): a
        // feature meets few intents, so a linear scan beats hashing. The lists live in one arena
        // (flat arrays, no array per feature), which keeps reference counting out of the loops.
        var w = WeightArena(features: features)
        var scores = [Float](repeating: 0, count: classes)
        var touched: [Int32] = []
        var order = Array(examples.indices)
        var seed: UInt64 = initialSeed
        var step: Float = 1
        // A wide margin keeps updating until the right intent wins clearly, closer to a
        // support-vector machine than a plain perceptron (CLINC150: +0.7 points ranked first).
        let margin: Float = 0.5

        for _ in 0..<epochs {
            // Each epoch its own order, given by the examples' keys mixed with a seed; ties (the
            // same text twice) keep their positions.
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let epochKeys = keys.map { mix($0 ^ seed) }
            order.sort { epochKeys[$0] != epochKeys[$1] ? epochKeys[$0] < epochKeys[$1] : $0 < $1 }
            for index in order {
                let (y, x) = examples[index]
                scores.withUnsafeMutableBufferPointer { sc in
                    w.score(x, into: sc, touched: &touched)
                }
                let sy = scores[Int(y)]
                var rival: Int32 = -1
                var best = -Float.infinity
                for c in touched where c != y && scores[Int(c)] > best { best = scores[Int(c)]; rival = c }
                if rival < 0 || best < 0 {
                    // Every other intent scores 0 (or less): the first untouched one is the rival.
                    var candidate: Int32 = 0
                    while candidate < Int32(classes), candidate == y || scores[Int(candidate)] != 0 { candidate += 1 }
                    if candidate < Int32(classes) { rival = candidate; best = 0 }
                }
                if rival >= 0, sy - best < margin {
                    for (f, v) in x {
                        w.update(Int(f), y, v, step)
                        w.update(Int(f), rival, -v, step)
                    }
                }
                for c in touched { scores[Int(c)] = 0 }
                touched.removeAll(keepingCapacity: true)
                step += 1
            }
        }
        return w.averaged(steps: step)
    }

    /// Adds the model's score for every intent sharing a feature with the query.
    func accumulate(_ q: SimilarityIndex.Query, into scores: inout [Float]) {
        scores.withUnsafeMutableBufferPointer { scores in
            weights.accumulate(q.modelTerms, into: scores)
        }
    }
}
