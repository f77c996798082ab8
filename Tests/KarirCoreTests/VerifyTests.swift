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
