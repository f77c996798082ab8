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
    /// number of passes in its own fixed pseudo-random order, and averages them. One perceptron
    /// depends on the order it saw the examples in (adding one example could flip a close call);
    /// the average of several is steadier and a little better. With 12,425 examples, removing
    /// one random example broke a conversation test in 10 of 20 trials with one model, 4 with
    /// three and 1 with four (four train in the same wall time as three on two cores). The runs
    /// are independent and trained in parallel. The same knowledge always gives the same model.
    static func train(examples: [(owner: Int32, vector: [(Int32, Float)])], features: Int, classes: Int,
                      runs: Int = 4, epochs: Int = 4) -> LinearModel {
        let seeds = (0..<max(1, runs)).map { UInt64(0x9E37_79B9_7F4A_7C15) &+ UInt64($0) &* 7919 }
        let models = Parallel.map(seeds) { trainOnce(examples: examples, features: features, classes: classes, epochs: epochs, seed: $0) }
        // The average: each run's weights summed per feature, scaled by 1 / runs.
        var merged = models[0]
        for model in models.dropFirst() {
            for (f, list) in model.enumerated() {
                for x in list {
                    if let k = merged[f].firstIndex(where: { $0.c == x.c }) { merged[f][k].w += x.w } else { merged[f].append(x) }
                }
            }
        }
        let share = 1 / Float(models.count)
        var entries: [(feature: Int32, doc: Int32, weight: Float)] = []
        for (f, list) in merged.enumerated() { for x in list { entries.append((Int32(f), x.c, x.w * share)) } }
        return LinearModel(weights: PostingLists(features: features, entries: entries))
    }

    /// One averaged perceptron; returns its non-zero weights, per feature a list of (intent, weight).
    static func trainOnce(examples: [(owner: Int32, vector: [(Int32, Float)])], features: Int, classes: Int, epochs: Int, seed initialSeed: UInt64) -> [[(c: Int32, w: Float)]] {
        // Per feature, a short list of (intent, weight, step-weighted sum for averaging): a
        // feature meets few intents, so a linear scan beats hashing.
        var w = [[(c: Int32, w: Float, u: Float)]](repeating: [], count: features)
        var scores = [Float](repeating: 0, count: classes)
        var touched: [Int32] = []
        var order = Array(examples.indices)
        var seed: UInt64 = initialSeed
        var step: Float = 1
        // A wide margin keeps updating until the right intent wins clearly, closer to a
        // support-vector machine than a plain perceptron (CLINC150: +0.7 points ranked first).
        let margin: Float = 0.5

        func update(_ f: Int, _ c: Int32, _ delta: Float, _ step: Float) {
            if let k = w[f].firstIndex(where: { $0.c == c }) {
                w[f][k].w += delta
                w[f][k].u += step * delta
            } else {
                w[f].append((c, delta, step * delta))
            }
        }

        for _ in 0..<epochs {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                order.swapAt(i, Int(seed >> 33) % (i + 1))
            }
            for index in order {
                let (y, x) = examples[index]
                for (f, v) in x {
                    for entry in w[Int(f)] {
                        if scores[Int(entry.c)] == 0 { touched.append(entry.c) }
                        scores[Int(entry.c)] += v * entry.w
                    }
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
                        update(Int(f), y, v, step)
                        update(Int(f), rival, -v, step)
                    }
                }
                for c in touched { scores[Int(c)] = 0 }
                touched.removeAll(keepingCapacity: true)
                step += 1
            }
        }
        return w.map { list in
            list.compactMap { entry in
                let averaged = entry.w - entry.u / step
                return abs(averaged) > 1e-4 ? (entry.c, averaged) : nil
            }
        }
    }

    /// Adds the model's score for every intent sharing a feature with the query.
    func accumulate(_ q: SimilarityIndex.Query, into scores: inout [Float]) {
        scores.withUnsafeMutableBufferPointer { scores in
            weights.accumulate(q.modelTerms, into: scores)
        }
    }
}
