import Foundation

extension LinearModel {
    /// A multiclass support-vector machine (Crammer–Singer), trained to its optimum by dual
    /// coordinate descent, one example at a time.
    ///
    /// The problem: minimise ½‖W‖² + C Σᵢ ξᵢ such that each example's intent scores at least 1
    /// more than every intent its features reach, and at least 1 (ξᵢ of slack). An intent that
    /// shares no weighted feature with an example scores 0, so "at least 1" is the margin against
    /// all of them at once: they never need weights of their own for it, and the model stays
    /// sparse. The problem is strictly convex, so it has one solution, whatever order the
    /// examples are visited in; a small edit of the examples moves it a little, near the edit.
    /// (Eight passes come close to it; see ``LinearModel/epochs``.)
    ///
    /// Each step solves one example's part of the dual problem exactly: its intent is raised
    /// and its rivals (intents scoring above 0 for it, or already pushed down by it) are lowered
    /// by the amounts that bring the example to its margin, within the box `cost` sets.
    static func trainCrammerSinger(examples: [(owner: Int32, vector: [(Int32, Float)])], keys: [UInt64], features: Int, classes: Int,
                                   cost: Float, epochs: Int) -> SparseWeights {
        var w = WeightArena(features: features)
        var scores = [Float](repeating: 0, count: classes)
        var touched: [Int32] = []
        // Each example's non-zero dual variables: (intent, α).
        var alphas = [[(c: Int32, a: Float)]](repeating: [], count: examples.count)
        let norms = examples.map { e in e.vector.reduce(Float(0)) { $0 + $1.1 * $1.1 } }
        // A fixed visiting order from the examples' own text (the solution does not depend on
        // it; convergence speed does a little).
        let order = examples.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        var candidates: [Int32] = []
        var targets: [Float] = []
        var caps: [Float] = []
        var olds: [Float] = []
        var breakpoints: [Float] = []
        var changed: [Int32] = []
        var deltas = [Float](repeating: 0, count: classes)
        var found = [Bool](repeating: false, count: classes)
        for _ in 0..<epochs {
            for i in order {
                let (y, x) = examples[i]
                let a = norms[i]
                guard a > 0 else { continue }
                scores.withUnsafeMutableBufferPointer { sc in w.score(x, into: sc, touched: &touched) }
                // The intents taking part: the example's own, those scoring above 0 or already
                // holding a dual variable for this example. (Others would get α = 0.)
                candidates.removeAll(keepingCapacity: true)
                candidates.append(y)
                for c in touched where c != y && scores[Int(c)] > 0 { candidates.append(c) }
                for (c, _) in alphas[i] where c != y && !(scores[Int(c)] > 0) { candidates.append(c) }
                targets.removeAll(keepingCapacity: true); caps.removeAll(keepingCapacity: true); olds.removeAll(keepingCapacity: true)
                for c in candidates {
                    var old: Float = 0
                    for h in alphas[i] where h.c == c { old = h.a }
                    targets.append(old + ((c == y ? 1 : 0) - scores[Int(c)]) / a)
                    caps.append(c == y ? cost : 0)
                    olds.append(old)
                }
                // α_m(μ) = min(cap_m, target_m + μ / a); the smallest μ ≥ 0 with Σ α ≥ 0.
                let mu = Self.multiplier(targets, caps, a, &breakpoints)
                alphas[i].removeAll(keepingCapacity: true)
                changed.removeAll(keepingCapacity: true)
                for k in candidates.indices {
                    let unclipped = targets[k] + mu / a
                    let new = unclipped < caps[k] ? unclipped : caps[k]
                    let delta = new - olds[k]
                    if delta != 0 {
                        changed.append(candidates[k])
                        deltas[Int(candidates[k])] = delta
                    }
                    if new != 0 { alphas[i].append((candidates[k], new)) }
                }
                if !changed.isEmpty {
                    w.add(x, changed: changed, delta: deltas, found: &found)
                    for c in changed { deltas[Int(c)] = 0 }
                }
                for c in touched { scores[Int(c)] = 0 }
                touched.removeAll(keepingCapacity: true)
            }
        }
        return w.finished()
    }

    /// The smallest μ ≥ 0 for which Σₘ min(capₘ, targetₘ + μ / a) ≥ 0 (one example's dual
    /// variables must sum to at most 0 with the zero-score intents' share). The sum rises
    /// piecewise linearly in μ: each variable grows with slope 1 / a until it reaches its cap.
    private static func multiplier(_ targets: [Float], _ caps: [Float], _ a: Float, _ breakpoints: inout [Float]) -> Float {
        var capped: Float = 0, freeTargets: Float = 0
        var free = 0
        breakpoints.removeAll(keepingCapacity: true)
        for k in targets.indices {
            if targets[k] < caps[k] {
                freeTargets += targets[k]
                free += 1
                breakpoints.append(a * (caps[k] - targets[k]))
            } else {
                capped += caps[k]
            }
        }
        if capped + freeTargets >= 0 { return 0 }
        breakpoints.sort()
        // The breakpoint where each free variable reaches its cap, in increasing order; between
        // two of them the sum is linear. The caps of the variables capped so far are needed only
        // as a total: each variable's cap minus its target is its breakpoint / a.
        for b in breakpoints {
            let root = -(capped + freeTargets) * a / Float(free)
            if root <= b { return root }
            // The variable with this breakpoint is capped from here on.
            capped += b / a
            free -= 1
            if free == 0 { return b }
        }
        return 0
    }
}
