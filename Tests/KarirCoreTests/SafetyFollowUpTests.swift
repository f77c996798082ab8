import Foundation
import Testing
@testable import KarirCore

/// Right after a safety answer, a message Karir cannot answer, or one a pleasantry holds only
/// loosely, gets the `safety_followup` prompt instead of a cold fallback or "Hello!"
/// (``Turn/safetyFollowUp()``).
@Suite struct SafetyFollowUpTests {
    static let followUpPrompt = """
      safety_followup:
        id: "Saya masih di sini.{{#suggestions}}\\n{{number}}. {{title}}{{/suggestions}}"
        en: "I'm still here.{{#suggestions}}\\n{{number}}. {{title}}{{/suggestions}}"
    """

    /// The mini knowledge, with the mini prompts plus `safety_followup` when `withPrompt`.
    func engine(withPrompt: Bool) throws -> Engine {
        var prompts = try String(contentsOf: Fixture.miniPrompts.appendingPathComponent("prompts.yaml"), encoding: .utf8)
        if withPrompt { prompts += "\n" + Self.followUpPrompt + "\n" }
        return try Engine.load(knowledge: Fixture.miniKnowledge, prompts: try Fixture.folder(["prompts.yaml": prompts]))
    }

    @Test func aMessageKarirCannotAnswerAfterASafetyAnswerGetsTheFollowUp() throws {
        let engine = try engine(withPrompt: true)
        let safety = engine.respond(to: "saya ingin bunuh diri", in: Session())
        #expect(safety.intent == "safety_self_harm")
        let next = engine.respond(to: "resep rendang padang yang enak", in: safety.session, explain: true)
        #expect(next.kind == .fallback)
        #expect(next.text.hasPrefix("Saya masih di sini."))
        #expect(next.suggestions.first?.intent == "safety_self_harm")
        #expect(next.trace?.rule.contains("right after a safety answer") == true)
        // Choice 1 is the safety answer again.
        let again = engine.respond(to: "1", in: next.session)
        #expect(again.intent == "safety_self_harm")
    }

    @Test func aLoosePleasantryAfterASafetyAnswerGetsTheFollowUpAndAPlainOneIsAnswered() throws {
        let engine = try engine(withPrompt: true)
        let safety = engine.respond(to: "saya ingin bunuh diri", in: Session())
        // "halo juga kok" is near "halo" only loosely: not met with "Halo! Ada yang bisa saya bantu?".
        let loose = engine.respond(to: "halo juga kok dari tadi", in: safety.session)
        #expect(loose.intent != "smalltalk_greeting")
        #expect(loose.text.hasPrefix("Saya masih di sini."))
        // Said in so many words, the pleasantry answers.
        let plain = engine.respond(to: "halo", in: safety.session)
        #expect(plain.intent == "smalltalk_greeting")
    }

    @Test func withoutThePromptOrOutsideASafetyConversationTheFallbackIsPlain() throws {
        let plainPrompts = try engine(withPrompt: false)
        let safety = plainPrompts.respond(to: "saya ingin bunuh diri", in: Session())
        let next = plainPrompts.respond(to: "resep rendang padang yang enak", in: safety.session)
        #expect(next.kind == .fallback)
        #expect(next.text.hasPrefix("Maaf, saya hanya membantu"))

        let withPrompt = try engine(withPrompt: true)
        let asked = withPrompt.respond(to: "berapa biaya kartu kuning", in: Session())
        let other = withPrompt.respond(to: "resep rendang padang yang enak", in: asked.session)
        #expect(other.text.hasPrefix("Maaf, saya hanya membantu"))
    }

    @Test func aSafetyAnswerGivenAgainOpensWithItsHelp() throws {
        let engine = try engine(withPrompt: true)
        let safety = engine.respond(to: "saya ingin bunuh diri", in: Session())
        let again = engine.respond(to: "saya harus hubungi siapa", in: safety.session)
        #expect(again.intent == "safety_self_harm")
        #expect(again.repeated)
        // The mini prompts define same_answer_again ("Soal itu, …"); a safety answer does not
        // open with it.
        #expect(again.text.hasPrefix("You are not alone") || again.text.hasPrefix("Kamu tidak sendirian"))
    }

