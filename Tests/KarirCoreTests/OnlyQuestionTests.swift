import Foundation
import Testing
@testable import KarirCore

/// A message of several sentences of which only one asks anything gets that question answered
/// when the sentence alone answers far more confidently than the whole message
/// (``Turn/answerTheOnlyQuestion(_:before:)``): "the bot is useless. I only want to know how to
/// claim JHT!!!" is a JHT question, not a complaint about the bot.
@Suite struct OnlyQuestionTests {
    static let complaint = """
    intents:
      - id: bot_complaint
        topic: smalltalk
        title: { id: Keluhan soal bot, en: Complaint about the bot }
        examples:
          id: [jawabanmu salah terus, bot ini tidak nyambung, dari tadi jawabannya salah, jawaban kamu tidak membantu,
               botnya bodoh, jawabannya ngawur, kamu tidak mengerti pertanyaan saya, balasanmu tidak nyambung dari tadi]
          en: [your answers are wrong, this bot makes no sense, you keep answering wrong, your reply did not help,
               stupid bot, the answers are nonsense, you do not understand my question, your replies make no sense]
        answer: { id: "Maaf, keluhanmu saya catat.", en: "Sorry, I have noted your complaint." }
    """

    static let engine: Engine? = {
        guard var files = try? Fixture.miniFiles() else { return nil }
        files["complaint.yaml"] = complaint
        return try? Engine.load(knowledge: try Fixture.folder(files), prompts: Fixture.miniPrompts)
    }()

    @Test func theOnlyQuestionOfAVentingMessageIsAnswered() throws {
        let engine = try #require(Self.engine)
        let text = "botnya bodoh, tidak nyambung. berapa biaya pelatihan di blk"
        let reply = engine.respond(to: text, in: Session(), explain: true)
        #expect(reply.intent == "training_cost")
        #expect(reply.trace?.rule.contains("the message's only question, read alone") == true)
        // The conversation goes on from the answer given, keeping what came before.
        var before = Session()
        before.slots["province"] = "bali"
        before.turn = 3
        let later = engine.respond(to: text, in: before)
        #expect(later.session.lastIntent == "training_cost")
        #expect(later.session.activeTopic == "training")
        #expect(later.session.slots["province"] == "bali")
        #expect(later.session.turn == 4)
        // The venting sentence alone is the complaint; with a question it is only the mood.
        #expect(engine.respond(to: "dari tadi jawabannya tidak nyambung", in: Session()).intent == "bot_complaint")
    }

    @Test func aMessageTellingItsCaseKeepsTheWholeReading() throws {
        let engine = try #require(Self.engine)
        // One sentence: nothing to pick.
        let one = engine.respond(to: "berapa biaya pelatihan di blk", in: Session())
        #expect(one.intent == "training_cost")
        // Two questions: both are answered by the rule for several questions, not this one.
        let two = engine.respond(to: "berapa biaya pelatihan di blk? syarat kartu kuning apa?", in: Session(), explain: true)
        #expect(two.trace?.rule.contains("the message's only question") == false)
    }
}
