/// Inverted lists stored flat (one array of documents, one of weights, and where each feature's
/// list starts), so that walking a list touches contiguous memory and no per-list object.
struct PostingLists: Sendable {
    /// `start[f] ..< start[f + 1]` is the range of feature `f`.
    let start: [Int32]
    let doc: [Int32]
    let weight: [Float]

    /// Lists as stored (``ModelCache``): `start` has one entry per feature plus one.
    init(start: [Int32], doc: [Int32], weight: [Float]) {
        self.start = start
        self.doc = doc
        self.weight = weight
    }

    /// Builds from `(feature, doc, weight)` entries in any order; within a feature, entries keep
    /// their order.
    init(features: Int, entries: [(feature: Int32, doc: Int32, weight: Float)]) {
        var start = [Int32](repeating: 0, count: features + 1)
        for e in entries { start[Int(e.feature) + 1] += 1 }
        for f in 0..<features { start[f + 1] += start[f] }
        var next = start
        var doc = [Int32](repeating: 0, count: entries.count)
        var weight = [Float](repeating: 0, count: entries.count)
        for e in entries {
            let at = Int(next[Int(e.feature)])
            doc[at] = e.doc
            weight[at] = e.weight
            next[Int(e.feature)] += 1
        }
        self.start = start
        self.doc = doc
        self.weight = weight
    }

    /// Adds `v × weight` of every posting of the query's features into `scores`, calling
    /// `firstTouch` for each document whose score was still zero.
    @inline(__always)
    func accumulate(_ terms: [(Int32, Float)], into scores: UnsafeMutableBufferPointer<Float>, firstTouch: (Int32) -> Void) {
        start.withUnsafeBufferPointer { start in
            doc.withUnsafeBufferPointer { doc in
                weight.withUnsafeBufferPointer { weight in
                    for (f, v) in terms where Int(f) < start.count - 1 {
                        for k in Int(start[Int(f)])..<Int(start[Int(f) + 1]) {
                            let d = Int(doc[k])
                            if scores[d] == 0 { firstTouch(doc[k]) }
                            scores[d] += v * weight[k]
                        }
                    }
                }
            }
        }
    }

    /// As ``accumulate(_:into:firstTouch:)``, and also adds `v × other[k]` of every posting
    /// `k` into `otherScores` (a second value per posting, `other.count == weight.count`).
    @inline(__always)
    func accumulate(_ terms: [(Int32, Float)], into scores: UnsafeMutableBufferPointer<Float>, alongside other: [Float],
                    into otherScores: UnsafeMutableBufferPointer<Float>, firstTouch: (Int32) -> Void) {
        start.withUnsafeBufferPointer { start in
            doc.withUnsafeBufferPointer { doc in
                weight.withUnsafeBufferPointer { weight in
                    other.withUnsafeBufferPointer { other in
                        for (f, v) in terms where Int(f) < start.count - 1 {
                            for k in Int(start[Int(f)])..<Int(start[Int(f) + 1]) {
                                let d = Int(doc[k])
                                if scores[d] == 0 { firstTouch(doc[k]) }
                                scores[d] += v * weight[k]
                                otherScores[d] += v * other[k]
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds `v × weight` of every posting of the query's features into `scores`.
    func accumulate(_ terms: [(Int32, Float)], into scores: UnsafeMutableBufferPointer<Float>) {
        start.withUnsafeBufferPointer { start in
            doc.withUnsafeBufferPointer { doc in
                weight.withUnsafeBufferPointer { weight in
                    for (f, v) in terms where Int(f) < start.count - 1 {
                        for k in Int(start[Int(f)])..<Int(start[Int(f) + 1]) {
                            scores[Int(doc[k])] += v * weight[k]
                        }
                    }
                }
            }
        }
    }
}
