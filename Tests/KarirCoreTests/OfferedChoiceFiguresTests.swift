import Foundation
import Testing
@testable import KarirCore

/// After Karir asked back (or fell back with its guesses), a wage and little else goes to the one
/// offered choice that computes with it; numbers said in words count.
@Suite struct OfferedChoiceFiguresTests {
    static let benefit = """
    intents:
      - id: wage_benefit
        topic: wages
        title: { id: Besaran tunjangan, en: Benefit amount }
        examples:
          id: [tunjangan setelah phk berapa, dapat uang berapa setelah dipecat, berapa tunjangan kalau kena phk, uang pengganti gaji berapa, manfaat tunai setelah phk berapa, besar tunjangan phk, kena phk dapat berapa, tunjangan bulanan setelah phk]
          en: [how much is the benefit after a layoff, how much money after being laid off, benefit amount after dismissal, monthly cash after a layoff, cash benefit after layoff, how much do i get after a layoff, layoff benefit amount, monthly benefit after dismissal]
        answer:
          id: "Manfaatnya 60% dari upah.{{#calculation}} Dengan upahmu {{wage}}: {{monthly}} per bulan.{{/calculation}}"
          en: "It is 60% of the wage.{{#calculation}} With your wage of {{wage}}: {{monthly}} a month.{{/calculation}}"
        calculate: jkp_benefit
    """

    func engine() throws -> Engine {
        var files = try Fixture.miniFiles()
        files["benefit.yaml"] = Self.benefit
        return try Engine.load(knowledge: try Fixture.folder(files), prompts: Fixture.miniPrompts)
    }

    @Test func aWageAfterAskingBackGoesToTheChoiceThatComputes() throws {
        let engine = try engine()
        var session = Session()
        session.offeredChoices = ["wage_benefit", "training_cost"]
        let reply = engine.respond(to: "gaji saya dua juta tiga ratus", in: session)
        #expect(reply.intent == "wage_benefit")
        #expect(reply.text.contains("Rp 2.300.000"))
        #expect(reply.text.contains("Rp 1.380.000"))
    }

    @Test func notWithoutAWageNorWithoutOfferedChoices() throws {
        let engine = try engine()
        // Without a wage in the message: no computation is chosen for it.
        var asked = Session()
        asked.offeredChoices = ["wage_benefit", "training_cost"]
        #expect(engine.respond(to: "tiga tahun", in: asked).intent != "wage_benefit")
        // Nothing offered: the figures alone choose no computation.
        #expect(engine.respond(to: "gaji saya dua juta tiga ratus", in: Session()).intent != "wage_benefit")
    }
}
