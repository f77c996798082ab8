/// A computation an answer can make with the person's own figures (``Figures``), declared on
/// an intent with `calculate:` and filled into its answer as the template value `calculation`
/// (absent when the conversation gave no figures, so `{{#calculation}} … {{/calculation}}`
/// shows only then).
public enum Calculation: String, CaseIterable, Sendable {
    /// Overtime pay on a normal workday (PP 35/2021 as in the fact sheet): hourly wage = monthly
    /// wage / 173; the first overtime hour is paid 1.5 times, each further hour 2 times.
    /// Values: `wage`, `hourly`, `first_hour`, `next_hour`, and with a number of hours `hours`,
    /// `total` and `over_limit` (more than 4 hours, the daily limit), with a number of days too
    /// `days` and `days_total`; with the hours of a week or a month only `period_hours`.
    case overtimeWorkday = "overtime_workday"
    /// JKP cash benefit (PP 6/2025 as in the fact sheet): 60% of the last reported wage, the wage
    /// counted at most Rp 5,000,000, for up to 6 months. Values: `wage`, `counted`, `capped`,
    /// `monthly`, `total`.
    case jkpBenefit = "jkp_benefit"
    /// PKWT compensation (PP 35/2021 as in the fact sheet): months worked ÷ 12 × the monthly
    /// wage, from one month of service. Needs the months too. Values: `wage`, `months`, `amount`.
    case pkwtCompensation = "pkwt_compensation"
    /// A PKWT ended early by the employer (Pasal 62 as in the fact sheet): damages equal to the
    /// wages for the rest of the contract, beside the compensation for the months worked. Needs
    /// the contract's length and the months worked. Values: `wage`, `contract`, `months`,
    /// `remaining`, `damages`, `compensation` and `total` (the two added up).
    case pkwtEarlyEnd = "pkwt_early_end"
    /// The wage against the minimum wage of the place the conversation names (the intent's
    /// `lookup` table, its `amount`, `name` and `year`). Values: `wage`, and with a row `place`,
    /// `year`, and with an amount `minimum`, `below` (with `short`, how much less) or `above`.
    /// Without a place, a minimum the message states itself ("padahal umk kota saya 2,5") gives
    /// `stated`, `minimum` and `below`/`short` or `above`.
    case belowMinimum = "below_minimum"
    /// A month's pay from a day's pay and the days worked (this message's or the
    /// conversation's): days of a week count 52 ÷ 12 weeks a month (6 → 26, 5 → 22). Values:
    /// `daily`, and with the days `days`, `per_week` (when said per week), `monthly` and `shown`
    /// ("Rp 100.000 × 26 hari (6 hari seminggu ≈ 26 hari sebulan) = Rp 2.600.000"); without them
    /// `five_days` and `six_days`, the month's pay at 22 and 26 days.
    case monthlyPay = "monthly_pay"
    /// THR (Permenaker 6/2016 Pasal 3): one month's wage after 12 months of continuous service,
    /// months ÷ 12 × the monthly wage from one month. Needs the months of service too. Values:
    /// `wage`, `months`, `full` (12 months or more) or `prorated`, `amount`.
    case thrAmount = "thr_amount"
    /// Severance after a dismissal (PP 35/2021 Pasal 40(2) and (3)): the uang pesangon table
    /// (1 month's wage under a year of service, one more for each full year, at most 9) and the
    /// uang penghargaan masa kerja table (2 months' wage from 3 years, one more for each 3
    /// years, 10 from 24 years), each as the table gives it, before the factor the reason for
    /// the dismissal sets. Needs the months of service too. Values: `wage`, `years` (the
    /// service in years), `pesangon_months`, `pesangon`, `upmk_months` and `upmk` (from 3
    /// years), `total`; `pesangon_half` and `total_half` (the pesangon halved, as for a
    /// dismissal for the company's losses); and the JKP benefit on the same wage, `jkp_monthly`
    /// and `jkp_total`.
    case severance = "severance"

    /// Whether it computes with hours of work (overtime).
    var usesHours: Bool { self == .overtimeWorkday }
    /// Whether it computes with a length of time (months worked, a contract's length).
    var usesMonths: Bool { [.thrAmount, .severance, .pkwtCompensation, .pkwtEarlyEnd].contains(self) }

    /// How many of the person's figures it needs (the wage included): a message stating all of
    /// them fits it better than a calculation needing fewer.
    var figuresNeeded: Int {
        switch self {
        case .jkpBenefit, .belowMinimum, .monthlyPay: 1
        case .overtimeWorkday, .pkwtCompensation, .thrAmount, .severance: 2
        case .pkwtEarlyEnd: 3
        }
    }

