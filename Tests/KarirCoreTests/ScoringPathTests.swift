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

/// With the examples grouped by intent, the matcher looks up an intent's best example only when
/// a bound on its score can still reach the best ten. On knowledge with many intents (the mini
/// knowledge copied four times) that must skip intents and still rank exactly as looking at
/// every intent does.
@Suite struct BoundedRankingTests {
    @Test func skippingIntentsThatCannotRankKeepsTheRanking() throws {
        let kb = KnowledgeLoader.load(folder: Fixture.miniKnowledge).0.scaled(by: 4)
        let prompts = PromptSet.load(folder: Fixture.miniPrompts).0
        let (compiled, diagnostics) = CompiledKnowledge.compile(kb, prompts: prompts)
        let knowledge = try #require(compiled, "\(diagnostics)")
        let engine = Engine(compiled: knowledge, warnings: diagnostics, loadMilliseconds: 0)
        let bounded = Matcher(knowledge: knowledge)
        var everyIntent = Matcher(knowledge: knowledge)
        everyIntent.examinesEveryIntent = true
        #expect(knowledge.index.ranges != nil)
        var examined = (bounded: 0, every: 0)
        var session = Session()
        for q in ScoringPathTests.questions {
            for s in [Session(), session] {
                let analysis = knowledge.analyzer.analyze(q, sessionLanguage: s.language)
                let a = bounded.rank(analysis, session: s), b = everyIntent.rank(analysis, session: s)
                #expect(a.candidates.map(\.intent) == b.candidates.map(\.intent), "\(q)")
                #expect(a.candidates.map(\.score) == b.candidates.map(\.score), "\(q)")
                #expect(a.candidates.map(\.example) == b.candidates.map(\.example), "\(q)")
                #expect(a.candidates.map(\.nearest) == b.candidates.map(\.nearest), "\(q)")
                #expect(a.nearestInTopic?.intent == b.nearestInTopic?.intent, "\(q)")
                #expect(a.outOfScope == b.outOfScope, "\(q)")
                examined.bounded += a.examinedIntents
                examined.every += b.examinedIntents
            }
            session = engine.respond(to: q, in: session).session
        }
        // The bound must actually spare work here, or this test compares a path with itself.
        #expect(examined.bounded * 5 < examined.every * 4, "\(examined)")
    }
}
