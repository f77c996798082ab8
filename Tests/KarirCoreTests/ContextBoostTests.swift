import Testing
@testable import KarirCore

/// The conversation's topic and the last answer's follow-ups are boosted so that elliptical
/// follow-ups ("biayanya berapa?") stay in the conversation; a message that asks a question of
/// its own is read without those boosts.
@Suite struct ContextBoostTests {
    static func ranking(_ text: String, after topic: String? = "ak1_card", lastIntent: String? = "ak1_cost") -> Matcher.Ranking {
        let engine = Fixture.engine
        var session = Session()
        session.activeTopic = topic
        session.lastIntent = lastIntent
        let analysis = engine.knowledge.analyzer.analyze(text, sessionLanguage: nil)
        return engine.matcher.rank(analysis, session: session)
    }

    /// Read without the boosts: every candidate scores exactly as outside a conversation (the
    /// model's odds included), where the conversation would have raised the AK/1 intents.
    static func readAsAlone(_ text: String) {
        let inConversation = ranking(text), alone = ranking(text, after: nil, lastIntent: nil)
        #expect(inConversation.selfContained, "\(text)")
        #expect(!alone.selfContained)
        #expect(inConversation.candidates.map(\.intent) == alone.candidates.map(\.intent), "\(text)")
        #expect(inConversation.candidates.map(\.score) == alone.candidates.map(\.score), "\(text)")
        #expect(inConversation.candidates.contains { Fixture.engine.knowledge.base.intents[$0.intent].topic == "ak1_card" }, "\(text)")
    }

    @Test func aShortFollowUpKeepsTheBoosts() {
        let r = Self.ranking("biayanya berapa?")
        #expect(!r.selfContained)
        #expect(r.candidates.contains { $0.boost > 0 })
        #expect(r.candidates.first.map { Fixture.engine.knowledge.base.intents[$0.intent].topic } == "ak1_card")
    }

    @Test func aMessageNamingAnotherTopicIsReadAsAlone() {
        // "blk" and "pelatihan" anchor the training topic in the mini knowledge.
        Self.readAsAlone("mau tanya biaya pelatihan di blk itu berapa")
        // Fewer than six words: still a follow-up, whatever topic its words are most used in.
        #expect(!Self.ranking("pelatihan blk berapa").selfContained)
        // Naming the conversation's own topic as well keeps the boosts.
        #expect(!Self.ranking("kartu kuning dan pelatihan blk biayanya berapa").selfContained)
    }

    @Test func aLongMessageNotNamingTheTopicIsReadAsAlone() {
        Self.readAsAlone("saya sudah lama bingung tidak tahu harus bagaimana dengan biaya hidup dan pekerjaan saya sekarang berapa")
    }
}

/// Inside a conversation, a message clearly nearer an out-of-scope example than any intent's
/// example is out of scope whatever the follow-up rules say (``Turn/clearlyOutOfScope``).
@Suite struct ClearlyOutOfScopeInConversationTests {
    @Test func aFollowUpThatIsClearlyAnotherMatterFallsBack() throws {
        var files = try Fixture.miniFiles()
        files["football.yaml"] = """
        out_of_scope:
          id: [kartu kuning di sepak bola dua kali jadi kartu merah, wasit kasih kartu kuning ke pemain bola]
          en: [two yellow cards in football make a red card]
        """
        let engine = try Engine.load(knowledge: try Fixture.folder(files), prompts: Fixture.miniPrompts)
        let first = engine.respond(to: "berapa biaya kartu kuning", in: Session())
        #expect(first.intent == "ak1_cost")
        // "kalau …" after an AK/1 answer would stay with the card; the football sense is clearly
        // nearer an out-of-scope example.
        let off = engine.respond(to: "kalau kartu kuning di sepak bola gimana", in: first.session, explain: true)
        #expect(off.kind == .fallback, "\(off.trace?.rule ?? "")")
        #expect(off.trace?.rule.contains("inside a conversation, clearly closest to an out-of-scope example") == true)
        // A real follow-up still continues the conversation.
        let requirements = engine.respond(to: "kalau syaratnya apa", in: first.session)
        #expect(requirements.kind == .answer)
        #expect(requirements.topic == "ak1_card")
    }
}
