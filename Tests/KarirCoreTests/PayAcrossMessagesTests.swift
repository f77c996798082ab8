import Foundation
import Testing
@testable import KarirCore

/// A day's pay and the days worked, said in different messages, make the month's wage
/// (``Turn/rememberDailyPay(_:)``), which `calculate: monthly_pay` shows and every computation
/// with the wage uses.
@Suite struct PayAcrossMessagesTests {
    static let intents = """
    intents:
      - id: monthly_pay
        topic: wages
        title: { id: Gaji sebulan, en: Monthly pay }
        calculate: monthly_pay
        examples:
          id: [jadi gaji sebulan berapa, gaji sebulan dari upah harian berapa, hitung gaji sebulan, upah harian jadi sebulan berapa, total gaji sebulan berapa, gaji bulanan dari harian, sebulan gajiku berapa, hitungin gaji sebulan]
          en: [what is my monthly pay, monthly pay from a daily wage, work out my monthly salary, daily wage per month, total pay per month, my salary per month, how much a month, monthly salary from day rate]
        answer:
          id: "{{#calculation}}{{#shown}}Sebulan: {{shown}}.{{/shown}}{{^shown}}5 hari seminggu: {{five_days}}; 6 hari: {{six_days}}.{{/shown}}{{/calculation}}{{^calculation}}Upah sehari × hari kerja.{{/calculation}}"
          en: "{{#calculation}}{{#shown}}A month: {{shown}}.{{/shown}}{{^shown}}5 days a week: {{five_days}}; 6 days: {{six_days}}.{{/shown}}{{/calculation}}{{^calculation}}Day's pay × days.{{/calculation}}"
    """

    static func engine() throws -> Engine {
        var files = try Fixture.miniFiles()
        files["pay.yaml"] = intents
        return try Engine.load(knowledge: try Fixture.folder(files), prompts: Fixture.miniPrompts)
    }

    @Test func aDaysPayAndTheDaysFromTwoMessagesMakeTheMonth() throws {
        let engine = try Self.engine()
        // (Stated with a question mark: the statement alone gets the month at once, below.)
        let pay = engine.respond(to: "saya kerja di toko, dibayar 100rb sehari?", in: Session())
        #expect(pay.session.dailyPay == 100_000)
        #expect(pay.session.wage == nil)
        let days = engine.respond(to: "kerja 6 hari seminggu", in: pay.session)
        #expect(days.session.workDays == 26)
        #expect(days.session.workDaysPerWeek == 6)
        #expect(days.session.wage == 2_600_000)
        let month = engine.respond(to: "jadi gaji sebulan berapa", in: days.session)
        #expect(month.intent == "monthly_pay")
        #expect(month.text == "Sebulan: Rp 100.000 × 26 hari (6 hari seminggu ≈ 26 hari sebulan) = Rp 2.600.000.")
        // Without the days, the month at five and at six days a week.
        let unsure = engine.respond(to: "jadi gaji sebulan berapa", in: pay.session)
        #expect(unsure.text == "5 hari seminggu: Rp 2.200.000; 6 hari: Rp 2.600.000.")
        // A month's wage said outright replaces the day's pay.
        let monthly = engine.respond(to: "eh gaji saya sekarang 3 juta sebulan", in: days.session)
        #expect(monthly.session.wage == 3_000_000)
        #expect(monthly.session.dailyPay == nil)
    }

    @Test func aDaysPayStatedAskingNothingGetsTheMonthItMakes() throws {
        let engine = try Self.engine()
        let reply = engine.respond(to: "saya kerja di toko, dibayar 100rb sehari", in: Session(), explain: true)
        #expect(reply.intent == "monthly_pay")
        #expect(reply.text == "5 hari seminggu: Rp 2.200.000; 6 hari: Rp 2.600.000.")
        #expect(reply.trace?.rule.contains("a day's pay stated, nothing asked") == true)
    }

    @Test func anHoursPayAndTheHoursOfADayMakeTheDaysPay() throws {
        let engine = try Self.engine()
        let pay = engine.respond(to: "saya part time, dibayar 12rb per jam, sehari 5 jam", in: Session())
        #expect(pay.session.hourlyPay == 12_000)
        #expect(pay.session.hoursPerDay == 5)
        #expect(pay.session.dailyPay == 60_000)
        // The week before the count of days, in the next message.
        let days = engine.respond(to: "seminggu 4 hari aja", in: pay.session)
        #expect(days.session.workDays == 17)
        #expect(days.session.wage == 1_020_000)
        // Asked in a few words, the month's amount is worked out, whatever the conversation read.
        let month = engine.respond(to: "jadi sebulan berapa", in: days.session, explain: true)
        #expect(month.intent == "monthly_pay")
        #expect(month.text == "Sebulan: Rp 12.000 × 5 jam × 17 hari (4 hari seminggu ≈ 17 hari sebulan) = Rp 1.020.000.")
        #expect(month.trace?.rule.contains("asking for a month's amount") == true)
        // Not when the question names something else to pay by the month.
        // (The small knowledge may still read it as the month's pay; the rule does not take it.)
        let other = engine.respond(to: "iurannya berapa sebulan", in: days.session, explain: true)
        #expect(other.trace?.rule.contains("asking for a month's amount") == false)
        // An overtime rate is no hour's pay of the day.
        #expect(engine.respond(to: "lembur 3 jam sehari", in: Session()).session.hourlyPay == nil)
    }

    @Test func theDaysAndTheDaysPayOfOneMessage() {
        let words = Figures.tokens("dibayar 120rb sehari, kerja 5 hari seminggu")
        #expect(Calculation.payPerDay(in: words) == 120_000)
        let days = Calculation.workDays(in: words)
        #expect(days?.days == 22)
        #expect(days?.perWeek == 5)
        #expect(Calculation.workDays(in: Figures.tokens("masuk 25 hari sebulan"))?.days == 25)
        #expect(Calculation.workDays(in: Figures.tokens("masuk 25 hari sebulan"))?.perWeek == nil)
        // Two amounts a day: which one is the pay is not clear.
        #expect(Calculation.payPerDay(in: Figures.tokens("dibayar 100rb sehari, uang makan 20rb sehari")) == nil)
        #expect(Calculation.payPerDay(in: Figures.tokens("gaji 3 juta sebulan")) == nil)
    }

    @Test func aPlaceNamedInAMessageKarirCouldNotAnswerIsRemembered() throws {
        let engine = try Self.engine()
        let reply = engine.respond(to: "zxqv blorp di bali", in: Session())
        #expect(reply.kind == .fallback)
        #expect(reply.session.slots["province"] == "bali")
    }
}
