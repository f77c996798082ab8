import Foundation
import Testing
@testable import KarirCore

/// A follow-up that matches nothing well on its own is read together with the conversation's
/// subject (``Session/subject``): the last message an intent answered on its own words.
@Suite struct SubjectTests {
    let engine = Fixture.engine

    func ask(_ text: String, _ session: Session = Session()) -> Reply { engine.respond(to: text, in: session, explain: true) }

    /// The turn for `text` in `session`, ranked as ``Turn/run()`` ranks it.
    func turn(_ text: String, _ session: Session) -> (Turn, Candidate?) {
        var t = Turn(engine: engine, session: session, text: text, forced: nil, explain: true)
        let ranking = engine.matcher.rank(t.analysis, session: t.session)
        t.ranking = ranking
        return (t, ranking.candidates.first)
    }

    @Test func theSubjectIsTheLastMessageAnsweredOnItsOwnWords() {
        let first = ask("syarat kartu kuning apa")
        #expect(first.intent == "ak1_requirements")
        #expect(first.session.subject == "syarat kartu kuning apa")
        // A message Karir declines does not change what the conversation is about.
        let hello = ask("resep nasi goreng enak", first.session)
        #expect(hello.kind == .fallback)
        #expect(hello.session.subject == "syarat kartu kuning apa")
        // A new question answered on its own words becomes the subject.
        let other = ask("cara daftar pelatihan blk", hello.session)
        #expect(other.intent == "training_register")
        #expect(other.session.subject == "cara daftar pelatihan blk")
        // Kept to a bounded length.
        let long = ask("syarat kartu kuning apa " + String(repeating: "dokumen ", count: 100), Session())
        #expect((long.session.subject?.count ?? 0) <= Session.subjectLength)
    }

    @Test func aFollowUpIsReadWithTheSubjectAndKeepsIt() throws {
        let first = ask("cara daftar pelatihan blk")
        #expect(first.intent == "training_register")
        // "online?" alone: the joined reading ("cara daftar pelatihan blk online?") is the
        // registration answer, which is the answer just given: it says so first.
        let (followUp, top) = turn("online?", first.session)
        var t = followUp
        let best = try #require(top)
        let answered = t.answerWithSubject(best)
        let reply = try #require(answered)
        #expect(reply.intent == "training_register")
        #expect(reply.trace?.rule.contains("read with the conversation's subject") == true)
        // The whole turn opens with the lead that says so.
        let whole = engine.respond(to: "online?", in: first.session)
        #expect(whole.intent == "training_register")
        #expect(whole.text.hasPrefix("Soal itu, yang bisa saya sampaikan sama dengan jawaban tadi."))
        // A follow-up read with the subject does not replace it.
        #expect(reply.session.subject == "cara daftar pelatihan blk")
        // A repeated answer: staff see the question among the unanswered ones, gateways in the JSON.
        #expect(reply.repeated)
        #expect(ChatEvent.events(question: "online?", reply: reply, session: "s").map(\.type) == [.message, .unanswered])
        #expect(ReplyPayload(reply).jsonLine().contains(#""repeated":true"#))
        #expect(!ReplyPayload(first).jsonLine().contains("repeated"))
    }

    @Test func aNewAnswerThroughTheSubjectHasNoLead() throws {
        let first = ask("syarat kartu kuning apa")
        #expect(first.intent == "ak1_requirements")
        let (followUp, top) = turn("harga?", first.session)
        var t = followUp
        let best = try #require(top)
        let answered = t.answerWithSubject(best)
        let reply = try #require(answered)
        #expect(reply.intent == "ak1_cost")
        #expect(!reply.text.contains("jawaban tadi"))
        #expect(!reply.repeated)
    }

    @Test func offSubjectMessagesAreNotReadWithIt() throws {
        let first = ask("cara daftar pelatihan blk")
        // Nearer an out-of-scope example than any intent's.
        let (recipe, recipeTop) = turn("resep nasi goreng enak", first.session)
        var r = recipe
        if let top = recipeTop { let none = r.answerWithSubject(top); #expect(none == nil) }
        // Without a subject there is nothing to read with.
        var fresh = first.session
        fresh.subject = nil
        let (alone, aloneTop) = turn("online?", fresh)
        var a = alone
        let aloneBest = try #require(aloneTop)
        let none = a.answerWithSubject(aloneBest)
        #expect(none == nil)
        // Mostly unknown words: not a follow-up about the subject.
        let (unknown, unknownTop) = turn("zorblax quintuple online?", first.session)
        var u = unknown
        if let top = unknownTop { let none = u.answerWithSubject(top); #expect(none == nil) }
    }

    /// Sessions stored before the subject existed still decode.
    @Test func anOlderSessionWithoutASubjectDecodes() throws {
        let json = #"{"slots":{},"turn":3,"offeredChoices":[],"activeTopic":"training","lastIntent":"training_cost"}"#
        let session = try JSONDecoder().decode(Session.self, from: Data(json.utf8))
        #expect(session.subject == nil)
        #expect(session.activeTopic == "training")
    }
}
