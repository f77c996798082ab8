import Foundation
import Testing
@testable import KarirCore

/// A question inside a conversation that the conversation's topic has no answer for gets a
/// fallback that says where that topic's questions are answered (the topic's `where_to_ask`,
/// prompt `fallback_in_topic`), instead of the general "I only help with jobs".
@Suite struct WhereToAskTests {
    let engine = Fixture.engine

    /// A turn of `text` inside a conversation about `topic`, ranked with `candidates`.
    func turn(_ text: String, topic: String, candidates: [(String, Double)]) -> Turn {
        var session = Session()
        session.activeTopic = topic
        session.lastIntent = "ak1_requirements"
        var t = Turn(engine: engine, session: session, text: text, forced: .id, explain: true)
        let ranked = candidates.map { id, score in
            Candidate(intent: engine.knowledge.intentIndex[id] ?? -1, score: score, example: 0.2, centroid: 0.1, boost: 0, nearest: "")
        }
        t.ranking = Matcher.Ranking(candidates: ranked, outOfScope: 0.05, outOfScopeExample: nil)
        return t
    }

    @Test func theTopicsWhereToAskIsReadFromTopicsYaml() {
        let topic = engine.knowledge.base.topics.first { $0.id == "ak1_card" }
        #expect(topic?.whereToAsk?[.id] == "Tanyakan ke Disnaker kabupaten/kota kamu.")
        #expect(topic?.whereToAsk?[.en] == "Ask your district manpower office (Disnaker).")
        #expect(engine.knowledge.base.topics.first { $0.id == "training" }?.whereToAsk == nil)
    }

    @Test func aQuestionAboutTheTopicSaysWhereToAsk() {
        var t = turn("kartunya bisa dilaminating?", topic: "ak1_card", candidates: [("ak1_cost", 0.05)])
        let reply = t.fallback(reason: "test", about: "ak1_card")
        #expect(reply.kind == .fallback)
        #expect(reply.topic == BuiltInTopic.fallback)
        #expect(reply.text.hasPrefix("Maaf, itu belum bisa saya jawab. Tanyakan ke Disnaker kabupaten/kota kamu."))
        // What the topic can answer is still offered (not the answer just given).
        #expect(reply.suggestions.map(\.intent) == ["ak1_cost"])
        #expect(reply.trace?.rule.contains("said where to ask about `ak1_card`") == true)
    }

    @Test func otherFallbacksStayGeneral() {
        // Not judged to be about the topic by the caller.
        var plain = turn("kartunya bisa dilaminating?", topic: "ak1_card", candidates: [("ak1_cost", 0.05)])
        #expect(plain.fallback(reason: "test").text.hasPrefix("Maaf, saya hanya membantu soal kerja dan pelatihan."))
        // Another topic's reading is plausible too: the message may be about that one.
        var other = turn("kartunya bisa dilaminating?", topic: "ak1_card", candidates: [("ak1_cost", 0.05), ("training_cost", 0.3)])
        #expect(other.fallback(reason: "test", about: "ak1_card").text.hasPrefix("Maaf, saya hanya membantu"))
        // Nearer an out-of-scope example than to any intent's example.
        var oos = turn("kartunya bisa dilaminating?", topic: "ak1_card", candidates: [("ak1_cost", 0.05)])
        oos.ranking?.outOfScope = 0.5
        #expect(oos.fallback(reason: "test", about: "ak1_card").text.hasPrefix("Maaf, saya hanya membantu"))
        // A topic without `where_to_ask`.
        var training = turn("kursusnya bisa dilaminating?", topic: "training", candidates: [("training_cost", 0.05)])
        #expect(training.fallback(reason: "test", about: "training").text.hasPrefix("Maaf, saya hanya membantu"))
    }

    @Test func anUnansweredQuestionNotesTheConversationsTopic() {
        // Outside a conversation: no topic.
        let alone = engine.respond(to: "resep nasi goreng enak", in: Session())
        #expect(alone.kind == .fallback)
        #expect(alone.conversationTopic == nil)
        // Inside one: the topic it was about when the question came.
        let first = engine.respond(to: "syarat kartu kuning apa", in: Session())
        #expect(first.conversationTopic == nil)
        let off = engine.respond(to: "resep nasi goreng enak", in: first.session)
        #expect(off.kind == .fallback)
        #expect(off.conversationTopic == "ak1_card")
        #expect(ReplyPayload(off).jsonLine().contains(#""conversation_topic":"ak1_card""#))
        #expect(!ReplyPayload(first).jsonLine().contains("conversation_topic"))
    }

    @Test func withoutThePromptTheGeneralFallbackIsUsed() throws {
        let prompts = try Fixture.folder(["prompts.yaml": """
            prompts:
              greeting: { id: Halo, en: Hello }
              help: { id: Bantuan, en: Help }
              fallback: { id: "Maaf, di luar topik.", en: "Sorry, out of scope." }
              clarify: { id: "Yang mana?", en: "Which one?" }
              handoff: { id: Petugas, en: Staff }
              safety: { id: Darurat, en: Emergency }
              goodbye: { id: Dah, en: Bye }

            """])
        let plain = try Engine.load(knowledge: Fixture.miniKnowledge, prompts: prompts)
        var session = Session()
        session.activeTopic = "ak1_card"
        var t = Turn(engine: plain, session: session, text: "kartunya bisa dilaminating?", forced: .id, explain: false)
        t.ranking = Matcher.Ranking(candidates: [Candidate(intent: plain.knowledge.intentIndex["ak1_cost"] ?? -1, score: 0.05, example: 0.2,
                                                           centroid: 0.1, boost: 0, nearest: "")], outOfScope: 0, outOfScopeExample: nil)
        #expect(t.fallback(reason: "test", about: "ak1_card").text == "Maaf, di luar topik.")
    }

    @Test func whereToAskNeedsBothLanguages() throws {
        let yaml = """
        topics:
          - id: jht
            title: { id: JHT, en: JHT }
            where_to_ask: { id: "Tanyakan ke BPJS Ketenagakerjaan." }

        """
        let dir = try Fixture.folder(["topics.yaml": yaml])
        let (kb, diagnostics) = KnowledgeLoader.load(folder: dir)
        let missing = diagnostics.first { $0.message.contains("where_to_ask of topic jht lacks the en text") }
        #expect(missing?.line == 4)
        #expect(missing?.severity == .error)
        #expect(kb.topics.first?.whereToAsk == nil)
    }
}