    /// The names staff may write after `calculate:`.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// The least and most a monthly wage may be to be taken as one.
    static let wageRange = 100_000...1_000_000_000
    /// Overtime hours a day above which the answer notes the limit.
    static let dailyOvertimeLimit = 4.0
    /// Hourly wage = monthly wage / this.
    static let hoursPerMonth = 173.0
    /// JKP: the share of the wage paid, the most wage counted, and for how many months.
    static let jkpShare = 0.6
    static let jkpWageCap = 5_000_000
    static let jkpMonths = 6.0

    /// The template values for a message and the wage remembered from the conversation, or nil
    /// when there is nothing to compute with.
    func values(message: String, rememberedWage: Int?, rememberedMonths: Double? = nil, rememberedContract: Double? = nil,
                rememberedDaily: DailyPay? = nil, rememberedOvertime: Double? = nil, row: [String: String]? = nil, language: Language) -> [String: Any]? {
        values(words: Figures.tokens(message), rememberedWage: rememberedWage, rememberedMonths: rememberedMonths,
               rememberedContract: rememberedContract, rememberedDaily: rememberedDaily, rememberedOvertime: rememberedOvertime, row: row,
               language: language)
    }

    /// ``values(message:rememberedWage:rememberedMonths:rememberedContract:row:language:)`` of a
    /// message already cut into figures (``Figures/tokens(_:)``).
    /// `rememberedOvertime`: the overtime hours of a day the conversation stated, used when the
    /// message names no hours; `rememberedMinimum`: a minimum wage it stated
    /// (``statedMinimum(in:)``), used when the message states none.
    func values(words: [Figures.Word], rememberedWage: Int?, rememberedMonths: Double? = nil, rememberedContract: Double? = nil,
                rememberedDaily: DailyPay? = nil, rememberedOvertime: Double? = nil, rememberedMinimum: Int? = nil,
                row: [String: String]? = nil, language: Language) -> [String: Any]? {
        if self == .monthlyPay { return Self.monthlyPayValues(words: words, remembered: rememberedDaily, language: language) }
        guard let wage = Self.wage(in: words) ?? rememberedWage else { return nil }
        // A month's pay worked out from a day's pay shows how: "Rp 120.000 × 26 hari = Rp 3.120.000"
        // (the day's pay and days of this message, or of the conversation).
        let amount = Self.rupiah(Double(wage), language)
        let shownWage = (Self.dailyPay(in: words) ?? rememberedDaily).flatMap { $0.monthly == wage ? $0.shown(amount, language) : nil } ?? amount
        switch self {
        case .overtimeWorkday:
            let hourly = Double(wage) / Self.hoursPerMonth
            var values: [String: Any] = [
                "wage": shownWage,
                "hourly": Self.rupiah(hourly, language),
                "first_hour": Self.rupiah(1.5 * hourly, language),
                "next_hour": Self.rupiah(2 * hourly, language),
            ]
            // Hours worked on a public holiday or a rest day ("8 hours on a holiday", "lembur pas
            // tanggal merah 5 jam") are paid at other rates, which the knowledge does not hold:
            // no total at the workday rates (probe 29b 15/4 got one), only the hourly wage.
            if Self.namesADayOff(words) { return values }
            let stated = Figures.hours(words)
            // The overtime hours: the number next to an overtime word, else the only one given.
            // (Not a working day's length: "boleh ga kerja 12 jam tiap hari" after the overtime
            // pay was priced as 12 hours of overtime, probe 29f 13/5.)
            guard let hours = stated.first(where: \.overtime) ?? (stated.count == 1 && !stated[0].work ? stated[0] : nil)
                    ?? (stated.isEmpty ? rememberedOvertime.map({ Figures.Hours(hours: $0, overtime: true) }) : nil) else { return values }
            // A week's or a month's hours ("10 hours this month") cannot be priced without
            // knowing how they fall on the days: the answer asks.
            if hours.period {
                values["period_hours"] = Self.number(hours.hours, language)
                return values
            }
            guard hours.hours >= 1, hours.hours <= 24, hours.hours == hours.hours.rounded() else { return values }
            values["hours"] = Int(hours.hours)
            // The sum of the amounts shown, so that the person can add them up the same way.
            let total = (1.5 * hourly).rounded() + (hours.hours - 1) * (2 * hourly).rounded()
            values["total"] = Self.rupiah(total, language)
            values["over_limit"] = hours.hours > Self.dailyOvertimeLimit
            // "2 jam sehari, 5 hari": the day's sum times the days.
            if let days = Figures.days(words), days >= 2, days <= 31, days == days.rounded() {
                values["days"] = Int(days)
                values["days_total"] = Self.rupiah(total * days, language)
            }
            return values
        case .jkpBenefit:
            let counted = min(wage, Self.jkpWageCap)
            let monthly = Self.jkpMonthly(wage: wage)
            return [
                "wage": shownWage,
                "counted": Self.rupiah(Double(counted), language),
                "capped": wage > Self.jkpWageCap,
                "monthly": Self.rupiah(monthly, language),
                "total": Self.rupiah(monthly * Self.jkpMonths, language),
            ]
        case .pkwtCompensation:
            // The length of service: the one after a word of service, else the only one given.
            // A contract's length said before ("my PKWT contract of 6 months") is the service of
            // a contract that ran its course, when no months worked were said.
            guard let months = Self.monthsWorked(Figures.months(words)) ?? rememberedMonths ?? rememberedContract,
                  Self.monthsRange.contains(months) else { return nil }
            return [
                "wage": Self.rupiah(Double(wage), language),
                "months": Self.number(months, language),
                "amount": Self.rupiah(months / 12 * Double(wage), language),
            ]
        case .belowMinimum:
            var values: [String: Any] = ["wage": shownWage]
            func compare(with minimum: Int) -> [String: Any] {
                values["minimum"] = Self.rupiah(Double(minimum), language)
                if wage < minimum {
                    values["below"] = true
                    values["short"] = Self.rupiah(Double(minimum - wage), language)
                } else {
                    values["above"] = true
                }
                return values
            }
            // The person named the minimum themselves ("gaji cuma 1,8 padahal umk kota saya 2,5")
            // and no place was named: compared with that figure (`stated`).
            let stated = (Self.statedMinimum(in: words) ?? rememberedMinimum).flatMap { $0 != wage ? $0 : nil }
            guard let row else {
                guard let stated else { return values }
                values["stated"] = true
                return compare(with: stated)
            }
            let minimum = row["amount"].flatMap({ Figures.money(in: $0).first })
            // A minimum the person states above the province's is their city's or regency's
            // (UMKs are often higher, and Karir has none): "gaji cuma 3,8jt, bukannya umk bekasi
            // lebih dr 5jt ya?" is below the 5 million they name, not merely above the UMP of Jawa
            // Barat (probe 33b 01/1).
            if let stated, let minimum, stated > minimum {
                values["stated"] = true
                return compare(with: stated)
            }
            values["place"] = row["name"] ?? ""
            values["year"] = row["year"] ?? ""
            // Rows whose sources disagree have no single amount: no comparison.
            guard let minimum else { return values }
            return compare(with: minimum)
        case .monthlyPay:
            return nil // (computed above: it needs a day's pay, not a wage)
        case .thrAmount:
            guard let months = Self.service(in: words, remembered: rememberedMonths) else { return nil }
            let full = months >= 12
            var values: [String: Any] = [
                "wage": shownWage,
                "months": Self.number(months, language),
                "amount": Self.rupiah(full ? Double(wage) : (months / 12 * Double(wage)).rounded(), language),
            ]
            values[full ? "full" : "prorated"] = true
            return values
        case .severance:
            guard let months = Self.service(in: words, remembered: rememberedMonths) else { return nil }
            let (pesangonMonths, upmkMonths) = Self.severanceMonths(serviceMonths: months)
            let pesangon = Double(pesangonMonths * wage), upmk = Double(upmkMonths * wage)
            var values: [String: Any] = [
                "wage": shownWage,
                "years": Self.number((months / 12 * 10).rounded(.down) / 10, language),
                "pesangon_months": pesangonMonths,
                "pesangon": Self.rupiah(pesangon, language),
                "total": Self.rupiah(pesangon + upmk, language),
            ]
            if upmkMonths > 0 {
                values["upmk_months"] = upmkMonths
                values["upmk"] = Self.rupiah(upmk, language)
            }
            // A dismissal for the company's losses pays half the pesangon table (PP 35/2021
            // Pasal 43 and 44): that sum too, so that the answer can give both.
            values["pesangon_half"] = Self.rupiah(pesangon / 2, language)
            values["total_half"] = Self.rupiah(pesangon / 2 + upmk, language)
            // The JKP benefit on the same wage, which a dismissal opens too.
            let jkpMonthly = Self.jkpMonthly(wage: wage)
            values["jkp_monthly"] = Self.rupiah(jkpMonthly, language)
            values["jkp_total"] = Self.rupiah(jkpMonthly * Self.jkpMonths, language)
            return values
        case .pkwtEarlyEnd:
            let stated = Figures.months(words)
            guard let contract = Self.contractLength(stated) ?? rememberedContract,
                  let months = stated.first(where: \.service)?.months ?? rememberedMonths,
                  Self.monthsRange.contains(months), contract > months, contract <= Self.longestContract else { return nil }
            let remaining = contract - months
            let damages = (remaining * Double(wage)).rounded(), compensation = (months / 12 * Double(wage)).rounded()
            return [
                "wage": Self.rupiah(Double(wage), language),
                "contract": Self.number(contract, language),
                "months": Self.number(months, language),
                "remaining": Self.number(remaining, language),
                "damages": Self.rupiah(damages, language),
                "compensation": Self.rupiah(compensation, language),
                "total": Self.rupiah(damages + compensation, language),
            ]
        }
    }

