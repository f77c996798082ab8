import Testing
@testable import KarirCore

@Suite struct LinearModelTests {
    /// Three intents over six features, two examples each, with the texts that key their order.
    let examples: [(owner: Int32, vector: [(Int32, Float)], text: String)] = [
        (0, [(0, 0.8), (1, 0.6)], "syarat kartu kuning"), (0, [(0, 0.6), (3, 0.8)], "kartu kuning apa"),
        (1, [(2, 0.8), (1, 0.6)], "biaya pelatihan"), (1, [(2, 0.6), (4, 0.8)], "pelatihan gratis"),
        (2, [(5, 0.8), (3, 0.6)], "gaji minimum"), (2, [(5, 0.6), (4, 0.8)], "upah minimum gratis"),
    ]

    func scores(_ model: LinearModel, _ terms: [(Int32, Float)]) -> [Float] {
        var s = [Float](repeating: 0, count: 3)
        s.withUnsafeMutableBufferPointer { model.weights.accumulate(terms, into: $0) }
        return s
    }

    func train(_ list: [(owner: Int32, vector: [(Int32, Float)], text: String)]) -> LinearModel {
        LinearModel.train(examples: list.map { ($0.owner, $0.vector) }, keys: list.map { LinearModel.orderKey($0.text) },
                          features: 6, classes: 3).model
    }

    @Test func theOrderComesFromTheTextsNotFromTheirPositions() {
        let a = train(examples)
        let b = train(examples.reversed())
        let c = train([examples[3], examples[0], examples[5], examples[1], examples[4], examples[2]])
        for f in Int32(0)..<6 {
            #expect(scores(a, [(f, 1)]) == scores(b, [(f, 1)]))
            #expect(scores(a, [(f, 1)]) == scores(c, [(f, 1)]))
        }
    }

    @Test func theModelSeparatesTheIntents() {
        let m = train(examples)
        for (k, e) in examples.enumerated() {
            let s = scores(m, e.vector)
            #expect(s.indices.max { s[$0] < s[$1] } == Int(e.owner), "example \(k)")
            // The support-vector machine's margin: its own intent at least about 1 ahead.
            let rival = s.indices.filter { $0 != Int(e.owner) }.map { s[$0] }.max() ?? 0
            #expect(s[Int(e.owner)] - max(rival, 0) > 0.9, "example \(k)")
        }
    }

    /// The solution is the optimum of one convex problem: visiting the examples in another
    /// order (other texts, so other order keys) gives nearly the same weights.
    @Test func anotherVisitingOrderGivesNearlyTheSameModel() {
        let a = train(examples)
        let b = LinearModel.train(examples: examples.map { ($0.owner, $0.vector) }, keys: examples.map { LinearModel.orderKey("x" + $0.text + "y") },
                                  features: 6, classes: 3).model
        for f in Int32(0)..<6 {
            let sa = scores(a, [(f, 1)]), sb = scores(b, [(f, 1)])
            for c in 0..<3 { #expect(abs(sa[c] - sb[c]) < 0.02, "feature \(f), intent \(c)") }
        }
    }

    /// An example added to one intent leaves the weights of intents that share no feature with
    /// it as they were (the perceptrons used before moved about 1% of all answers at any edit).
    @Test func anEditLeavesUnrelatedIntentsAlone() {
        // Two separate groups: intents 0 and 1 over features 0–3, intents 2 and 3 over 4–7.
        let base: [(owner: Int32, vector: [(Int32, Float)], text: String)] = [
            (0, [(0, 0.8), (1, 0.6)], "a1"), (0, [(0, 0.6), (2, 0.8)], "a2"), (1, [(3, 0.8), (1, 0.6)], "b1"), (1, [(3, 0.6), (2, 0.8)], "b2"),
            (2, [(4, 0.8), (5, 0.6)], "c1"), (2, [(4, 0.6), (6, 0.8)], "c2"), (3, [(7, 0.8), (5, 0.6)], "d1"), (3, [(7, 0.6), (6, 0.8)], "d2"),
        ]
        func model(_ list: [(owner: Int32, vector: [(Int32, Float)], text: String)]) -> LinearModel {
            LinearModel.train(examples: list.map { ($0.owner, $0.vector) }, keys: list.map { LinearModel.orderKey($0.text) },
                              features: 8, classes: 4).model
        }
        func score(_ m: LinearModel, _ f: Int32) -> [Float] {
            var s = [Float](repeating: 0, count: 4)
            s.withUnsafeMutableBufferPointer { m.weights.accumulate([(f, 1)], into: $0) }
            return s
        }
        let before = model(base)
        let after = model(base + [(0, [(0, 0.5), (1, 0.5), (2, 0.7071)], "a3")])
        for f in Int32(4)..<8 {
            let s0 = score(before, f), s1 = score(after, f)
            for c in 0..<4 { #expect(abs(s0[c] - s1[c]) < 1e-5, "feature \(f), intent \(c)") }
        }
        // The edited group did change.
        #expect((0..<4).contains { f in zip(score(before, Int32(f)), score(after, Int32(f))).contains { abs($0 - $1) > 1e-3 } })
    }
}
