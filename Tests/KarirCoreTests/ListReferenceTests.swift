import Testing
@testable import KarirCore

/// "yg no 2 gmn?": a message pointing at a numbered point of the last answer or of the person's
/// own numbered questions (``ListReference``).
@Suite struct ListReferenceTests {
    static func number(_ text: String) -> Int? {
        ListReference.number(in: Fixture.engine.knowledge.analyzer.analyze(text, sessionLanguage: nil).tokens)
    }

    @Test func aPointIsNamedWithAWordForIt() {
        #expect(Self.number("yg no 2 gmn?") == 2)
        #expect(Self.number("yang nomor 3 maksudnya apa") == 3)
        #expect(Self.number("poin ke-2 jelasin dong") == 2)
        #expect(Self.number("what does number 4 mean") == 4)
        #expect(Self.number("nomor dua gimana") == 2)
        // A bare number, a phone number or a long message points at nothing.
        #expect(Self.number("2") == nil)
        #expect(Self.number("no hp saya 0812") == nil)
        #expect(Self.number("nomor 2 itu maksudnya apa ya kak soalnya saya belum paham sama sekali") == nil)
    }

    @Test func theItemsOfTheFirstNumberedListOfAnAnswer() {
        let text = "Persiapan:\n1. Pelajari perusahaannya.\n2. Latih jawaban.\n3. Bawa CV.\nLangkah lain:\n1. Datang awal.\n2. Rapi."
        #expect(ListReference.items(of: text) == ["Pelajari perusahaannya.", "Latih jawaban.", "Bawa CV."])
        // Bullets, or a single numbered line, are no list to point at.
        #expect(ListReference.items(of: "Syarat:\n- KTP\n- ijazah").isEmpty)
        #expect(ListReference.items(of: "Catatan:\n1. Hanya satu.").isEmpty)
    }

    @Test func pointingAtAnItemOfTheLastAnswerShowsItAgain() {
        let engine = Fixture.engine
        var session = Session()
        session.lastIntent = engine.knowledge.base.intents.first?.id
        session.lastAnswerItems = ["Pelajari perusahaannya.", "Latih jawaban untuk pertanyaan umum."]
        let reply = engine.respond(to: "yg no 2 gmn?", in: session, explain: true)
        #expect(reply.text.contains("Latih jawaban untuk pertanyaan umum."))
        #expect(reply.trace?.rule.contains("item 2 of the last answer") == true)
        // A number beyond the list is no reference to it.
        let beyond = engine.respond(to: "yg no 5 gmn?", in: session, explain: true)
        #expect(beyond.trace?.rule.contains("item 5") != true)
    }
}
