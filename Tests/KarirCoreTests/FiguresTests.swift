import Testing
@testable import KarirCore

/// The person's own figures read from a message (``Figures``) and the computations answers make
/// with them (``Calculation``).
@Suite struct FiguresTests {
    @Test(arguments: [
        ("gaji sy 4,2 jt", [4_200_000]),
        ("gaji saya Rp 4.200.000 sebulan", [4_200_000]),
        ("my salary is 4.2 million", [4_200_000]),
        ("salary IDR 4,200,000", [4_200_000]),
        ("gaji 4jt", [4_000_000]),
        ("gaji 4 juta 200 ribu", [4_200_000]),
        ("4jt 500rb", [4_500_000]),
        ("uang makan 50rb sehari", [50_000]),
        ("upah 4200000", [4_200_000]),
        ("gaji 3,5 juta tapi umr 5 jt", [3_500_000, 5_000_000]),
    ])
    func amountsOfMoney(text: String, amounts: [Int]) {
        #expect(Figures.money(in: text) == amounts)
    }

    @Test(arguments: [
        ("gaji saya dua juta tiga ratus", [2_300_000]),
        ("gaji dua juta tiga ratus ribu", [2_300_000]),
        ("gajinya tiga setengah juta", [3_500_000]),
        ("salary two million five hundred thousand", [2_500_000]),
        ("gaji 2 juta 300", [2_300_000]),
        ("uang saku seratus lima puluh ribu", [150_000]),
        ("gaji 2 juta 3 bulan", [2_000_000]),
        // A word of rate after the hundreds does not make them a count (probe 23d d34).
        ("gajinya cuma satu juta dua ratus sebulan", [1_200_000]),
        // Half of the scale after it (probe 25c u22 read "satu juta setengah" as one million).
        ("gaji saya cuma satu juta setengah", [1_500_000]),
        ("gaji 2 juta setengah", [2_500_000]),
        ("gajinya 4 jt setengah sebulan", [4_500_000]),
        ("gaji 2 juta 300 per bulan", [2_300_000]),
        ("dua tiga juta", []),
        ("satu pertanyaan lagi", []),
    ])
    func amountsWrittenInWords(text: String, amounts: [Int]) {
        #expect(Figures.money(in: text) == amounts)
    }

    @Test func numberWordsMakeHoursAndMonths() {
        #expect(Figures.hours(in: "lembur tiga jam").map(\.hours) == [3])
        #expect(Figures.hours(in: "overtime two hours").map(\.hours) == [2])
        #expect(Figures.spelledValue(["dua", "puluh", "lima"]) == 25)
        #expect(Figures.spelledValue(["tiga", "ratus", "dua", "puluh"]) == 320)
        #expect(Figures.spelledValue(["tiga", "belas"]) == 13)
        #expect(Figures.spelledValue(["puluh"]) == nil)
        #expect(Figures.spelledValue(["setengah"]) == nil)
        // "one question" is no figure; "one hour" is.
        #expect(Figures.tokens("one question").allSatisfy { $0.number == nil })
        #expect(Figures.tokens("one hour").first?.number?.value == 1)
    }

    @Test func hugeNumbersAreNoAmountAndDoNotCrash() {
        #expect(Figures.money(in: "gaji 999999999999999999999 juta").isEmpty)
        #expect(Figures.money(in: "Rp 9.999.999.999.999.999.999.999").isEmpty)
        #expect(Figures.money(in: String(repeating: "9", count: 400) + " jt").isEmpty)
        #expect(Figures.hours(in: String(repeating: "9", count: 400) + " jam").count == 1)
        #expect(Calculation.overtimeWorkday.values(message: String(repeating: "9", count: 400) + " jam", rememberedWage: 4_000_000, language: .id)?["hours"] == nil)
        #expect(Figures.months(in: "kerja " + String(repeating: "9", count: 400) + " tahun").count == 1)
        #expect(Calculation.pkwtCompensation.values(message: "kerja " + String(repeating: "9", count: 400) + " tahun", rememberedWage: 4_000_000, language: .id) == nil)
    }

