import Foundation

/// A multiclass linear model over the same TF-IDF vectors as the similarity index, trained at
/// load time. Where the nearest examples say "this message looks like these questions", the
/// model says "these words tell these intents apart": it learns, for instance, that "biaya"
/// separates cost questions while "apa" separates nothing.
///
/// It is a Crammer–Singer support-vector machine (``trainCrammerSinger(examples:keys:features:classes:cost:epochs:)``):
/// one convex problem with a single solution, so the weights depend on the examples, not on
/// the order they were seen in, and an edit moves them near the edit only. (The averaged
/// perceptrons used before changed about 1% of all answers at any edit, however unrelated; see
/// docs/benchmarks.md, "A model that stays put".)
///
/// Weights are stored per feature as sparse (intent, weight) lists: an example only pushes down
/// the intents that compete with its own, so the model stays small and a query costs the
/// number of weights its features carry, not the number of intents.
struct LinearModel: Sendable {
    let weights: PostingLists

    /// The machine's C (how much a training example's margin counts against the weights' size).
    static let cost: Float = 2
    /// Passes over the examples. Eight leave the dual variables within a few hundredths of their
    /// optimum: removing one random example then changed 0–1 of 3,323 evaluation answers (the
    /// perceptrons: 29–36), and five passes scored the same within noise.
    static let epochs = 8

    /// Trains the model on `examples` (owner intent and normalised vector), visiting them in the
    /// order of `keys`. With a `cache`, a model trained earlier on exactly the same inputs (see
    /// ``ModelCache``) is read instead, and a newly trained one is filed there; `fromCache`
    /// tells which. The same knowledge always gives the same model.
    static func train(examples: [(owner: Int32, vector: [(Int32, Float)])], keys: [UInt64], features: Int, classes: Int,
                      cache: ModelCache? = nil) -> (model: LinearModel, fromCache: Bool) {
        let key = cache.map { _ in
            ModelCache.key(examples: examples, keys: keys, features: features, classes: classes, settings: [2, Int(cost * 1000), epochs])
        }
        if let cache, let key, let weights = cache.load(key: key, features: features, classes: classes) {
            return (LinearModel(weights: weights), true)
        }
        let w = trainCrammerSinger(examples: examples, keys: keys, features: features, classes: classes, cost: cost, epochs: epochs)
        let weights = PostingLists(start: w.start, doc: w.classes, weight: w.weights)
        if let cache, let key { cache.store(weights, classes: classes, key: key) }
        return (LinearModel(weights: weights), false)
    }

    /// An example's place in the training order comes from its own text (FNV-1a), not from its
    /// position among the others: adding or removing one example leaves the order of all the
    /// others as it was.
    static func orderKey(_ text: String) -> UInt64 {
        FNV1a.hash(text.utf8)
    }

    /// Adds the model's score for every intent sharing a feature with the query.
    func accumulate(_ q: SimilarityIndex.Query, into scores: inout [Float]) {
        scores.withUnsafeMutableBufferPointer { scores in
            weights.accumulate(q.modelTerms, into: scores)
        }
    }
}