    @Test func askingWhoCanHelpRightAfterASafetyAnswerGetsItsContacts() throws {
        let engine = try engine(withPrompt: true)
        let safety = engine.respond(to: "saya ingin bunuh diri", in: Session())
        for text in ["siapa yang bisa bantu saya", "who can help me"] {
            let again = engine.respond(to: text, in: safety.session, explain: true)
            #expect(again.intent == "safety_self_harm", "\(text)")
            #expect(again.trace?.rule.contains("asking whom to contact right after a safety answer") == true, "\(text)")
        }
        // Asking who can help with something else is that question.
        #expect(Turn(engine: engine, session: safety.session, text: "siapa yang bisa bantu bikin cv", forced: nil, explain: false)
            .asksWhoCanHelp(engine.knowledge.analyzer.analyze("siapa yang bisa bantu bikin cv", sessionLanguage: nil).tokens) == false)
    }

    /// The mini knowledge with a low-priority small-talk topic holding a thanks intent, and
    /// prompts with `safety_thanks` when `withPrompt`.
    func thanksEngine(withPrompt: Bool) throws -> Engine {
        var files = try Fixture.miniFiles()
        let smalltalk = "  - id: smalltalk\n    title: { id: Obrolan, en: Small talk }\n"
        #expect(files["base.yaml"]?.contains(smalltalk) == true)
        files["base.yaml"] = files["base.yaml"]?.replacingOccurrences(of: smalltalk, with: smalltalk + "    priority: low\n")
        files["thanks.yaml"] = """
        intents:
          - id: smalltalk_thanks
            topic: smalltalk
            title: { id: Terima kasih, en: Thanks }
            examples:
              id: [terima kasih, makasih ya, makasih banyak, trims, terima kasih kak, makasih min, oke makasih, terima kasih banyak]
              en: [thanks, thank you, thanks a lot, thank you so much, thx, many thanks, ok thanks, great thanks]
            answer: { id: "Sama-sama!", en: "You're welcome!" }
        """
        var prompts = try String(contentsOf: Fixture.miniPrompts.appendingPathComponent("prompts.yaml"), encoding: .utf8)
        prompts += "\n" + Self.followUpPrompt + "\n"
        if withPrompt {
            prompts += """
              safety_thanks:
                id: "Sama-sama, terima kasih sudah bercerita.{{#suggestions}}\\n{{number}}. {{title}}{{/suggestions}}"
                en: "You're welcome, thank you for telling me.{{#suggestions}}\\n{{number}}. {{title}}{{/suggestions}}"

            """
        }
        return try Engine.load(knowledge: try Fixture.folder(files), prompts: try Fixture.folder(["prompts.yaml": prompts]))
    }

    @Test func thanksRightAfterASafetyAnswerIsMetWarmlyAndKeepsTheConversation() throws {
        let engine = try thanksEngine(withPrompt: true)
        let safety = engine.respond(to: "saya ingin bunuh diri", in: Session())
        #expect(safety.intent == "safety_self_harm")
        for text in ["makasih udah dengerin", "terima kasih", "thank you for listening"] {
            let thanks = engine.respond(to: text, in: safety.session, explain: true)
            // (Read by the thanks intent when it holds the message well enough, as the safety
            // follow-up otherwise: the same warm text either way.)
            #expect(thanks.intent == "smalltalk_thanks" || thanks.kind == .fallback, "\(text)")
            #expect(thanks.text.hasPrefix("Sama-sama, terima kasih sudah bercerita") || thanks.text.hasPrefix("You're welcome, thank you for telling me"), "\(text)")
            #expect(thanks.suggestions.first?.intent == "safety_self_harm", "\(text)")
            // The conversation stays in the safety answer's topic.
            #expect(thanks.session.lastIntent == "safety_self_harm")
            #expect(thanks.trace?.rule.contains("thanks right after a safety answer") == true)
        }
        // Outside a safety conversation, thanks get the plain answer.
        #expect(engine.respond(to: "makasih", in: Session()).text == "Sama-sama!")
        // Without the prompt, a plain "makasih" gets the plain answer, as before.
        let plain = try thanksEngine(withPrompt: false)
        let before = plain.respond(to: "saya ingin bunuh diri", in: Session())
        #expect(plain.respond(to: "terima kasih", in: before.session).text == "Sama-sama!")
    }
}
