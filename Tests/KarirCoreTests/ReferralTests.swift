import Foundation
import Testing
@testable import KarirCore

/// Out-of-scope questions that another office answers (`referrals:`) are declined with the
/// sentence that names that office, and the reply carries the group's id.
@Suite struct ReferralTests {
    static let referrals = """
    referrals:
      - id: tax
        text:
          id: "Soal pajak ditanyakan ke kantor pajak."
          en: "Ask the tax office about taxes."
        examples:
          id: [gaji saya kena pajak penghasilan berapa, cara lapor spt tahunan]
          en: [how much income tax do i pay on my salary]
    """

    func engine(_ extra: [String: String]) throws -> Engine {
        var files = try Fixture.miniFiles()
        for (name, content) in extra { files[name] = content }
        return try Engine.load(knowledge: try Fixture.folder(files), prompts: Fixture.miniPrompts)
    }

    @Test func askingWhereToAskRightAfterAReferralGetsItsOfficeAgain() throws {
        let engine = try engine(["referrals.yaml": Self.referrals])
        let first = engine.respond(to: "gaji saya kena pajak penghasilan berapa ya", in: Session())
        #expect(first.session.referral == "tax")
        for text in ["ok ke mana nanyanya", "where do I ask then"] {
            let again = engine.respond(to: text, in: first.session, explain: true)
            #expect(again.referral == "tax", "\(text)")
            #expect(again.text.hasPrefix("Soal pajak ditanyakan ke kantor pajak.") || again.text.hasPrefix("Ask the tax office"), "\(text)")
            #expect(again.trace?.rule.contains("right after the referral `tax`") == true, "\(text)")
        }
        // Only right after it: another reply in between forgets it.
        let between = engine.respond(to: "syarat bikin kartu kuning apa aja", in: first.session)
        #expect(between.session.referral == nil)
        #expect(engine.respond(to: "ok ke mana nanyanya", in: between.session).referral == nil)
    }

    @Test func aQuestionNearAReferralExampleSaysWhereToAsk() throws {
        let engine = try engine(["referrals.yaml": Self.referrals])
        let reply = engine.respond(to: "gaji saya kena pajak penghasilan berapa ya", in: Session())
        #expect(reply.kind == .fallback)
        #expect(reply.referral == "tax")
        #expect(reply.text.contains("Soal pajak ditanyakan ke kantor pajak."))
        #expect(reply.suggestions.isEmpty)
        let english = engine.respond(to: "how much income tax do i pay on my salary?", in: Session())
        #expect(english.referral == "tax")
        #expect(english.text.contains("Ask the tax office about taxes."))
        // An ordinary out-of-scope question keeps the general decline, and no referral.
        let recipe = engine.respond(to: "resep nasi goreng enak", in: Session())
        #expect(recipe.kind == .fallback)
        #expect(recipe.referral == nil)
        // An in-scope question is still answered.
        #expect(engine.respond(to: "syarat bikin kartu kuning apa aja", in: Session()).kind == .answer)
    }

    @Test func theReferralIsInTheJSONReply() throws {
        let engine = try engine(["referrals.yaml": Self.referrals])
        let line = ReplyPayload(engine.respond(to: "cara lapor spt tahunan", in: Session())).jsonLine()
        #expect(line.contains(#""referral":"tax""#))
    }

    @Test func brokenReferralsAreReportedWithTheirPlace() throws {
        let yaml = """
        referrals:
          - id: tax
            examples:
              id: [pajak gaji berapa]
          - id: loans
            text: { id: "Tanya bank.", en: "Ask a bank." }
          - id: visa
            text: { id: "Tanya imigrasi.", en: "Ask immigration." }
            examples:
              id: [perpanjang visa]
          - id: visa
            text: { id: "Tanya imigrasi.", en: "Ask immigration." }
            examples:
              id: [visa kerja]
        """
        let dir = try Fixture.folder(["r.yaml": yaml])
        let (_, diagnostics) = KnowledgeLoader.load(folder: dir)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.message.contains("referral tax has no text") && $0.line == 2 && $0.file.hasSuffix("r.yaml") })
        #expect(errors.contains { $0.message.contains("referral loans has no examples") && $0.line == 5 })
        #expect(errors.contains { $0.message.contains("referral `visa` is declared twice (first at") && $0.line == 11 })
        #expect(errors.allSatisfy { $0.hint != nil })
    }

    @Test func referralsSurviveTheCompiledSnapshot() throws {
        let engine = try engine(["referrals.yaml": Self.referrals])
        var writer = SnapshotWriter()
        engine.knowledge.base.write(to: &writer)
        let bytes = writer.finished()
        let base = try bytes.withUnsafeBytes { raw in
            var reader = try SnapshotReader(raw)
            return try KnowledgeBase(from: &reader)
        }
        #expect(base.referrals.map(\.id) == ["tax"])
        #expect(base.referrals.first?.text[.en] == "Ask the tax office about taxes.")
        #expect(base.referrals.first?.examples[.id]?.count == 2)
    }
}
