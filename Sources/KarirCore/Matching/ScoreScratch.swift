import Foundation

/// Reusable score accumulators for one query: dense arrays indexed by document and intent,
/// plus the list of entries touched so that clearing costs only what was used. A value type,
/// taken out of and returned to a small pool, so concurrent queries never share one, no query
/// allocates, and the hot loops work on a local value without dynamic exclusivity checks.
struct ScoreScratch {
    var docScores: [Float]
    var touchedDocs: [Int32] = []
    var intentBest: [Float]
    var intentBestDoc: [Int32]
    var intentNegative: [Float]
    var intentCentroid: [Float]
    /// Per reached intent, a score none of its examples can exceed (``SimilarityIndex/exampleBound``).
    var intentBound: [Float]
    var intentLinear: [Float]
    var touchedIntents: [Int32] = []
    /// Intents whose centroid shares a feature with the query: exactly the intents with an
    /// example the query reaches (a centroid holds every feature of its examples).
    var reachedIntents: [Int32] = []
    /// Whether the last query scored examples densely (then `docScores` is cleared whole).
    var dense = false

    init(docs: Int, intents: Int) {
        docScores = [Float](repeating: 0, count: docs)
        intentBest = [Float](repeating: -1, count: intents)
        intentBestDoc = [Int32](repeating: -1, count: intents)
        intentNegative = [Float](repeating: 0, count: intents)
        intentCentroid = [Float](repeating: 0, count: intents)
        intentBound = [Float](repeating: 0, count: intents)
        intentLinear = [Float](repeating: 0, count: intents)
        touchedDocs.reserveCapacity(1024)
        touchedIntents.reserveCapacity(256)
        reachedIntents.reserveCapacity(256)
    }

    /// Back to all zeros, touching only what the last query used.
    mutating func clear() {
        if dense {
            docScores.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            dense = false
        }
        for d in touchedDocs { docScores[Int(d)] = 0 }
        touchedDocs.removeAll(keepingCapacity: true)
        for i in touchedIntents {
            let k = Int(i)
            intentBest[k] = -1; intentBestDoc[k] = -1; intentNegative[k] = 0
        }
        touchedIntents.removeAll(keepingCapacity: true)
        reachedIntents.removeAll(keepingCapacity: true)
        // Centroid and model scores reach intents the examples did not touch: clear them whole
        // (one pass over the intents, far cheaper than the examples).
        for k in intentCentroid.indices { intentCentroid[k] = 0 }
        for k in intentBound.indices { intentBound[k] = 0 }
        for k in intentLinear.indices { intentLinear[k] = 0 }
    }
}

/// A lock-protected stack of scratch buffers.
final class ScratchPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [ScoreScratch] = []
    private let docs: Int
    private let intents: Int

    init(docs: Int, intents: Int) {
        self.docs = docs
        self.intents = intents
    }

    func withScratch<T>(_ body: (inout ScoreScratch) -> T) -> T {
        lock.lock()
        var scratch = free.popLast() ?? ScoreScratch(docs: docs, intents: intents)
        lock.unlock()
        let result = body(&scratch)
        scratch.clear()
        lock.lock(); if free.count < 64 { free.append(scratch) }; lock.unlock()
        return result
    }
}