    @Test func numbersThatAreNoMoney() {
        #expect(Figures.money(in: "kerja 8 jam sehari, 6 hari seminggu").isEmpty)
        #expect(Figures.money(in: "pkwt 2 tahun, sudah 14 bulan").isEmpty)
        #expect(Figures.money(in: "ump 2026 berapa").isEmpty)
        #expect(Figures.money(in: "lembur 1/173").isEmpty)
    }

    @Test func theNumbersOfANumberedListAreNoFigures() {
        // "brp 2." is the second question's number, not a wage of 2 million after "dibayar".
        let list = Figures.tokens("mau tanya 3 hal: 1. lembur dibayar brp 2. cuti tahunan brp hari 3. thr wajib gak")
        #expect(Calculation.wage(in: list) == nil)
        #expect(Figures.months(list).isEmpty)
        #expect(Calculation.wage(in: Figures.tokens("1) gaji sy 4,2 jt 2) lembur 3 jam")) == 4_200_000)
        #expect(Figures.hours(in: "1) gaji sy 4,2 jt 2) lembur 3 jam").map(\.hours) == [3])
        // One number before a full stop is still a number: no list without a second item.
        #expect(Calculation.wage(in: Figures.tokens("gaji saya 5. masih kurang ga")) == 5_000_000)
        #expect(Calculation.wage(in: Figures.tokens("gajiku 5. Kerja 2 tahun")) == 5_000_000)
    }

    @Test func hoursAndWhetherTheyAreOvertime() {
        let h = Figures.hours(in: "kerja 8 jam, lembur 3 jam")
        #expect(h.map(\.hours) == [8, 3])
        #expect(h.map(\.overtime) == [false, true])
        #expect(Figures.hours(in: "2 hours of overtime").map(\.hours) == [2])
        #expect(Figures.hours(in: "lembur 3jam").map(\.hours) == [3])
        #expect(Figures.hours(in: "lembur sampai jam 9 malam").isEmpty)
    }

    @Test func overtimeOnAWorkday() throws {
        let v = try #require(Calculation.overtimeWorkday.values(message: "gaji 4,2 jt lembur 3 jam", rememberedWage: nil, language: .id))
        #expect(v["wage"] as? String == "Rp 4.200.000")
        #expect(v["hourly"] as? String == "Rp 24.277")
        #expect(v["first_hour"] as? String == "Rp 36.416")
        #expect(v["next_hour"] as? String == "Rp 48.555")
        #expect(v["hours"] as? Int == 3)
        #expect(v["total"] as? String == "Rp 133.526")
        #expect(v["over_limit"] as? Bool == false)
        // English groups with commas; more than 4 hours notes the daily limit.
        let en = try #require(Calculation.overtimeWorkday.values(message: "6 hours overtime", rememberedWage: 3_460_000, language: .en))
        #expect(en["hourly"] as? String == "Rp 20,000")
        #expect(en["total"] as? String == "Rp 230,000")
        #expect(en["over_limit"] as? Bool == true)
        // Without a wage in the message or the conversation there is nothing to compute.
        #expect(Calculation.overtimeWorkday.values(message: "lembur 3 jam dapet berapa", rememberedWage: nil, language: .id) == nil)
    }

    @Test func aStatedWageIsRememberedOnlyWhenItIsPay() {
        func stated(_ text: String) -> Int? { Calculation.statedWage(in: Figures.tokens(text), surfaces: Figures.tokens(text).map(\.text)) }
        #expect(stated("gaji sy 4,2 jt") == 4_200_000)
        #expect(stated("I earn 5 million a month") == 5_000_000)
        #expect(stated("agen minta 15 juta buat berangkat") == nil)
    }

    @Test func aWagePaidPerDayWeekOrHourIsNoMonthlyWage() {
        func stated(_ text: String) -> Int? { Calculation.statedWage(in: Figures.tokens(text), surfaces: Figures.tokens(text).map(\.text)) }
        #expect(stated("dibayar 150rb sehari") == nil)
        #expect(stated("upah 120 ribu per hari") == nil)
        #expect(stated("gaji 150rb/hari") == nil)
        #expect(stated("paid 50,000 a day") == nil)
        #expect(stated("gaji 800rb seminggu") == nil)
        // A period named later, for the hours, leaves the monthly wage alone.
        #expect(stated("gaji 3jt sebulan, kerja 8 jam sehari") == 3_000_000)
        #expect(stated("gaji 3 juta 8 jam sehari") == 3_000_000)
        // Pay stated per day replaces a monthly wage remembered from the conversation.
        func perPeriod(_ text: String) -> Bool { Calculation.statesPayPerPeriod(in: Figures.tokens(text), surfaces: Figures.tokens(text).map(\.text)) }
        #expect(perPeriod("dibayar 150rb sehari"))
        #expect(!perPeriod("gaji 3jt sebulan, kerja 8 jam sehari"))
        #expect(!perPeriod("lembur 3 jam sehari"))
    }

