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
}
