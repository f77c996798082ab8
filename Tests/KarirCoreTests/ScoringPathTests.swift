import Foundation
import Testing
@testable import KarirCore

/// The example pass has two paths: dense (every example scored into one array, up to
/// ``OwnerRanges/maxExamples``) and sparse (only the examples a message touches, for larger
/// knowledge). The shipped knowledge only takes the dense one, so this compiles the mini
/// knowledge both ways and asks both the same questions.
@Suite struct ScoringPathTests {
    static func engine(denseLimit: Int) throws -> Engine {
        let kb = KnowledgeLoader.load(folder: Fixture.miniKnowledge).0
        let prompts = PromptSet.load(folder: Fixture.miniPrompts).0
        let (compiled, diagnostics) = CompiledKnowledge.compile(kb, prompts: prompts, denseLimit: denseLimit)
        let knowledge = try #require(compiled, "\(diagnostics)")
        return Engine(compiled: knowledge, warnings: diagnostics, loadMilliseconds: 0)
    }

    static let questions = [
        "syarat kartu kuning apa", "brapa biaya kartu kunig", "gmn daftar pelatihan blk", "ump jawa tengah berapa",
        "what do i need for the yellow card", "is blk training free", "biayanya berapa?", "halo kak",
        "aku pengen mati aja", "bingung mau kerja apa", "resep nasi goreng", "how to train my dog", "",
        "kartu kuning dan pelatihan blk biayanya berapa", "minimum wage bali and east java",
    ]

    @Test func denseAndSparseScoringGiveTheSameAnswers() throws {
        let dense = try Self.engine(denseLimit: OwnerRanges.maxExamples)
        let sparse = try Self.engine(denseLimit: 0)
        #expect(dense.knowledge.index.ranges != nil)
        #expect(sparse.knowledge.index.ranges == nil)
        var session = (dense: Session(), sparse: Session())
        for q in Self.questions {
            // Alone, and in one running conversation.
            for (a, b) in [(dense.respond(to: q, in: Session(), explain: true), sparse.respond(to: q, in: Session(), explain: true)),
                           (dense.respond(to: q, in: session.dense, explain: true), sparse.respond(to: q, in: session.sparse, explain: true))] {
                #expect(a.intent == b.intent, "\(q)")
                #expect(a.kind == b.kind, "\(q)")
                #expect(abs(a.confidence - b.confidence) < 1e-9, "\(q)")
                #expect(a.candidates.map(\.intent) == b.candidates.map(\.intent), "\(q)")
                #expect(a.trace?.candidates.map(\.score) == b.trace?.candidates.map(\.score), "\(q)")
            }
            session = (dense.respond(to: q, in: session.dense).session, sparse.respond(to: q, in: session.sparse).session)
        }
    }
}