    @Test func aWorkingDaysLengthIsNoOvertime() {
        let hours = Figures.hours(in: "kerja 8 jam, lembur 3 jam")
        #expect(hours.map(\.work) == [true, false])
        #expect(hours.map(\.overtime) == [false, true])
        #expect(Figures.hours(in: "12 jam kerja tiap hari").first?.work == true)
        // Priced only as overtime hours.
        let values = Calculation.overtimeWorkday.values(message: "boleh ga kerja 12 jam tiap hari", rememberedWage: 4_000_000, language: .id)
        #expect(values?["hourly"] != nil)
        #expect(values?["hours"] == nil)
        #expect(Calculation.overtimeWorkday.values(message: "lembur 3 jam", rememberedWage: 4_000_000, language: .id)?["hours"] as? Int == 3)
    }

    @Test func overtimeOnADayOffGetsNoTotalAtWorkdayRates() {
        let holiday = Calculation.overtimeWorkday.values(message: "gaji 2,5 juta, lembur 8 jam di hari libur nasional", rememberedWage: nil, language: .id)
        #expect(holiday?["hourly"] != nil)
        #expect(holiday?["total"] == nil)
        #expect(Calculation.overtimeWorkday.values(message: "salary 2.5 million, 8 hours on a holiday", rememberedWage: nil, language: .en)?["total"] == nil)
        // "no day off" names no holiday worked.
        #expect(Calculation.overtimeWorkday.values(message: "gaji 2,5 juta, lembur 3 jam tiap hari", rememberedWage: nil, language: .id)?["total"] != nil)
    }

    @Test func aDaysPayBeforeItsAmountIsNoMonthlyWage() {
        func stated(_ text: String) -> Int? { Calculation.statedWage(in: Figures.tokens(text), surfaces: Figures.tokens(text).map(\.text)) }
        #expect(stated("sehari dibayar 120rb, itu udah umr belom") == nil)
        #expect(stated("pabrik sy bayar harian 80rb") == nil)
        #expect(stated("upah per hari 90 ribu") == nil)
        // The "sehari" of a count of hours is no day's pay.
        #expect(stated("lembur 2 jam sehari gaji 4,5 juta") == 4_500_000)
    }

    @Test func aDaysPayAndTheDaysOfAMonthMakeTheMonthsWage() {
        func stated(_ text: String) -> Int? { Calculation.statedWage(in: Figures.tokens(text), surfaces: Figures.tokens(text).map(\.text)) }
        #expect(stated("sehari dibayar 120rb, masuk 26 hari sebulan") == 3_120_000)
        #expect(stated("kuli bangunan dibayar 150rb sehari, sebulan kerja 25 hari") == 3_750_000)
        #expect(stated("I get paid 200k a day, 22 days a month") == 4_400_000)
        // Days of a week make a month's: days × 52 ÷ 12, rounded.
        #expect(stated("dibayar 120rb sehari, kerja 6 hari seminggu") == 3_120_000)
        #expect(stated("I get paid 150k a day, 5 days a week") == 3_300_000)
        let weekly = Calculation.belowMinimum.values(message: "I get paid 150k a day, 5 days a week", rememberedWage: nil, language: .en)
        #expect(weekly?["wage"] as? String == "Rp 150,000 × 22 days (5 days a week ≈ 22 days a month) = Rp 3,300,000")
        // Without the days, nothing to compute.
        #expect(stated("dibayar 120rb sehari sebulan") == nil)
        // The answer shows how the month's pay was worked out.
        let values = Calculation.belowMinimum.values(message: "gaji harian 80 ribu, kerja 26 hari sebulan", rememberedWage: nil,
                                                     row: ["name": "Banten", "year": "2026", "amount": "Rp 3.100.881"], language: .id)
        #expect(values?["wage"] as? String == "Rp 80.000 × 26 hari = Rp 2.080.000")
        #expect(values?["short"] as? String == "Rp 1.020.881")
    }