    /// The JKP cash benefit a month for a monthly wage: 60% of it, the wage counted at most
    /// Rp 5,000,000.
    static func jkpMonthly(wage: Int) -> Double {
        (jkpShare * Double(min(wage, jkpWageCap))).rounded()
    }

    /// The months of service the message states (``monthsWorked(_:)``), else those the
    /// conversation gave, when within ``monthsRange``.
    static func service(in words: [Figures.Word], remembered: Double?) -> Double? {
        (monthsWorked(Figures.months(words)) ?? remembered).flatMap { monthsRange.contains($0) ? $0 : nil }
    }

    /// The months of wages of the two severance tables (PP 35/2021 Pasal 40(2) and (3)) for a
    /// length of service in months: uang pesangon 1 under a year, one more for each full year,
    /// at most 9; uang penghargaan masa kerja 0 under 3 years, then 2 and one more for each 3
    /// years, and 10 from 24 years.
    static func severanceMonths(serviceMonths months: Double) -> (pesangon: Int, upmk: Int) {
        let years = Int((months / 12).rounded(.down))
        let pesangon = min(years + 1, 9)
        let upmk = years < 3 ? 0 : (years >= 24 ? 10 : years / 3 + 1)
        return (pesangon, upmk)
    }

    /// A count as written in each language: whole, or with one decimal ("1,5" / "1.5").
    static func number(_ value: Double, _ language: Language) -> String {
        if value == value.rounded() { return String(Int(value)) }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10)\(language == .id ? "," : ".")\(tenths % 10)"
    }

    /// The monthly wage among the amounts of a message: the last in the wage range.
    static func wage(in words: [Figures.Word]) -> Int? {
        // Not an amount to be paid that no word of pay names as earned: "waduh 31 juta 😭 gimana
        // biar ga bayar segitu" echoes the damages just computed (probe 26b u04), it is no wage.
        if words.contains(where: { owedWords.contains($0.text) }), !words.contains(where: { wageWords.contains($0.text) }) { return nil }
        // Not an amount that a minimum wage word stands just before (within the reach of
        // ``statedMinimum(in:)``): "gaji sy 1,5jt padahal umr jakarta 5 jutaan" earns 1.5
        // million, "gaji cuma 3,8jt, bukannya umk bekasi lebih dr 5jt" 3.8 (probe 33b 01/1 was
        // told its wage of 5 million was above the minimum).
        let all = Figures.moneyAt(words)
        // An allowance is no wage of its own: a fixed one is added to the wage it comes with
        // ("gaji pokok 3,8 juta plus tunjangan tetap 400rb" earns 4.2 million: the wage the
        // calculations use is the basic wage and fixed allowances), another is left out.
        let allowances = all.filter { isAllowance(words, at: $0.at) }
        let fixedAllowances = allowances.filter { isFixedAllowance(words, at: $0.at) }.reduce(0) { $0 + $1.amount }
        // Nor one paid per day, week or hour ("dibayar 150rb sehari" is no monthly wage of
        // Rp 150.000 below the UMP; probe 28c 27/1).
        let own = all.filter { a in
            wageRange.contains(a.amount) && !words[max(0, a.at - minimumReach)..<a.at].contains { minimumWords.contains($0.text) }
                && !isPerPeriod(words, after: a.at) && !isPerDay(words, before: a.at) && !allowances.contains { $0.at == a.at }
        }
        // Nor, when another amount is given, one the person works out from it ("gajiku 7 juta,
        // berarti dapet 4,2jt sebulan?" earns 7 million: the 4.2 is their guess at the benefit).
        // (A result word anywhere between the amount before and this one: "berarti jkp nya 5,4 juta".)
        let stated = own.filter { a in
            let from = all.last(where: { $0.at < a.at }).map { $0.at + 1 } ?? 0
            return !words[min(from, a.at)..<a.at].contains { resultWords.contains($0.text) }
        }
        if let pay = (stated.isEmpty ? own : stated).last?.amount { return pay + fixedAllowances }
        // A day's pay and the days worked in a month ("sehari dibayar 120rb, masuk 26 hari
        // sebulan"): the month's pay (probe 29c 05/1 was told Rp 120.000 a month).
        return dailyPay(in: words)?.monthly ?? millionsAfterWageWord(words)
    }

    /// Whether the amount at word `k` is an allowance: a word of allowance among the four words
    /// before it, with no other amount between ("tunjangan tetap 400rb", "plus tunjangan
    /// transport 300rb"). (Not one after it: in "gaji 4jt tunjangan 500rb" the 4 million is the
    /// wage.)
    static func isAllowance(_ words: [Figures.Word], at k: Int) -> Bool {
        allowanceWord(words, at: k) != nil
    }

    /// The place of the allowance word the amount at `k` belongs to.
    static func allowanceWord(_ words: [Figures.Word], at k: Int) -> Int? {
        var j = k - 1
        while j >= max(0, k - 4), words[j].number == nil {
            if allowanceWords.contains(words[j].text) { return j }
            j -= 1
        }
        return nil
    }

    /// Whether the amount at `k` is a fixed allowance ("tunjangan tetap", "fixed allowance"), not
    /// one said to be included already ("sudah termasuk tunjangan 500rb") or not fixed ("tunjangan
    /// tidak tetap").
    static func isFixedAllowance(_ words: [Figures.Word], at k: Int) -> Bool {
        guard let a = allowanceWord(words, at: k) else { return false }
        // (Its own words only: those between the allowance word and the amount, and the one
        // before it, "fixed allowance"; not the kind of another allowance named before.)
        let near = words[max(0, a - 1)..<k].map(\.text)
        // (A position or family allowance is fixed by its kind: "tunjangan jabatan 500rb".)
        guard near.contains(where: { $0 == "tetap" || $0 == "fixed" || fixedAllowanceKinds.contains($0) }) else { return false }
        return !near.contains(where: { ["tidak", "tdk", "gak", "ga", "nggak", "bukan", "non", "not"].contains($0) })
            && !words[max(0, a - 3)..<a].contains { ["termasuk", "include", "includes", "including", "included"].contains($0.text) }
    }

    static let allowanceWords: Set<String> = ["tunjangan", "tunjangannya", "tunj", "allowance", "allowances"]
    /// Kinds of allowance paid whatever the attendance, and so fixed (not meals or transport,
    /// which are often paid per day present).
    static let fixedAllowanceKinds: Set<String> = ["jabatan", "keluarga", "anak", "istri", "position", "family"]

    /// A day's pay and the days worked, stated together: one amount paid per day ("120rb
    /// sehari", "sehari dibayar 120rb", "upah harian 85rb") and one count of days, either of a
    /// month in a message that names a month and no week ("masuk 26 hari sebulan", "sebulan kerja
    /// 25 hari") or of a week, the week named right after it ("kerja 6 hari seminggu", "5 days a
    /// week"; no month named): the days of a month are then days × 52 weeks ÷ 12, rounded (6 →
    /// 26, 5 → 22).
    struct DailyPay {
        var pay: Int
        /// The days of a month worked.
        var days: Int
        /// The days of a week stated, when the month's were worked out from them.
        var perWeek: Int?
        /// The hour's pay and the hours of a day, when the day's pay was worked out from them.
        var hourly: (pay: Int, hours: Double)? = nil
        var monthly: Int { pay * days }

        /// How the month's pay (`amount`, in rupiah) was made: "Rp 120.000 × 26 hari = Rp
        /// 3.120.000", "Rp 150,000 × 22 days (5 days a week ≈ 22 days a month) = Rp 3,300,000".
        func shown(_ amount: String, _ language: Language) -> String {
            let unit = language == .id ? "hari" : "days"
            let week = perWeek.map { n in
                language == .id ? " (\(n) hari seminggu ≈ \(days) hari sebulan)" : " (\(n) days a week ≈ \(days) days a month)"
            } ?? ""
            let day = hourly.map { h in
                "\(Calculation.rupiah(Double(h.pay), language)) × \(Calculation.number(h.hours, language)) \(language == .id ? "jam" : "hours")"
            } ?? Calculation.rupiah(Double(pay), language)
            return "\(day) × \(days) \(unit)\(week) = \(amount)"
        }
    }

    /// The template values of ``monthlyPay``: the day's pay of this message, else the
    /// conversation's, with the days of this message, else the conversation's.
    static func monthlyPayValues(words: [Figures.Word], remembered: DailyPay?, language: Language) -> [String: Any]? {
        let own = payPerDay(in: words)
        guard let pay = own ?? remembered?.pay else { return nil }
        var values: [String: Any] = ["daily": rupiah(Double(pay), language)]
        let stated = workDays(in: words)
        guard let days = stated?.days ?? remembered.flatMap({ $0.days > 0 ? $0.days : nil }) else {
            values["five_days"] = rupiah(Double(pay * 22), language)
            values["six_days"] = rupiah(Double(pay * 26), language)
            return values
        }
        var daily = DailyPay(pay: pay, days: days, perWeek: stated.map(\.perWeek) ?? remembered?.perWeek)
        if own == nil { daily.hourly = remembered?.hourly }
        let monthly = rupiah(Double(daily.monthly), language)
        values["days"] = days
        if let week = daily.perWeek { values["per_week"] = week }
        values["monthly"] = monthly
        values["shown"] = daily.shown(monthly, language)
        return values
    }

    static func dailyPay(in words: [Figures.Word]) -> DailyPay? {
        guard let work = workDays(in: words), let pay = payPerDay(in: words) else { return nil }
        return DailyPay(pay: pay, days: work.days, perWeek: work.perWeek)
    }

    /// The one amount a message states as paid per hour ("12rb per jam", "15rb/jam", "15k an
    /// hour"), within ``hourlyPayRange``; nil when it states none or several.
    static func payPerHour(in words: [Figures.Word]) -> Int? {
        let perHour = Figures.moneyAt(words).filter { a in
            guard hourlyPayRange.contains(a.amount), let j = wordAfterAmount(words, at: a.at) else { return false }
            if hourPeriodWords.contains(words[j].text) { return true }
            return j + 1 < words.count && perWords.contains(words[j].text) && Figures.hourWords.contains(words[j + 1].text)
        }
        return perHour.count == 1 ? perHour[0].amount : nil
    }

    /// The least and most an hour's pay may be to be taken as one.
    static let hourlyPayRange = 1_000...500_000
    static let hourPeriodWords: Set<String> = ["sejam", "perjam", "hourly"]

    /// The hours of a working day among those a message names: the only ones that are neither
    /// overtime nor a week's or a month's, from 1 to 16 ("sehari 5 jam", "kerja 6 jam").
    static func hoursPerDay(in words: [Figures.Word]) -> Double? {
        let day = Figures.hours(words).filter { !$0.overtime && !$0.period && $0.hours >= 1 && $0.hours <= 16 }
        return day.count == 1 ? day[0].hours : nil
    }

    /// The one amount a message states as paid per day ("dibayar 100rb sehari", "upah harian
    /// 85rb"), within ``dailyPayRange``; nil when it states none or several.
    static func payPerDay(in words: [Figures.Word]) -> Int? {
        let perDay = Figures.moneyAt(words).filter { a in
            dailyPayRange.contains(a.amount) && (isPerDay(words, before: a.at) || isPerDay(words, after: a.at))
        }
        return perDay.count == 1 ? perDay[0].amount : nil
    }

    /// The days worked a message states: of a month, in a message that names a month and no
    /// week ("masuk 26 hari sebulan"), or of a week, the week named right after the count ("kerja
    /// 6 hari seminggu", "5 days a week"; no month named), whose days of a month are then
    /// days × 52 weeks ÷ 12, rounded (6 → 26, 5 → 22).
    static func workDays(in words: [Figures.Word]) -> (days: Int, perWeek: Int?)? {
        guard let days = Figures.days(words), days >= 1, days == days.rounded() else { return nil }
        let namesMonth = words.contains { monthPeriodWords.contains($0.text) }
        let perWeek: Int?
        if namesMonth, days <= 31, !words.contains(where: { weekPeriodWords.contains($0.text) }) {
            perWeek = nil
        } else if !namesMonth, days <= 7,
                  let k = words.indices.first(where: { words[$0].number?.value == days && Figures.dayWords.contains(Figures.unit(of: $0, in: words)) }),
                  // (The week right after the count, "6 hari seminggu", or just before it, "seminggu
                  // 4 hari", "tiap minggu masuk 5 hari".)
                  words[min(words.count, k + 1)..<min(words.count, k + 4)].contains(where: { weekPeriodWords.contains($0.text) })
                      || words[max(0, k - 2)..<k].contains(where: { weekPeriodWords.contains($0.text) }) {
            perWeek = Int(days)
        } else {
            return nil
        }
        return (perWeek.map { Int((Double($0) * 52 / 12).rounded()) } ?? Int(days), perWeek)
    }

    /// The least and most a day's pay may be to be taken as one.
    static let dailyPayRange = 10_000...2_000_000
    /// Words naming a month or a week as the period of days worked.
    static let monthPeriodWords = Figures.monthWords.union(["sebulan", "perbulan", "monthly"])
    static let weekPeriodWords: Set<String> = ["seminggu", "minggu", "mgg", "perminggu", "week", "weekly"]
    static let dayPeriodWords: Set<String> = ["sehari", "harian", "perhari", "daily"]

    /// Whether the amount starting at `at` is paid per day by the words right after it ("120rb
    /// sehari", "150rb per hari", "85rb/hari").
    static func isPerDay(_ words: [Figures.Word], after at: Int) -> Bool {
        guard let j = wordAfterAmount(words, at: at) else { return false }
        if dayPeriodWords.contains(words[j].text) || Figures.dayWords.contains(words[j].text) { return true }
        return j + 1 < words.count && perWords.contains(words[j].text) && Figures.dayWords.contains(words[j + 1].text)
    }

    /// Whether the words right before the amount at `at` say it is paid per day: a word of a
    /// day's pay just before it ("upah harian 85rb", "per hari 120rb"), or one word of pay
    /// between ("sehari dibayar 120rb"); not the "sehari" of a count of hours ("lembur 2 jam
    /// sehari gaji …").
    static func isPerDay(_ words: [Figures.Word], before at: Int) -> Bool {
        var k = at - 1
        if k >= 0, wageWords.contains(words[k].text) || dayPayVerbs.contains(words[k].text) { k -= 1 }
        guard k >= 0 else { return false }
        let period = dayPeriodWords.contains(words[k].text) || (k >= 1 && perWords.contains(words[k - 1].text) && Figures.dayWords.contains(words[k].text))
        guard period else { return false }
        let before = k - (dayPeriodWords.contains(words[k].text) ? 1 : 2)
        return before < 0 || (words[before].number == nil && !Figures.hourWords.contains(words[before].text))
    }

    /// Words of being paid that may stand between a day's period and its amount.
    static let dayPayVerbs: Set<String> = ["dapat", "dapet", "dpt", "cuma", "hanya", "only", "get", "gets", "earn", "earns"]

    /// Whether a message that speaks of pay states an amount paid per day, week or hour
    /// (``isPerPeriod(_:after:)``): "dibayar 150rb sehari".
    static func statesPayPerPeriod(in words: [Figures.Word], surfaces: some Sequence<String>) -> Bool {
        surfaces.contains(where: wageWords.contains)
            && Figures.moneyAt(words).contains { isPerPeriod(words, after: $0.at) || isPerDay(words, before: $0.at) }
    }

    /// Whether the word right after the amount starting at `at` (its numbers and scale words
    /// skipped) says it is paid per day, week or hour: "sehari", "harian", "seminggu", "sejam",
    /// "150rb/hari", or "per"/"a"/"tiap" before "hari", "day", "minggu" ….
    static func isPerPeriod(_ words: [Figures.Word], after at: Int) -> Bool {
        guard let j = wordAfterAmount(words, at: at) else { return false }
        let first = words[j].text
        if perPeriodWords.contains(first) || periodUnits.contains(first) { return true }
        return j + 1 < words.count && perWords.contains(first) && periodUnits.contains(words[j + 1].text)
    }

    /// The index of the first word after the amount starting at `at`, its numbers and scale
    /// words skipped; nil at the end of the message.
    static func wordAfterAmount(_ words: [Figures.Word], at: Int) -> Int? {
        var j = at + 1
        // (A number belongs to the amount only with a scale word after it: "4 juta 200 ribu",
        // not the "8" of "3 juta 8 jam sehari".)
        while j < words.count, Figures.scales[words[j].text] != nil
                || (words[j].number != nil && j + 1 < words.count && Figures.scales[words[j + 1].text] != nil) { j += 1 }
        return j < words.count ? j : nil
    }

    /// Whether the words name a day off whose overtime is paid at other rates than a workday's:
    /// "hari libur", "tanggal merah", "hari raya", "hari minggu", "rest day", "holiday",
    /// "sunday", "lebaran".
    static func namesADayOff(_ words: [Figures.Word]) -> Bool {
        words.indices.contains { k in
            holidayWords.contains(words[k].text)
                || (k + 1 < words.count && holidayPairs.contains([words[k].text, words[k + 1].text]))
        }
    }

    /// (Saturday too: a rest day in a five-day week, an ordinary day in a six-day one; the
    /// answer says which is which, and no workday-rate total is given for it, probe 32f 01/5.)
    static let holidayWords: Set<String> = ["holiday", "holidays", "sunday", "lebaran", "sabtu", "saturday", "weekend"]
    static let holidayPairs: Set<[String]> = [["hari", "libur"], ["tanggal", "merah"], ["hari", "raya"], ["hari", "minggu"],
                                              ["rest", "day"], ["day", "off"]]

    static let perWords: Set<String> = ["per", "a", "an", "tiap", "setiap", "each", "every"]
    static let perPeriodWords: Set<String> = ["sehari", "harian", "perhari", "seminggu", "mingguan", "perminggu", "sejam", "perjam",
                                              "daily", "weekly", "hourly"]
    static let periodUnits: Set<String> = ["hari", "day", "minggu", "week", "jam", "hour"]

    /// Words marking an amount as one to pay, or as the amount just named ("segitu": that much).
    static let owedWords: Set<String> = ["segitu", "sebanyak", "denda", "penalti", "penalty", "tebusan"]

    /// Words before an amount worked out from the wage, not the wage itself.
    static let resultWords: Set<String> = ["berarti", "brarti", "brrti", "dapet", "dapat", "dpt", "so", "means", "get", "receive"]

    /// A minimum wage the person states ("padahal umk kota saya 2,5", "UMR sini 4,8 jt"): an
    /// amount, or a bare number from 1 to 99 read as millions, within four words after a word
    /// naming a minimum wage.
    static func statedMinimum(in words: [Figures.Word]) -> Int? {
        let amounts = Figures.moneyAt(words)
        for (k, w) in words.enumerated() where minimumWords.contains(w.text) {
            if let a = amounts.first(where: { $0.at > k && $0.at <= k + minimumReach && wageRange.contains($0.amount) }) { return a.amount }
            if let millions = bareMillions(after: k, within: minimumReach, in: words) { return millions }
        }
        return nil
    }

    /// How many words after a word naming a minimum wage its amount may stand ("umk bekasi lebih
    /// dr 5jt").
    static let minimumReach = 4

    /// Words naming a minimum wage, whose amount is not the person's own.
    static let minimumWords: Set<String> = ["umr", "ump", "umk", "minimum", "minimal", "umsk"]

    /// "gaji terakhir 3,8", "gaji sy 5": a bare number from 1 to 99 within three words after a
    /// word of pay, with no unit of its own, is millions of rupiah, as people write their wage.
    /// Not "gaji ke-13", "gaji 2 bulan", "gaji 10%".
    static func millionsAfterWageWord(_ words: [Figures.Word]) -> Int? {
        for (k, w) in words.enumerated() where wageWords.contains(w.text) && !minimumWords.contains(w.text) {
            if let millions = bareMillions(after: k, within: 3, in: words) { return millions }
        }
        return nil
    }

    /// The first number within `within` words after word `k`, read as millions of rupiah when
    /// it is bare: 1 to 99, no scale, unit or grouping of its own, not a count ("2 bulan"), an
    /// ordinal ("ke-13") or a percentage. Nil when the first number is not such a one.
    static func bareMillions(after k: Int, within: Int, in words: [Figures.Word]) -> Int? {
        for j in (k + 1)..<min(words.count, k + 1 + within) {
            guard let number = words[j].number else { continue }
            let unit = Figures.unit(of: j, in: words)
            guard words[j].scale == nil, words[j].unit == nil, !number.grouped, (1...99).contains(number.value),
                  !Figures.unitWords.contains(unit), unit != "persen", unit != "percent", !["ke", "persen"].contains(words[j - 1].text)
            else { return nil }
            return Int((number.value * 1_000_000).rounded())
        }
        return nil
    }

    /// A monthly wage stated in the message ("gaji sy 4,2 jt"), to remember for later
    /// questions in the conversation: ``wage(in:)`` of a message that speaks of pay.
    /// - Parameter surfaces: the message's words as the analyser spells them (looked at first).
    static func statedWage(in words: [Figures.Word], surfaces: some Sequence<String>) -> Int? {
        surfaces.contains(where: wageWords.contains) ? wage(in: words) : nil
    }

    /// The months worked among the lengths a message names: the one after a word of service,
    /// else the only one given.
    static func monthsWorked(_ stated: [(months: Double, service: Bool)]) -> Double? {
        stated.first(where: \.service)?.months ?? (stated.count == 1 ? stated[0].months : nil)
    }

    /// Months worked stated in a message, to remember: a length after a word of service
    /// ("baru 7 bln", "udah kerja 2 tahun").
    static func statedMonths(in words: [Figures.Word]) -> Double? {
        Figures.months(words).first(where: \.service).map(\.months).flatMap { monthsRange.contains($0) ? $0 : nil }
    }

    /// The length of a contract among the lengths a message names: the first that no word of
    /// service stands before ("kontrak 1 thn, baru jalan 8 bln").
    static func contractLength(_ stated: [(months: Double, service: Bool)]) -> Double? {
        stated.first { !$0.service && monthsRange.contains($0.months) }?.months
    }

    /// The contract's length stated in a message, to remember: a length after a word of
    /// contract ("kontrak 1 thn", "pkwt 2 tahun").
    static func statedContract(in words: [Figures.Word]) -> Double? {
        for (k, w) in words.enumerated() where Figures.contractWords.contains(w.text) {
            // Not the time left of it: "sisa kontrak 1 bln lg" is no contract of a month (probe
            // 33c 11/4: the PKWT compensation was then worked out for 1 month).
            if words[max(0, k - 2)..<k].contains(where: { Figures.remainingWords.contains($0.text) }) { continue }
            // "kontrak setahun": a length said in one word, right after the contract.
            if k + 1 < words.count, let single = Figures.singleDurations[words[k + 1].text] { return single }
            let lengths = Figures.months(Array(words[(k + 1)..<min(words.count, k + 5)]))
            if let first = lengths.first, !first.service, monthsRange.contains(first.months) { return first.months }
        }
        return nil
    }

    /// The longest fixed-term contract, in months (five years, PP 35/2021).
    static let longestContract = 60.0

    /// The lengths of service taken as one, in months.
    static let monthsRange = 1.0...600

    static let wageWords: Set<String> = ["gaji", "gajiku", "gajinya", "gajian", "upah", "upahku", "digaji", "dibayar", "salary", "wage",
                                         "wages", "pay", "paid", "earn", "earning", "income", "penghasilan", "pendapatan", "umr", "ump", "umk"]

    /// Rupiah rounded to whole rupiah, grouped the way each language writes it ("Rp 24.277",
    /// "Rp 24,277").
    static func rupiah(_ amount: Double, _ language: Language) -> String {
        let digits = String(Int(amount.rounded()))
        var grouped = ""
        for (n, c) in digits.reversed().enumerated() {
            if n > 0 && n % 3 == 0 { grouped.append(language == .id ? "." : ",") }
            grouped.append(c)
        }
        return "Rp " + String(grouped.reversed())
    }
}
