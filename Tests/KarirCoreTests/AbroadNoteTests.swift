import Foundation
import Testing
@testable import KarirCore

/// Work abroad named in a conversation (`abroad_words` in settings) puts a topic's
/// `abroad_note` before its answers, which are written for work in Indonesia.
@Suite struct AbroadNoteTests {
    static func files() throws -> [String: String] {
        var files = try Fixture.miniFiles()
        let plain = "  - id: wages\n    title: { id: Upah, en: Wages }\n"
        let noted = plain + "    abroad_note: { id: \"Kalau kerjanya di luar negeri, tanya KBRI.\", en: \"If the work is abroad, ask the embassy.\" }\n"
        files["base.yaml"] = files["base.yaml"]?.replacingOccurrences(of: plain, with: noted)
        files["abroad.yaml"] = "settings:\n  abroad_words: [luar negeri, malaysia, hong kong]\n"
        return files
    }

    static let engine: Engine? = try? Engine.load(knowledge: try Fixture.folder(files()), prompts: Fixture.miniPrompts)

    @Test func aWagesAnswerAfterNamingWorkAbroadOpensWithTheNote() throws {
        #expect(try Fixture.miniFiles()["base.yaml"]?.contains("  - id: wages\n    title: { id: Upah, en: Wages }\n") == true)
        let engine = try #require(Self.engine)
        let plain = engine.respond(to: "berapa ump jawa tengah", in: Session())
        #expect(plain.intent == "wage_ump")
        #expect(!plain.text.contains("KBRI"))
        #expect(plain.session.abroad == nil)
        // Named in an earlier message, a phrase of two words; the province remembered.
        let first = engine.respond(to: "saya kerja di hong kong", in: plain.session)
        #expect(first.session.abroad == true)
        let later = engine.respond(to: "berapa upah minimum provinsi", in: first.session)
        #expect(later.intent == "wage_ump")
        #expect(later.text.hasPrefix("Kalau kerjanya di luar negeri, tanya KBRI.\n"))
        // A place in Indonesia named without abroad brings the conversation home.
        let home = engine.respond(to: "berapa ump jawa timur", in: later.session)
        #expect(home.intent == "wage_ump")
        #expect(!home.text.contains("KBRI"))
        #expect(home.session.abroad == nil)
        // In the same message, once only.
        let same = engine.respond(to: "ump jawa tengah berapa, saya di malaysia", in: Session())
        #expect(same.text.components(separatedBy: "tanya KBRI").count == 2)
    }

    @Test func anUnknownAbroadKeyIsReportedWithItsPlace() throws {
        var files = try Fixture.miniFiles()
        files["abroad.yaml"] = "settings:\n  abroad_word: [malaysia]\n"
        #expect(throws: (any Error).self) { try Engine.load(knowledge: try Fixture.folder(files), prompts: Fixture.miniPrompts) }
    }
}