    @Test func lengthsOfTimeInMonths() {
        #expect(Figures.months(in: "kerja 18 bulan").map(\.months) == [18])
        #expect(Figures.months(in: "udah 1,5 tahun").map(\.months) == [18])
        #expect(Figures.months(in: "worked 6 months").map(\.service) == [true])
        #expect(Figures.months(in: "kontrak 2 thn, baru jalan 8 bln").map(\.months) == [24, 8])
        #expect(Figures.months(in: "kontrak 2 thn, baru jalan 8 bln").map(\.service) == [false, true])
        #expect(Figures.months(in: "sudah kerja setahun").map(\.months) == [12])
        #expect(Figures.months(in: "gaji 4 juta sebulan").isEmpty)
    }

    @Test func monthsWorkedAreRememberedOnlyAfterAWordOfService() {
        #expect(Calculation.statedMonths(in: Figures.tokens("pkwt 1 thn, baru 7 bln di putus")) == 7)
        #expect(Calculation.statedMonths(in: Figures.tokens("kontrak 2 tahun")) == nil)
        #expect(Calculation.pkwtCompensation.values(message: "hitungin kompensasinya", rememberedWage: 3_200_000, rememberedMonths: 7, language: .id)?["amount"] as? String == "Rp 1.866.667")
    }

    @Test func thrIsAMonthsWageFromAYearAndProratedBefore() throws {
        let full = try #require(Calculation.thrAmount.values(message: "udah kerja 2 tahun gaji 4 jt thr nya brp", rememberedWage: nil, language: .id))
        #expect(full["amount"] as? String == "Rp 4.000.000")
        #expect(full["full"] as? Bool == true)
        #expect(full["prorated"] == nil)
        // 8 months: 8/12 of the wage, rounded to whole rupiah.
        let part = try #require(Calculation.thrAmount.values(message: "gaji sy 2,3jt", rememberedWage: nil, rememberedMonths: 8, language: .id))
        #expect(part["amount"] as? String == "Rp 1.533.333")
        #expect(part["prorated"] as? Bool == true)
        // No months of service, no sum.
        #expect(Calculation.thrAmount.values(message: "gaji sy 2,3jt", rememberedWage: nil, language: .id) == nil)
    }

    @Test func severanceFollowsBothTablesOfPasal40() throws {
        // Pesangon: 1 month under a year, +1 for each full year, at most 9.
        #expect(Calculation.severanceMonths(serviceMonths: 11).pesangon == 1)
        #expect(Calculation.severanceMonths(serviceMonths: 12).pesangon == 2)
        #expect(Calculation.severanceMonths(serviceMonths: 95).pesangon == 8)
        #expect(Calculation.severanceMonths(serviceMonths: 96).pesangon == 9)
        #expect(Calculation.severanceMonths(serviceMonths: 300).pesangon == 9)
        // Uang penghargaan masa kerja: none under 3 years, 2 from 3, +1 for each 3 years, 10 from 24.
        #expect(Calculation.severanceMonths(serviceMonths: 35).upmk == 0)
        #expect(Calculation.severanceMonths(serviceMonths: 36).upmk == 2)
        #expect(Calculation.severanceMonths(serviceMonths: 71).upmk == 2)
        #expect(Calculation.severanceMonths(serviceMonths: 72).upmk == 3)
        #expect(Calculation.severanceMonths(serviceMonths: 287).upmk == 8)
        #expect(Calculation.severanceMonths(serviceMonths: 288).upmk == 10)
        // 6 years at 4.5 million: 7 months of pesangon and 3 of UPMK.
        let v = try #require(Calculation.severance.values(message: "udh kerja 6 thn gaji 4,5 jt", rememberedWage: nil, language: .id))
        #expect(v["pesangon_months"] as? Int == 7)
        #expect(v["pesangon"] as? String == "Rp 31.500.000")
        #expect(v["upmk_months"] as? Int == 3)
        #expect(v["total"] as? String == "Rp 45.000.000")
        // Half the pesangon for a dismissal for losses; the UPMK stays whole.
        #expect(v["pesangon_half"] as? String == "Rp 15.750.000")
        #expect(v["total_half"] as? String == "Rp 29.250.000")
        // The JKP benefit on the same wage: 60% of it, for 6 months.
        #expect(v["jkp_monthly"] as? String == "Rp 2.700.000")
        #expect(v["jkp_total"] as? String == "Rp 16.200.000")
        // Under 3 years: no UPMK value at all, so the answer can leave its line out.
        let short = try #require(Calculation.severance.values(message: "gaji 3 jt", rememberedWage: nil, rememberedMonths: 18, language: .en))
        #expect(short["upmk"] == nil)
        #expect(short["pesangon"] as? String == "Rp 6,000,000")
        #expect(short["years"] as? String == "1.5")
    }

