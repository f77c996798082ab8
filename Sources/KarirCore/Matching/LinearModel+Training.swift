/// The non-zero weights of one trained model: per feature, a list of (intent, weight) in the
/// order the intents were first updated, stored flat (`start[f] ..< start[f + 1]`).
struct SparseWeights: Sendable {
    var start: [Int32]
    var classes: [Int32]
    var weights: [Float]
}

/// A model's weights while it trains: per feature a list of (intent, weight) that grows as
/// training reaches new intents. All lists share two flat arrays; a full list moves to the end
/// with twice the room, so a feature's entries stay contiguous and in the order they were added,
/// and no array per feature is allocated or reference-counted.
struct WeightArena {
    private var start: [Int32]
    private var count: [Int32]
    private var room: [Int32]
    private var classes: [Int32] = []
    private var weights: [Float] = []

    init(features: Int) {
        start = [Int32](repeating: 0, count: features)
        count = [Int32](repeating: 0, count: features)
        room = [Int32](repeating: 0, count: features)
    }

    /// Adds `v × weight` of every entry of the vector's features into `scores`, listing each
    /// intent whose score was still zero in `touched`.
    func score(_ x: [(Int32, Float)], into scores: UnsafeMutableBufferPointer<Float>, touched: inout [Int32]) {
        start.withUnsafeBufferPointer { start in
            count.withUnsafeBufferPointer { count in
                classes.withUnsafeBufferPointer { classes in
                    weights.withUnsafeBufferPointer { weights in
                        for (f, v) in x {
                            let from = Int(start[Int(f)])
                            for k in from..<(from + Int(count[Int(f)])) {
                                let c = Int(classes[k])
                                if scores[c] == 0 { touched.append(classes[k]) }
                                scores[c] += v * weights[k]
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds `delta` to the weight of intent `c` for feature `f`.
    mutating func update(_ f: Int, _ c: Int32, _ delta: Float) {
        let from = Int(start[f]), n = Int(count[f])
        var k = from
        while k < from + n, classes[k] != c { k += 1 }
        if k < from + n {
            weights[k] += delta
            return
        }
        if n == Int(room[f]) { grow(f) }
        let at = Int(start[f]) + n
        classes[at] = c
        weights[at] = delta
        count[f] += 1
    }

    /// Adds `delta[c] × v` to the weight of every intent `c` with a non-zero `delta[c]`, for every
    /// feature `(f, v)` of `x`: one walk along each feature's list for all the intents at once.
    /// `changed` lists those intents; `found` is scratch space of one flag per intent (left all
    /// false).
    mutating func add(_ x: [(Int32, Float)], changed: [Int32], delta: [Float], found: inout [Bool]) {
        for (f, v) in x {
            let fi = Int(f)
            let from = Int(start[fi]), n = Int(count[fi])
            var hits = 0
            for k in from..<(from + n) {
                let c = Int(classes[k])
                let d = delta[c]
                if d != 0 {
                    weights[k] += d * v
                    found[c] = true
                    hits += 1
                    if hits == changed.count { break }
                }
            }
            if hits < changed.count {
                for c in changed where !found[Int(c)] { update(fi, c, delta[Int(c)] * v) }
            }
            for c in changed { found[Int(c)] = false }
        }
    }

    /// Moves feature `f`'s list to the end of the arena with twice the room (at least 4).
    private mutating func grow(_ f: Int) {
        let from = Int(start[f]), n = Int(count[f])
        let newRoom = max(4, 2 * n)
        let to = classes.count
        classes.append(contentsOf: repeatElement(0, count: newRoom))
        weights.append(contentsOf: repeatElement(0, count: newRoom))
        for k in 0..<n {
            classes[to + k] = classes[from + k]
            weights[to + k] = weights[from + k]
        }
        start[f] = Int32(to)
        room[f] = Int32(newRoom)
    }

    /// The weights, per feature in the order the intents were reached, dropping those within
    /// 1e-4 of zero.
    func finished() -> SparseWeights {
        var out = SparseWeights(start: [0], classes: [], weights: [])
        out.start.reserveCapacity(start.count + 1)
        for f in start.indices {
            let from = Int(start[f])
            for k in from..<(from + Int(count[f])) where abs(weights[k]) > 1e-4 {
                out.classes.append(classes[k])
                out.weights.append(weights[k])
            }
            out.start.append(Int32(out.classes.count))
        }
        return out
    }
}
