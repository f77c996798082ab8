import Foundation
import Testing
@testable import KarirCore

/// `karir check` matches every example back to its own intent; a miss names the intent that
/// took it and that intent's nearest example, so staff see where the two overlap.
@Suite struct VerifyTests {
    @Test func aMisfiledExampleIsReportedWithTheOtherIntentsNearestExample() throws {
        var files = try Fixture.miniFiles()
        // A cry for help filed under the AK/1 cost intent: the safety intent takes it.
        files["base.yaml"] = try #require(files["base.yaml"]).replacingOccurrences(
            of: "biayanya berapa, bayar berapa, apakah ada biaya]",
            with: "biayanya berapa, bayar berapa, apakah ada biaya, saya ingin bunuh diri saja]")
        let engine = try Engine.load(knowledge: try Fixture.folder(files), prompts: Fixture.miniPrompts)
        let report = engine.verifyExamples()
        let miss = try #require(report.misses.first { $0.message.contains("saya ingin bunuh diri saja") })
        #expect(miss.message.contains("is answered by `safety_self_harm`"), "\(miss.message)")
        #expect(miss.message.contains("its nearest example: \"saya ingin bunuh diri\""), "\(miss.message)")
        #expect(miss.severity == .warning)
        #expect(miss.file.hasSuffix("base.yaml"))
        // The mini knowledge as shipped has no such miss.
        #expect(Fixture.engine.verifyExamples().misses.isEmpty)
    }
}

/// The leave-one-out pass of `karir check` shares the score accumulators with answering; a
/// check must leave them clean, so that the same questions are answered alike before and after.
@Suite struct VerifyLeavesNoTraceTests {
    @Test func answersAreTheSameBeforeAndAfterACheck() throws {
        let engine = try Engine.load(knowledge: Fixture.miniKnowledge, prompts: Fixture.miniPrompts)
        let questions = ScoringPathTests.questions + engine.exampleDocuments().map(\.example.value)
        func answers() -> [String] {
            questions.map { q in
                let r = engine.respond(to: q, in: Session(), explain: true)
                return "\(r.kind) \(r.intent ?? "-") \(r.confidence) \(r.trace?.rule ?? "")"
            }
        }
        let before = answers()
        _ = engine.verifyExamples()
        let changed = zip(questions, zip(before, answers())).filter { $0.1.0 != $0.1.1 }.map(\.0)
        #expect(changed.isEmpty, "answered differently after the check: \(changed.prefix(5))")
    }
}
