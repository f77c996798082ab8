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
        }
    }
}
