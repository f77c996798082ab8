/// The non-zero weights of one trained model: per feature, a list of (intent, weight) in the
/// order the intents were first updated, stored flat (`start[f] ..< start[f + 1]`).
struct SparseWeights: Sendable {
    var start: [Int32]
    var classes: [Int32]
    var weights: [Float]
}

/// A perceptron's weights while it trains: per feature a list of (intent, weight, step-weighted
/// sum) that grows as the perceptron updates it. All lists share three flat arrays; a full list
/// moves to the end with twice the room, so a feature's entries stay contiguous and in the
/// order they were added, and no array per feature is allocated or reference-counted.
struct WeightArena {
    private var start: [Int32]
    private var count: [Int32]
    private var room: [Int32]
    private var classes: [Int32] = []
    private var weights: [Float] = []
    private var sums: [Float] = []

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

    /// Adds `delta` to the weight of intent `c` for feature `f` (and `step × delta` to its sum).
    mutating func update(_ f: Int, _ c: Int32, _ delta: Float, _ step: Float) {
        let from = Int(start[f]), n = Int(count[f])
        var k = from
        while k < from + n, classes[k] != c { k += 1 }
        if k < from + n {
            weights[k] += delta
            sums[k] += step * delta
            return
        }
        if n == Int(room[f]) { grow(f) }
        let at = Int(start[f]) + n
        classes[at] = c
        weights[at] = delta
        sums[at] = step * delta
        count[f] += 1
    }

    /// Moves feature `f`'s list to the end of the arena with twice the room (at least 4).
    private mutating func grow(_ f: Int) {
        let from = Int(start[f]), n = Int(count[f])
        let newRoom = max(4, 2 * n)
        let to = classes.count
        classes.append(contentsOf: repeatElement(0, count: newRoom))
        weights.append(contentsOf: repeatElement(0, count: newRoom))
        sums.append(contentsOf: repeatElement(0, count: newRoom))
        for k in 0..<n {
            classes[to + k] = classes[from + k]
            weights[to + k] = weights[from + k]
            sums[to + k] = sums[from + k]
        }
        start[f] = Int32(to)
        room[f] = Int32(newRoom)
    }

    /// The averaged perceptron's weights after `steps` steps, dropping those within 1e-4 of zero.
    func averaged(steps: Float) -> SparseWeights {
        var out = SparseWeights(start: [0], classes: [], weights: [])
        out.start.reserveCapacity(start.count + 1)
        for f in start.indices {
            let from = Int(start[f])
            for k in from..<(from + Int(count[f])) {
                let averaged = weights[k] - sums[k] / steps
                if abs(averaged) > 1e-4 {
                    out.classes.append(classes[k])
                    out.weights.append(averaged)
                }
            }
            out.start.append(Int32(out.classes.count))
        }
        return out
    }
}

/// The sum of several trained models, per feature in the order the intents first appear.
struct ModelSum {
    private var lists: [[(c: Int32, w: Float)]]
    private var slot: [Int32]

    init(features: Int, classes: Int) {
        lists = [[(c: Int32, w: Float)]](repeating: [], count: features)
        slot = [Int32](repeating: -1, count: classes)
    }

    mutating func add(_ model: SparseWeights) {
        for f in lists.indices {
            let from = Int(model.start[f]), to = Int(model.start[f + 1])
            guard from < to else { continue }
            for (k, entry) in lists[f].enumerated() { slot[Int(entry.c)] = Int32(k) }
            for k in from..<to {
                let c = model.classes[k]
                if slot[Int(c)] >= 0 {
                    lists[f][Int(slot[Int(c)])].w += model.weights[k]
                } else {
                    slot[Int(c)] = Int32(lists[f].count)
                    lists[f].append((c, model.weights[k]))
                }
            }
            for entry in lists[f] { slot[Int(entry.c)] = -1 }
        }
    }

    /// The summed weights times `share`, as posting lists.
    func postings(scaledBy share: Float) -> PostingLists {
        var entries: [(feature: Int32, doc: Int32, weight: Float)] = []
        for (f, list) in lists.enumerated() { for x in list { entries.append((Int32(f), x.c, x.w * share)) } }
        return PostingLists(features: lists.count, entries: entries)
    }
}