    @Test func aFigureTakenBackIsReplacedByTheOneAfterTheCorrection() throws {
        let v = try #require(Calculation.pkwtCompensation.values(message: "sy kerja 8 bulan gaji 4,5jt, eh salah, 10 bulan. dpt brp?",
                                                                 rememberedWage: nil, language: .id))
        #expect(v["months"] as? String == "10")
        #expect(v["amount"] as? String == "Rp 3.750.000")
        // An amount taken back: the one after the correction is the wage.
        #expect(Calculation.wage(in: Figures.tokens("gaji 4 juta eh salah maksudnya 4,5 juta")) == 4_500_000)
        // Without a correction word, nothing is left out.
        #expect(Calculation.pkwtCompensation.values(message: "kerja 8 bulan gaji 4,5jt", rememberedWage: nil, language: .id)?["months"] as? String == "8")
    }

    @Test func anAmountWorkedOutFromTheWageIsNotTheWage() {
        #expect(Calculation.wage(in: Figures.tokens("gajiku 7 juta, berarti dapet 4,2jt sebulan?")) == 7_000_000)
        #expect(Calculation.wage(in: Figures.tokens("gajiku 9 juta, berarti jkp nya 5,4 juta sebulan ya?")) == 9_000_000)
        // An amount to pay, or "that much" echoing one just named, is no wage without a word of pay.
        #expect(Calculation.wage(in: Figures.tokens("waduh 31 juta gimana biar ga bayar segitu")) == nil)
        #expect(Calculation.wage(in: Figures.tokens("dendanya 5 juta, gaji sy 4 juta")) == 4_000_000)
        // The only amount given is the wage, whatever stands before it.
        #expect(Calculation.wage(in: Figures.tokens("sebulan dapet 4 juta")) == 4_000_000)
    }

    @Test func jkpBenefitIsCappedAtTheWageCeiling() throws {
        let low = try #require(Calculation.jkpBenefit.values(message: "gaji 4,5 jt", rememberedWage: nil, language: .id))
        #expect(low["monthly"] as? String == "Rp 2.700.000")
        #expect(low["total"] as? String == "Rp 16.200.000")
        #expect(low["capped"] as? Bool == false)
        let high = try #require(Calculation.jkpBenefit.values(message: "salary 8 million", rememberedWage: nil, language: .en))
        #expect(high["counted"] as? String == "Rp 5,000,000")
        #expect(high["monthly"] as? String == "Rp 3,000,000")
        #expect(high["capped"] as? Bool == true)
    }

    @Test func pkwtCompensationNeedsTheMonthsWorked() throws {
        let v = try #require(Calculation.pkwtCompensation.values(message: "pkwt 2 tahun, baru jalan 8 bulan, gaji 3 juta", rememberedWage: nil, language: .id))
        #expect(v["months"] as? String == "8")
        #expect(v["amount"] as? String == "Rp 2.000.000")
        let half = try #require(Calculation.pkwtCompensation.values(message: "worked 1.5 years", rememberedWage: 4_700_000, language: .en))
        #expect(half["months"] as? String == "18")
        #expect(half["amount"] as? String == "Rp 7,050,000")
        // Without the months, or with two lengths and no word of service, nothing is computed.
        #expect(Calculation.pkwtCompensation.values(message: "gaji 3 juta, kompensasi brp", rememberedWage: nil, language: .id) == nil)
        #expect(Calculation.pkwtCompensation.values(message: "kontrak 2 tahun atau 3 tahun", rememberedWage: 3_000_000, language: .id) == nil)
    }

    @Test func anAmountIsNoLength() {
        // "4,5jt/bln" is a wage a month, not four and a half months (probe 18m u20).
        #expect(Figures.months(in: "gaji sy 4,5jt/bln").isEmpty)
        #expect(Figures.hours(in: "gaji 4jt jam kerja").isEmpty)
        #expect(Calculation.pkwtCompensation.values(message: "gaji sy 4,5jt/bln", rememberedWage: nil, language: .id) == nil)
        // "diputus setelah 8 bulan": the length after "setelah" is the service.
        #expect(Figures.months(in: "kontrak 1 thn diputus setelah 8 bulan").map(\.service) == [false, true])
    }

    @Test func overtimeHoursOfAWeekOrMonthAndOverDays() throws {
        #expect(Figures.hours(in: "I did 10 hours overtime on weekdays this month").map(\.period) == [true])
        #expect(Figures.hours(in: "lembur 12 jam seminggu").map(\.period) == [true])
        #expect(Figures.hours(in: "lembur 2 jam sehari selama sebulan").map(\.period) == [false])
        #expect(Figures.hours(in: "lembur 3 jam").map(\.period) == [false])
        let month = try #require(Calculation.overtimeWorkday.values(message: "10 hours overtime this month", rememberedWage: 5_190_000, language: .en))
        #expect(month["period_hours"] as? String == "10")
        #expect(month["total"] == nil)
        let days = try #require(Calculation.overtimeWorkday.values(message: "is it 2 hours per day, 5 days", rememberedWage: 5_190_000, language: .en))
        #expect(days["total"] as? String == "Rp 105,000")
        #expect(days["days"] as? Int == 5)
        #expect(days["days_total"] as? String == "Rp 525,000")
    }

    @Test func damagesForAContractEndedEarly() throws {
        let v = try #require(Calculation.pkwtEarlyEnd.values(message: "sy kontrak pkwt 1 thn, baru jalan 8 bln, gaji 4,5jt", rememberedWage: nil, language: .id))
        #expect(v["contract"] as? String == "12")
        #expect(v["remaining"] as? String == "4")
        #expect(v["damages"] as? String == "Rp 18.000.000")
        #expect(v["compensation"] as? String == "Rp 3.000.000")
        // The contract and the months from earlier in the conversation.
        let later = try #require(Calculation.pkwtEarlyEnd.values(message: "gaji 4,5jt", rememberedWage: nil, rememberedMonths: 8, rememberedContract: 12, language: .id))
        #expect(later["damages"] as? String == "Rp 18.000.000")
        // Worked as long as the contract runs, or no contract length: nothing to compute.
        #expect(Calculation.pkwtEarlyEnd.values(message: "kontrak 6 bulan, sudah kerja 6 bulan, gaji 4jt", rememberedWage: nil, language: .id) == nil)
        #expect(Calculation.pkwtEarlyEnd.values(message: "baru jalan 8 bln, gaji 4jt", rememberedWage: nil, language: .id) == nil)
        #expect(Calculation.statedContract(in: Figures.tokens("sy kontrak pkwt 1 thn, baru jalan 8 bln")) == 12)
    }

    @Test func wageAgainstTheMinimumOfThePlace() throws {
        let row = ["name": "Jawa Tengah", "year": "2026", "amount": "Rp 2.327.386"]
        let below = try #require(Calculation.belowMinimum.values(message: "gaji sy 2,1jt", rememberedWage: nil, row: row, language: .id))
        #expect(below["below"] as? Bool == true)
        #expect(below["short"] as? String == "Rp 227.386")
        #expect(below["minimum"] as? String == "Rp 2.327.386")
        let above = try #require(Calculation.belowMinimum.values(message: "salary 3.5 million", rememberedWage: nil, row: row, language: .en))
        #expect(above["above"] as? Bool == true)
        #expect(above["below"] == nil)
        // No place yet: the wage alone, so that the answer asks where.
        let alone = try #require(Calculation.belowMinimum.values(message: "gaji 1,8jt", rememberedWage: nil, language: .id))
        #expect(alone["place"] == nil)
        // A province whose sources disagree has no single amount: no comparison.
        let split = try #require(Calculation.belowMinimum.values(message: "gaji 3jt", rememberedWage: nil,
                                                                 row: ["name": "Aceh", "year": "2026", "amount_a": "Rp 3.685.615"], language: .id))
        #expect(split["place"] as? String == "Aceh")
        #expect(split["minimum"] == nil)
    }

    @Test func aMinimumThePersonStatesIsComparedWhenNoPlaceIsNamed() throws {
        let stated = try #require(Calculation.belowMinimum.values(message: "gaji cuma 1,8 padahal umk kota saya 2,5", rememberedWage: nil, language: .id))
        #expect(stated["stated"] as? Bool == true)
        #expect(stated["minimum"] as? String == "Rp 2.500.000")
        #expect(stated["short"] as? String == "Rp 700.000")
        let english = try #require(Calculation.belowMinimum.values(message: "my salary is 3 million but the UMK here is 3.5 million", rememberedWage: nil, language: .en))
        #expect(english["minimum"] as? String == "Rp 3,500,000")
        #expect(english["below"] as? Bool == true)
        let above = try #require(Calculation.belowMinimum.values(message: "gaji 5jt, umr sini 4,8 jt", rememberedWage: nil, language: .id))
        #expect(above["above"] as? Bool == true)
        // A place's row (a province's UMP) comes first, unless the stated minimum is higher: that
        // is the city's or regency's UMK, which Karir does not have (probe 33b 01/1).
        let row = ["name": "Jawa Tengah", "year": "2026", "amount": "Rp 2.327.386"]
        let placed = try #require(Calculation.belowMinimum.values(message: "gaji 1,8 padahal umk 2,2", rememberedWage: nil, row: row, language: .id))
        #expect(placed["stated"] == nil)
        #expect(placed["minimum"] as? String == "Rp 2.327.386")
        let higher = try #require(Calculation.belowMinimum.values(message: "gaji 1,8 padahal umk 2,5", rememberedWage: nil, row: row, language: .id))
        #expect(higher["stated"] as? Bool == true)
        #expect(higher["place"] == nil)
        #expect(higher["minimum"] as? String == "Rp 2.500.000")
        // The minimum's amount a few words after its name is not the wage.
        #expect(Calculation.wage(in: Figures.tokens("gaji cuma 3,8jt, bukannya umk bekasi lebih dr 5jt ya?")) == 3_800_000)
        #expect(Calculation.statedMinimum(in: Figures.tokens("gaji cuma 3,8jt, bukannya umk bekasi lebih dr 5jt ya?")) == 5_000_000)
        // A percentage or a count after the word is no minimum.
        #expect(Calculation.statedMinimum(in: Figures.tokens("umk naik 6 persen")) == nil)
        #expect(Calculation.statedMinimum(in: Figures.tokens("umk 2 tahun lalu")) == nil)
    }

    @Test func aBareNumberAfterAWordOfPayIsMillions() {
        #expect(Calculation.wage(in: Figures.tokens("gaji terakhir 3,8")) == 3_800_000)
        #expect(Calculation.wage(in: Figures.tokens("gaji sy 5")) == 5_000_000)
        // Not a month, an order, a share, a year, or a number far from the word.
        #expect(Calculation.wage(in: Figures.tokens("gaji 2 bulan belum dibayar")) == nil)
        #expect(Calculation.wage(in: Figures.tokens("gaji ke 13")) == nil)
        #expect(Calculation.wage(in: Figures.tokens("gaji naik 10 persen")) == nil)
        #expect(Calculation.wage(in: Figures.tokens("umr 2026")) == nil)
        #expect(Calculation.wage(in: Figures.tokens("gaji saya belum dibayar sejak 3 minggu")) == nil)
    }

    @Test func aMinimumWageQuotedIsNoWage() {
        #expect(Calculation.wage(in: Figures.tokens("gaji sy 1,5jt padahal umr jakarta 5 jutaan")) == 1_500_000)
        #expect(Calculation.wage(in: Figures.tokens("lah kan umr jakarta 5 jutaan")) == nil)
        #expect(Calculation.wage(in: Figures.tokens("ump 5")) == nil)
        #expect(Figures.money(in: "5 jutaan") == [5_000_000])
        // A contract's length remembered stands for the months of a contract that ran its course.
        #expect(Calculation.pkwtCompensation.values(message: "my salary is 4 million", rememberedWage: nil, rememberedContract: 6,
                                                    language: .en)?["amount"] as? String == "Rp 2,000,000")
    }

    @Test func theNthMonthIsMonthsWorked() {
        #expect(Figures.months(in: "kontrak 1 tahun diputus bulan ke 7").map(\.months) == [12, 7])
        #expect(Figures.months(in: "kontrak 1 tahun diputus bulan ke 7").map(\.service) == [false, true])
        #expect(Figures.months(in: "resign di bulan ke-5").map(\.months) == [5])
        // The nearer word decides: a contract's length after "kerja kontrak" is no service.
        #expect(Figures.months(in: "sy kerja kontrak 1 thn, baru 8 bulan").map(\.service) == [false, true])
        // Years and months said together are one length.
        #expect(Figures.months(in: "kontrak 2 thn baru jalan 1 tahun 3 bulan").map(\.months) == [24, 15])
        #expect(Figures.months(in: "udah kerja 2 tahun lebih 4 bln").map(\.months) == [28])
        // The months left of a contract are no length worked.
        #expect(Figures.months(in: "mau berhenti kontrak sebelum habis, sisa 4 bulan").isEmpty)
        #expect(Figures.months(in: "kerja 10 bulan, kontrak tinggal 2 bulan lagi").map(\.months) == [10])
        // The time left is read on its own (the months worked or the contract follow from it).
        #expect(Figures.remainingMonths(Figures.tokens("sisa kontrak 1 bln lg")) == 1)
        #expect(Figures.remainingMonths(Figures.tokens("kontrak tinggal 2 bulan lagi")) == 2)
        #expect(Figures.remainingMonths(Figures.tokens("there are 6 months left on my contract")) == 6)
        #expect(Figures.remainingMonths(Figures.tokens("kerja 10 bulan")) == nil)
        #expect(Calculation.statedContract(in: Figures.tokens("sisa kontrak 1 bln lg")) == nil)
        #expect(Calculation.statedContract(in: Figures.tokens("kontrak 12 bulan sisa 4 bulan")) == 12)
        // Not a date: "tanggal 7" has no month word before "ke".
        #expect(Figures.months(in: "gajian tanggal 7").isEmpty)
    }

    @Test func berapaBeforeAWordOfTimeAsksHowLongNotHowMuch() {
        func asks(_ text: String) -> Bool {
            Turn.asksForAnAmount(Fixture.engine.knowledge.analyzer.analyze(text, sessionLanguage: nil).tokens)
        }
        #expect(asks("jadi total saya dapat berapa"))
        #expect(asks("berapa jumlahnya"))
        #expect(!asks("cairnya berapa lama?"))
        #expect(!asks("berapa hari prosesnya"))
    }

    @Test func aFixedAllowanceIsAddedToTheWageAndNoOtherIs() {
        func wage(_ text: String) -> Int? { Calculation.wage(in: Figures.tokens(text)) }
        #expect(wage("gaji pokok 3,8 juta plus tunjangan tetap 400rb") == 4_200_000)
        #expect(wage("basic 6jt + fixed allowance 1jt") == 7_000_000)
        // Not fixed, or said to be included already: the wage as stated.
        #expect(wage("gaji 4 jt tunjangan transport tidak tetap 300rb") == 4_000_000)
        #expect(wage("gaji 4 jt tunjangan makan 300rb") == 4_000_000)
        #expect(wage("gaji 4 jt sudah termasuk tunjangan tetap 500rb") == 4_000_000)
        // An amount before the word of allowance is the wage ("gaji 4jt tunjangan 500rb").
        #expect(wage("gaji 4jt tunjangan 500rb") == 4_000_000)
        // A position allowance is fixed by its kind; a meal allowance per day present is not.
        #expect(wage("gaji pokok 3,2jt tunjangan jabatan 500rb tunjangan makan 400rb") == 3_700_000)
    }
}
