import Testing
@testable import KarirCore

/// A message that announces a question and only says who it is about ("min mau tanya, saya
/// kerja di bali") gets the question invited (``Turn/questionAnnounced()``), with what it names
/// remembered; one that already asks or says what is wanted is answered.
@Suite struct QuestionAnnouncedTests {
    @Test func anAnnouncedQuestionIsInvitedAndItsPlaceRemembered() throws {
        let engine = Fixture.engine
        let reply = engine.respond(to: "min mau tanya, saya kerja di bali", in: Session())
        #expect(reply.kind == .ask)
        #expect(reply.intent == nil)
        #expect(reply.session.slots["province"] == "bali")
        // The question that follows is read with the place.
        let next = engine.respond(to: "berapa upah minimum", in: reply.session)
        #expect(next.intent == "wage_ump")
    }

    @Test func notWhenTheMessageAsksOrWantsSomething() {
        let engine = Fixture.engine
        #expect(engine.respond(to: "min mau tanya, saya mau daftar pelatihan", in: Session()).kind != .ask)
        #expect(engine.respond(to: "min mau tanya, saya kerja di bali?", in: Session()).kind != .ask)
        #expect(engine.respond(to: "min mau tanya, saya kerja di bali boleh ikut pelatihan gak", in: Session()).kind != .ask)
        // No asking word: "oh", "ok" announce nothing.
        #expect(engine.respond(to: "oh iya saya kerja di bali sekarang", in: Session()).kind != .ask)
    }
}
