/// The person's own figures across a conversation (``Figures``, ``Calculation``).
extension Turn {
    /// Remembers the wage and the months worked the message states, for answers that compute
    /// with them later ("gaji sy 4,2 jt", then "lembur 3 jam dapet brp"); whether the message
    /// gives figures at all (hours too, inside a conversation). The message is cut into figures
    /// once (``figureWords``), and only when it holds a digit or a number word.
    mutating func rememberFigures() -> Bool {
        guard holdsFigures else { return false }
        let figures = Figures.tokens(text)
        figureWords = figures
        var states = false
        // A wage only from a message that speaks of pay, months only after a word of service.
        if let wage = Calculation.statedWage(in: figures, surfaces: analysis.tokens.lazy.map(\.surface)) {
            session.wage = wage
            // (A month's wage said outright replaces a day's pay said before; one worked out
            // from a day's pay in this message is remembered again just below.)
            session.dailyPay = nil
            session.hourlyPay = nil
            states = true
        } else if Calculation.statesPayPerPeriod(in: figures, surfaces: analysis.tokens.lazy.map(\.surface)) {
            // Pay now stated per day, week or hour ("dibayar 150rb sehari" after "gaji 4,5jt"):
            // the monthly wage said before no longer stands for the person's pay.
            session.wage = nil
        }
        if rememberDailyPay(figures) { states = true }
        // A minimum wage the person names ("bukannya umk bekasi lebih dr 5jt?") stays the one
        // their wage is compared with in the conversation (probe 33b 01/2 and 01/4 compared it
        // with the province's UMP again after "sy udh kerja 2 thn lho").
        if let minimum = Calculation.statedMinimum(in: figures) { session.statedMinimum = minimum }
        var statesMonths = false
        if analysis.tokens.contains(where: { Figures.serviceWords.contains($0.surface) }), let months = Calculation.statedMonths(in: figures) {
            session.monthsWorked = months
            states = true
            statesMonths = true
        }
        var statesContract = false
        if let contract = Calculation.statedContract(in: figures) {
            session.contractMonths = contract
            states = true
            statesContract = true
        } else if !statesMonths, rememberLength(figures) {
            states = true
        }
        if rememberRemaining(figures, statesMonths: statesMonths, statesContract: statesContract) { states = true }
        // Overtime hours of a day ("lembur 4 jam"), for the overtime pay asked again later.
        let hours = Figures.hours(figures)
        if let overtime = hours.first(where: { $0.overtime && !$0.period && !$0.work }) ?? (hours.count == 1 && !hours[0].period && !hours[0].work
                && lastComputes(.overtimeWorkday) ? hours[0] : nil),
           (1...24).contains(overtime.hours) {
            session.overtimeHours = overtime.hours
        }
        // (Hours that are only a working day's length give no figure for a calculation.)
        return states || (session.lastIntent != nil && hours.contains { !$0.work })
    }

    /// The months left of the contract ("sisa kontrak 1 bln lg"), remembered, and the figure
    /// they complete: the months worked of a contract whose length is known ("kontrak 3 bln trs
    /// di putus", then "sisa kontrak 1 bln lg": 2 months worked; probe 33c 11 was given the PKWT
    /// compensation of 1 month), or the contract's length when the months worked are. The
    /// figure this message states is kept; the other is worked out. Whether the message stated
    /// the time left.
    mutating func rememberRemaining(_ figures: [Figures.Word], statesMonths: Bool, statesContract: Bool) -> Bool {
        // The time left of a contract: one the message or the conversation names, or the one
        // the last answer computed with ("sisa gaji 2 bulan" is no contract's time left).
        let aboutContract = session.contractMonths != nil || figures.contains { Figures.contractWords.contains($0.text) }
            || lastComputes(.pkwtEarlyEnd) || lastComputes(.pkwtCompensation)
        let stated = aboutContract ? Figures.remainingMonths(figures) : nil
        if let stated { session.remainingMonths = stated }
        guard let remaining = session.remainingMonths, !(statesMonths && statesContract) else { return stated != nil }
        if let contract = session.contractMonths, !statesMonths, stated != nil || statesContract, contract > remaining {
            session.monthsWorked = contract - remaining
        } else if let months = session.monthsWorked, !statesContract, stated != nil || (statesMonths && session.contractMonths == nil),
                  months + remaining <= Calculation.longestContract {
            session.contractMonths = months + remaining
        }
        return stated != nil
    }

    /// The most content words besides a length for it to replace the last calculation's ("kalo
    /// 2 tahun?"; not "pelatih renang buat anak 5 tahun di Surabaya" after the PKWT compensation).
    static let lengthOnlyWords = 1

    /// "kalo 2 tahun?", "eh salah, maksudnya 5 bulan": one length of time and hardly anything
    /// else, not after a word of service or contract, right after an answer that computed with a
    /// length ("eh salah, maksudnya 5 bulan baru jalan").
    /// It replaces the months worked, or, for the damages of a contract ended early, the
    /// contract's length when it is said in years as the contract was ("kontrak 2 tahun, baru 8
    /// bulan", then "kalo 1 tahun?": probe 32f 17/2). Whether it was remembered.
    mutating func rememberLength(_ figures: [Figures.Word]) -> Bool {
        let lengths = Figures.months(figures)
        guard lengths.count == 1, Calculation.monthsRange.contains(lengths[0].months), Figures.money(figures).isEmpty,
              let last = lastEligibleIntent(), let calculation = calculation(of: kb.intents[last]),
              calculation.usesMonths, wordsBesideFigures() <= Self.lengthOnlyWords else { return false }
        let months = lengths[0].months
        let inYears = figures.contains { Figures.yearWords.contains($0.text) } || figures.contains { $0.unit.map(Figures.yearWords.contains) == true }
        if calculation == .pkwtEarlyEnd, inYears, let contract = session.contractMonths, contract.truncatingRemainder(dividingBy: 12) == 0,
           months > (session.monthsWorked ?? 0) {
            session.contractMonths = months
        } else {
            session.monthsWorked = months
        }
        // The calculation reads the length from the conversation, where it now stands for the
        // figure it replaced, not from the message, where it would be read as a contract's.
        var withoutLength = figures
        for k in figures.indices where figures[k].number != nil && figures[k].scale == nil {
            let unit = Figures.unit(of: k, in: figures)
            if Figures.monthWords.contains(unit) || Figures.yearWords.contains(unit) { withoutLength[k].number = nil }
        }
        figureWords = withoutLength
        return true
    }

    /// Whether the last answer computes `calculation`.
    func lastComputes(_ calculation: Calculation) -> Bool {
        lastEligibleIntent().map { self.calculation(of: kb.intents[$0]) == calculation } ?? false
    }

    /// Remembers a day's pay ("dibayar 100rb sehari", "buruh harian, 90rb sehari") and the days
    /// worked ("kerja 6 hari seminggu") the message states, and once the conversation has both
    /// (from one message or two), the month's wage they make, for every answer that computes
    /// with the wage. Whether the message stated either.
    mutating func rememberDailyPay(_ figures: [Figures.Word]) -> Bool {
        let surfaces = analysis.tokens.lazy.map(\.surface)
        let aboutPay = surfaces.contains(where: { Calculation.wageWords.contains($0) || Self.workWords.contains($0) })
        var states = false
        // An hour's pay and the hours of a day ("dibayar 12rb per jam, sehari 5 jam") make the
        // day's pay (probe 30d 03).
        if let hourly = Calculation.payPerHour(in: figures), aboutPay {
            session.hourlyPay = hourly
            session.hoursPerDay = Calculation.hoursPerDay(in: figures) ?? session.hoursPerDay
            states = true
        } else if session.hourlyPay != nil, let hours = Calculation.hoursPerDay(in: figures) {
            session.hoursPerDay = hours
            states = true
        }
        if states, let hourly = session.hourlyPay, let hours = session.hoursPerDay {
            session.dailyPay = Int((Double(hourly) * hours).rounded())
        }
        if let pay = Calculation.payPerDay(in: figures), aboutPay {
            session.dailyPay = pay
            session.hourlyPay = nil
            states = true
        }
        if let days = Calculation.workDays(in: figures) {
            session.workDays = days.days
            session.workDaysPerWeek = days.perWeek
            states = true
        }
        if states, let pay = session.dailyPay, let days = session.workDays {
            session.wage = pay * days
        }
        return states
    }

    /// Words of working for a living: a day's amount said with one is the day's pay ("buruh
    /// harian di kebun, 90rb sehari").
    static let workWords: Set<String> = ["kerja", "bekerja", "buruh", "harian", "kuli", "work", "worker", "labourer", "laborer"]

    /// The day's pay and days the conversation remembers, as one ``Calculation/DailyPay``
    /// (days 0 when only the pay is known).
    var rememberedDailyPay: Calculation.DailyPay? {
        session.dailyPay.map { pay in
            var daily = Calculation.DailyPay(pay: pay, days: session.workDays ?? 0, perWeek: session.workDaysPerWeek)
            if let hourly = session.hourlyPay, let hours = session.hoursPerDay { daily.hourly = (hourly, hours) }
            return daily
        }
    }

    /// "jadi sebulan brp ya?", "how much is that per month?": asking for a month's amount, in a
    /// few words, once the conversation has a day's pay (said per day, or per hour with the
    /// hours of a day): the answer that works out the month's pay (`calculate: monthly_pay`),
    /// whatever the conversation was about (the overtime pay got it, probe 30d 03/4, 16/4).
    /// Nil otherwise.
    mutating func monthlyPayAsked() -> Reply? {
        guard session.dailyPay != nil, Self.words(analysis.tokens) <= Self.amountQuestionWords, Self.asksForAnAmount(analysis.tokens),
              analysis.tokens.contains(where: { Calculation.monthPeriodWords.contains($0.surface) }),
              // (Nothing else named: "iurannya brp sebulan" asks for a contribution, probe 30e 06/4.)
              contentWords(analysis.tokens.filter { !Self.monthQuestionWords.contains($0.surface) }[...]) == 0,
              let i = monthlyPayIntent() else { return nil }
        rule = traced("asking for a month's amount with a day's pay in the conversation: `\(kb.intents[i].id)` works it out")
        return answer(intent: i, score: settings.answerThreshold, entity: nil)
    }

    /// "kak sy kerja di toko bangunan, dibayar 100rb sehari": a day's pay stated and nothing
    /// asked, that no answer reads on its own: the month's pay it makes (at five and six days a
    /// week until the days are said), with the way to compare it with the minimum wage, rather
    /// than "I can't answer that" (probe 30b 01/1, 16/2). Nil otherwise.
    mutating func dailyPayStated() -> Reply? {
        guard holdsFigures, !text.contains("?"), Calculation.payPerDay(in: messageFigures) != nil, session.dailyPay != nil,
              !analysis.tokens.contains(where: { QuestionParts.questionWords.contains($0.surface) }),
              let i = monthlyPayIntent() else { return nil }
        let ranking = messageRanking()
        self.ranking = ranking
        guard (ranking.candidates.first?.score ?? 0) < settings.answerThreshold * lengthScale(analysis.tokens), !ranking.outOfScopeIsNearer else { return nil }
        rule = traced("a day's pay stated, nothing asked, nothing read on its own: `\(kb.intents[i].id)` works out the month")
        return answer(intent: i, score: settings.answerThreshold, entity: nil)
    }

    /// The intent that works out the month's pay (`calculate: monthly_pay`), when the knowledge
    /// has one eligible in this conversation.
    func monthlyPayIntent() -> Int? {
        kb.intents.firstIndex(where: { calculation(of: $0) == .monthlyPay }).flatMap { engine.matcher.eligible($0, session) ? $0 : nil }
    }

    /// The words of a question asking for the month's pay and nothing else ("jadi kalau dihitung
    /// sebulan gaji saya berapa"): words of pay, of a month, of an amount and of getting it, and
    /// these.
    static let monthQuestionWords: Set<String> = Set([
        "jadi", "kalau", "itu", "dihitung", "hitung", "hitungan", "sebulannya", "bulannya", "kira", "saya", "aku", "gue", "gw",
        "kita", "that", "what", "then", "come", "comes", "my", "per", "this", "total", "totalnya",
    ]).union(Calculation.wageWords).union(Calculation.monthPeriodWords).union(amountWords).union(gettingWords)

    /// Whether the message holds a digit or a number word: only then can it give figures.
    var holdsFigures: Bool {
        text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) || analysis.tokens.contains(where: { Figures.isNumberWord($0.surface) })
    }

    /// The message cut into figures: as ``rememberFigures()`` cut it, else cut now.
    var messageFigures: [Figures.Word] { figureWords ?? Figures.tokens(text) }

    /// "eh salah, gaji sy 3,5jt bukan 3,2" or "kalo 3 jam" right after an answer that computed
    /// with the person's figures: the same answer, computed again with the new ones, unless the
    /// message clearly asks something else. Nil otherwise. For a message that gives figures.
    mutating func computeAgain() -> Reply? {
        guard let last = lastEligibleIntent(), kb.intents[last].calculate != nil, !contradicts(last) else { return nil }
        let besides = wordsBesideFigures()
        // (An interjection opening the message, "eh 3 jam": not the "ga?" that ends a question,
        // "sy udh 45 thn, msh bisa ikut pelatihan ga?" after the JKP benefit, probe 27a u11.)
        guard Correction.isCorrection(analysis.tokens) || analysis.tokens.first.map({ Correction.interjections.contains($0.surface) }) == true
                || besides <= Self.figuresOnlyWords else { return nil }
        let ranking = messageRanking()
        self.ranking = ranking
        // Nothing but figures ("is it 2 hours per day, 5 days") gives figures, whatever else
        // the words resemble.
        // (Nor one that asks for the amount, whose other reading is a sibling computing nothing:
        // "klo sebulan lembur 3 jam tiap hari, 22 hari kerja, totalnya brp?" after the overtime
        // pay, read as the overtime rules, probe 27b u02.)
        guard besides == 0 || (ranking.candidates.first.map({ !isClearlyAnotherQuestion($0) || $0.intent == last
            || (Self.asksForAnAmount(analysis.tokens) && kb.intents[$0.intent].calculate == nil && kb.intents[$0.intent].topic == kb.intents[last].topic) }) ?? true)
        else { return nil }
        // Hours of work the last calculation does not use, in a message whose best reading
        // computes with them ("salary 4.5 million, 3 hours extra a day, how much" after the
        // comparison with the minimum wage), ask for that other computation.
        if let top = ranking.candidates.first, top.intent != last, top.score >= settings.clarifyThreshold,
           calculation(of: kb.intents[top.intent])?.usesHours == true, calculation(of: kb.intents[last])?.usesHours == false,
           !Figures.hours(messageFigures).isEmpty { return nil }
        // Nor figures the last answer still cannot compute with, when the best reading computes
        // with them ("gaji terakhir 3 juta, dapetnya brp" after the JKP answer for a contract cut
        // short, which needs the contract's months too: the JKP benefit, probe 32f 10/3).
        // (Only when the message asks for the amount: a wage alone, "gaji 4,5 jt" after the
        // answer that a resigning contract worker gets no JKP, adds to that case.)
        if calculated(kb.intents[last]) == nil, Self.asksForAnAmount(analysis.tokens), let top = ranking.candidates.first, top.intent != last, top.score >= settings.answerThreshold,
           calculated(kb.intents[top.intent]) != nil { return nil }
        rule = traced("new figures for the last answer, which computes with them")
        return answer(intent: last, score: max(ranking.candidates.first?.score ?? 0, settings.answerThreshold), entity: nil)
    }

    /// A message of this many content words or fewer besides its figures and their units that
    /// states figures right after a computed answer gives new figures for it ("gaji 3,5jt",
    /// "kalo 5 jam", "gaji sy 4,5jt/bln", "is it 2 hours per day, 5 days").
    static let figuresOnlyWords = 3

    /// The message's content words that are not figures, units, words of pay, of service ("aku
    /// kerja 8 bulan") or asking for the amount ("dpt brp").
    func wordsBesideFigures() -> Int {
        let rest = analysis.tokens.filter { t in
            !Figures.unitWords.contains(t.surface) && !Calculation.wageWords.contains(t.surface) && !t.surface.allSatisfy(\.isNumber)
                && !Figures.isNumberWord(t.surface)
                && !Figures.serviceWords.contains(t.surface) && !Self.amountWords.contains(t.surface) && !Self.gettingWords.contains(t.surface)
                && !Self.wageDetailWords.contains(t.surface) && !Figures.correctionWords.contains(t.surface) && !Self.takingBackWords.contains(t.surface)
        }
        return contentWords(rest[...])
    }

    /// Words that open a figure taken back ("eh salah, maksudnya 5 bulan").
    static let takingBackWords: Set<String> = ["eh", "oh", "ups", "oops", "sorry", "maaf", "sori"]

    /// Words that say what a wage is made of ("gaji pokok 3,8 juta plus tunjangan tetap 400rb").
    static let wageDetailWords: Set<String> = ["pokok", "tunjangan", "tunjangannya", "tetap", "plus", "ditambah", "tambah", "basic", "allowance",
                                               "allowances", "fixed", "bersih", "kotor", "net", "gross"]

    /// Words of receiving an amount ("dpt brp", "how much do I get").
    static let gettingWords: Set<String> = ["dapat", "dapet", "get", "receive", "terima", "nerima", "menerima"]

    /// The template values of the intent's calculation with this message's figures and those
    /// the conversation gave (wage, months worked, contract length), or nil when it has none or
    /// they do not suffice. `row`: the slot's table row, else the row of a value the
    /// conversation names (``calculationRow(_:)``); `words`: the message already cut into figures.
    func calculated(_ def: IntentDefinition, row: [String: String]? = nil, words: [Figures.Word]? = nil) -> [String: Any]? {
        guard let calculation = calculation(of: def) else { return nil }
        return calculation.values(words: words ?? messageFigures, rememberedWage: session.wage, rememberedMonths: session.monthsWorked,
                                  rememberedContract: session.contractMonths, rememberedDaily: rememberedDailyPay,
                                  rememberedOvertime: session.overtimeHours, rememberedMinimum: session.statedMinimum,
                                  row: row ?? calculationRow(def), language: language)
    }

    /// The calculation the intent declares (`calculate:`), if any.
    func calculation(of def: IntentDefinition) -> Calculation? {
        def.calculate.flatMap { Calculation(rawValue: $0.value) }
    }

    /// For an intent that computes without a slot, the row of its `lookup` table for a value
    /// this message or the conversation names ("gaji 2,1jt di semarang": Jawa Tengah), if any.
    func calculationRow(_ def: IntentDefinition) -> [String: String]? {
        guard def.slot == nil, let lookup = def.lookup?.value, let table = kb.tables[lookup],
              let named = slotMention(table.key) ?? remembered(table.key) else { return nil }
        return table.rows[named.value.id]
    }

    /// "di semarang" right after an answer that computed with the person's wage but had no place
    /// to compare it with: the same answer, now with the place. Nil otherwise.
    mutating func placeForLastCalculation() -> Reply? {
        guard session.wage != nil, let last = lastEligibleIntent(), kb.intents[last].calculate != nil, kb.intents[last].slot == nil,
              let table = kb.intents[last].lookup.flatMap({ kb.tables[$0.value] }),
              let named = slotMention(table.key), contentWords(analysis.tokens[...]) <= 1 else { return nil }
        rule = traced("the place for the last answer's calculation: \(named.value.text)")
        return answer(intent: last, score: settings.answerThreshold, entity: nil)
    }

    /// "eh maksudnya 2026", "kalo 2025?" right after an answer read from a table whose rows hold a
    /// year (the minimum wage of a province): the same answer again for the year named, which
    /// the answer receives as `asked_year` (it got the city minimum wage through "umk pasuruan
    /// 2026"; probe 24d u26). Nil for a message with more than the year and joining words.
    mutating func yearForLastLookup() -> Reply? {
        guard let year = askedYear, let last = lastEligibleIntent(), kb.intents[last].slot != nil,
              let table = kb.intents[last].lookup.flatMap({ kb.tables[$0.value] }), table.rows.values.first?["year"] != nil,
              analysis.tokens.allSatisfy({ $0.surface == year || $0.surface.count <= 2 || Self.fillers.contains($0.surface)
                  || Self.yearFollowUpWords.contains($0.surface) }) else { return nil }
        rule = traced("the year \(year) for the last answer's table")
        return answer(intent: last, score: settings.answerThreshold, entity: nil)
    }

    static let yearFollowUpWords: Set<String> = ["kalau", "yang", "tahun", "maksud", "maksudnya", "maksudku", "eh", "what", "about", "how", "and", "year", "for", "in", "the", "terus", "lalu", "bagaimana", "sih"]

    /// "gaji terakhir 5jt" inside a conversation, after an answer that computes nothing: a
    /// message that is hardly more than a wage gives figures, so the intent that computes with
    /// them and whose example holds the message closely, far more closely than the best
    /// reading's, answers (the JKP benefit: 0.69 near
    /// "gaji terakhir 3,5 jt, dpt jkp brp sebulan"), rather than whichever answer shares the
    /// word "gaji". Nil otherwise.
    mutating func computeWithTheseFigures() -> Reply? {
        let figures = messageFigures
        // Right after Karir asked back which of several answers was meant (or fell back with its
        // best guesses), a wage with little else is for the one choice that computes with it
        // ("kerja saya sudah tiga tahun gaji saya dua juta tiga ratus" after asking between the
        // JKP benefit and the rights after a dismissal). Not after an answer's own suggestions:
        // "gaji sy 5,2 juta btw" after the answer about a dismissal in probation adds to that case.
        let besides = wordsBesideFigures()
        let statesWage = Calculation.statedWage(in: figures, surfaces: analysis.tokens.lazy.map(\.surface)) != nil
        let offered = session.offeredChoices.compactMap { engine.knowledge.intentIndex[ChoiceCode($0).intent] }
        let suggested = session.lastIntent.flatMap { engine.knowledge.intentIndex[$0] }.map { engine.knowledge.followUpIndices[$0] } ?? []
        if !offered.isEmpty, !offered.allSatisfy(suggested.contains), besides <= Self.figuresOnlyWords, statesWage {
            let computing = offered.filter { engine.matcher.eligible($0, session) && calculated(kb.intents[$0], words: figures) != nil }
            if computing.count == 1, let i = computing.first {
                rule = traced("figures for the one offered choice that computes with them, `\(kb.intents[i].id)`")
                return answer(intent: i, score: settings.answerThreshold, entity: nil)
            }
        }
        // Right after an answer that computes nothing, a message of hardly more than a wage that
        // completes the figures of the one next step of that answer computing with two or more,
        // a step that exists only after it (`context`: "gaji pokok 3,8 juta plus tunjangan tetap
        // 400rb" after the THR answer to someone who said 8 months is the THR amount, worked
        // out; probe 32f 02/2). (Not a step that is an answer of its own: a wage after the answer
        // about a dismissal in probation adds to that case, though the PKWT compensation it
        // offers could compute with it.)
        // So does the length of service alone for such a step that computes with it ("masa kerja
        // sy baru 3 bulan" after the THR answer: the THR amount, which asks for the wage; probe
        // 32f 12/2).
        let statesMonths = !statesWage && Calculation.statedMonths(in: figures) != nil
        if besides <= Self.figuresOnlyWords, statesWage || statesMonths, let last = session.lastIntent.flatMap({ engine.knowledge.intentIndex[$0] }),
           kb.intents[last].calculate == nil {
            let next = computingNextSteps(of: last).filter { i in
                guard let calculation = calculation(of: kb.intents[i]), calculation.figuresNeeded >= 2, engine.matcher.eligible(i, session) else { return false }
                return statesMonths ? calculation.usesMonths : calculated(kb.intents[i], words: figures) != nil
            }
            if next.count == 1, let i = next.first {
                rule = traced("figures completing `\(kb.intents[i].id)`, the next step of the last answer that computes with them")
                return answer(intent: i, score: settings.answerThreshold, entity: nil)
            }
        }
        guard session.activeTopic != nil, besides <= 1, statesWage else { return nil }
        let ranking = messageRanking()
        self.ranking = ranking
        let computing = ranking.candidates.filter { c in
            c.example >= Self.figuresExampleBar && calculated(kb.intents[c.intent], words: figures) != nil
        }
        // The last answer computes with them and holds the message about as closely as any: the
        // conversation goes on ("kerja 8 bulan jd dapet brp, gaji 3,5jt" right after PKWT
        // compensation: 0.56 there, 0.56 near a JKP example; probe 23d d12).
        let last = session.lastIntent.flatMap { engine.knowledge.intentIndex[$0] }
        let nearest = computing.max(by: { $0.example < $1.example })
        if let bestExample = nearest?.example,
           let going = computing.first(where: { $0.intent == last && bestExample - $0.example < Self.figuresAsClose }) {
            rule = traced("figures for the last answer, which computes with them (nearest example \(fmt(going.example)))")
            return answer(intent: going.intent, score: max(going.score, settings.answerThreshold), entity: nil)
        }
        // The last answer asked for more figures than the nearest calculation needs, and the
        // message gives them all: they are its figures ("kontrak 12 bulan, udah jalan 6 bulan,
        // gaji 7 juta" right after the answer on ending a PKWT early, which asks for exactly
        // these; nearer an example of the PKWT compensation, which needs no contract length;
        // probe 26a u02).
        if let last, let asked = calculation(of: kb.intents[last]), engine.matcher.eligible(last, session),
           calculated(kb.intents[last], words: figures) != nil,
           let nearest, nearest.intent != last,
           let nearestCalculation = calculation(of: kb.intents[nearest.intent]), asked.figuresNeeded > nearestCalculation.figuresNeeded {
            rule = traced("figures for the last answer, which asked for all of them (`\(kb.intents[nearest.intent].id)` is nearer but needs fewer)")
            let score = ranking.candidates.first(where: { $0.intent == last })?.score ?? 0
            return answer(intent: last, score: max(score, settings.answerThreshold), entity: nil)
        }
        // Not against the conversation's own reading when that holds the message about as well
        // ("gaji aku 4,2jt sebulan" right after choosing the THR amount: 0.46 near "gajiku 3,6 jt
        // sebulan" there, 0.54 near an overtime example).
        guard let best = nearest, let top = ranking.candidates.first,
              best.intent == top.intent || best.example - top.example >= Self.figuresCloserBy else { return nil }
        // After an answer that computes nothing, only a calculation that answer leads to: one of
        // its follow-ups, or of a follow-up's topic ("gaji terakhir 4,8jt" after the dismissal
        // answer, which offers the JKP claim: the JKP benefit). Not one its figures merely
        // resemble: a retiree's last wage after the pension answer got the JKP benefit, which
        // excludes retirement; two months of wages owed got it too, and the cook's monthly
        // salary asked for his THR got overtime (probe 28c 22/3, 11/4, 10/3).
        // (A calculation whose table the message names a row of leads on by itself: "gaji 1,8jt
        // di klaten" after the normal working hours is compared with the minimum wage there.)
        if let last, kb.intents[last].calculate == nil, !leadsTo(last, best.intent), !namesARow(of: best.intent) { return nil }
        rule = traced("figures that `\(kb.intents[best.intent].id)` computes with (nearest example \(fmt(best.example)))")
        var reply = answer(intent: best.intent, score: max(best.score, settings.answerThreshold), entity: nil)
        // The figures came right after an answer of another topic that computes nothing ("gaji
        // terakhir 4,8jt" after the answer about severance, which names the figures it depends on
        // but has no formula it can stand behind): the reply says that answer's amount is not
        // computed before giving the one that is (probes 26b u30, 26c u16).
        // (Not for a message naming another topic: "how to calculate overtime pay if my salary
        // is 4 million" after a training question asks its own question.)
        if reply.kind == .answer, !ranking.anchorsOnlyAnotherTopic, let last, kb.intents[last].calculate == nil,
           kb.intents[last].topic != kb.intents[best.intent].topic {
            let lead = engine.prompt("figures_for_another_answer", language, ["asked": kb.intents[last].title[language]])
            if !lead.isEmpty { reply.text = lead + "\n" + reply.text }
        }
        return reply
    }

    /// Whether the message gives a wage and little else (at most ``figuresOnlyWords`` other
    /// content words), `top` computes with it, and the last answer computes nothing and does not
    /// lead to `top` (``leadsTo(_:_:)``), nor does the message name a row of `top`'s table.
    mutating func resemblesOnlyByFigures(_ top: Candidate) -> Bool {
        guard holdsFigures, kb.intents[top.intent].calculate != nil,
              let last = session.lastIntent.flatMap({ engine.knowledge.intentIndex[$0] }), last != top.intent,
              kb.intents[last].calculate == nil, !leadsTo(last, top.intent), !namesARow(of: top.intent),
              // (Not one naming the calculation's topic in words of its own: "how to calculate
              // overtime pay on a monthly salary of 4.5 million" after an interview question.)
              !anchorsTopic(of: top.intent),
              // (Nor one that reads the calculation clearly on its own, context aside: "sy kena
              // phk, udh kerja 8 thn, gaji 5 jt, dpt brp" after a training answer is the dismissal
              // answer's, 0.50, not the training answer again; "upah terakhir saya 9 juta sebulan"
              // after the pension answer reads the JKP benefit at 0.31.)
              top.score - top.boost < Self.clearCalculationReading,
              wordsBesideFigures() <= Self.figuresOnlyWords,
              Calculation.statedWage(in: messageFigures, surfaces: analysis.tokens.lazy.map(\.surface)) != nil else { return false }
        return calculated(kb.intents[top.intent], words: messageFigures) != nil
    }

    /// How well a message must read a calculation on its own, context aside, to ask for it
    /// whatever the conversation (``resemblesOnlyByFigures(_:)``).
    static let clearCalculationReading = 0.45

    /// Whether the answer of intent `from` leads to intent `to`: `to` is of `from`'s topic
    /// ("kalo sy baru kerja 2 bulan digaji 3 jt boleh gk" after the UMK answer is compared with
    /// the minimum wage), or one of its follow-ups, or of the topic of one (the dismissal answer
    /// offers the JKP claim: the JKP benefit).
    func leadsTo(_ from: Int, _ to: Int) -> Bool {
        let next = engine.knowledge.followUpIndices[from]
        let topic = kb.intents[to].topic
        return topic == kb.intents[from].topic || next.contains(to) || next.contains { kb.intents[$0].topic == topic }
    }

    /// Whether the message names a value that intent `i`'s lookup table has a row for (a place,
    /// for the comparison with the minimum wage).
    func namesARow(of i: Int) -> Bool {
        guard let lookup = kb.intents[i].lookup?.value, let table = kb.tables[lookup], let named = slotMention(table.key) else { return false }
        return table.rows[named.value.id] != nil
    }

    /// A message that a pattern sends to an answer without a calculation but that states the
    /// person's wage ("gaji saya 1,8 juta … di sleman, sudah sesuai umr belum"): an intent of the
    /// same topic that computes with the wage, and that reads the message without the patterns
    /// at the clarify threshold, answers instead (the comparison with the minimum wage, not the
    /// bare figure). Nil otherwise.
    /// So does one asking whether the wage the conversation gave meets it ("itu sesuai ump gak?
    /// saya di jawa tengah" after a day's pay and the days worked got the bare UMP, probe 30b
    /// 01/4): a word of comparing, and a wage remembered.
    mutating func computeInsteadOfPattern(_ top: Candidate) -> Reply? {
        guard top.pattern != nil, calculation(of: kb.intents[top.intent]) == nil else { return nil }
        let compares = session.wage != nil && analysis.tokens.contains { Self.comparingWords.contains($0.surface) }
        guard holdsFigures || compares else { return nil }
        let figures = messageFigures
        let states = Calculation.statedWage(in: figures, surfaces: analysis.tokens.lazy.map(\.surface)) != nil
        guard compares || states else { return nil }
        let reading = withoutContradictedCalculations(engine.matcher.rank(analysis, session: session, patterns: false))
        // (Asking only whether the remembered wage meets the bar: a calculation comparing it
        // with a table's row, the minimum wage.)
        guard let c = reading.candidates.first(where: { c in
            kb.intents[c.intent].topic == kb.intents[top.intent].topic && calculation(of: kb.intents[c.intent]) != nil
                && (states || kb.intents[c.intent].lookup != nil)
        }),
              // (Any reading that compares, for a question asking only that: its answer shows the
              // table's figure too, so it says all the pattern's answer would.)
              c.score >= (states ? settings.clarifyThreshold : 0), engine.matcher.eligible(c.intent, session),
              calculated(kb.intents[c.intent], words: figures) != nil else { return nil }
        rule = traced("the wage stated beside pattern \(top.pattern ?? "")'s question: `\(kb.intents[c.intent].id)` computes with it")
        return answer(intent: c.intent, score: max(c.score, settings.answerThreshold), entity: nil)
    }

    /// The message's ranking in the conversation: the one already made, else made now, without
    /// the readings its figures contradict (``withoutContradictedCalculations(_:)``).
    func messageRanking() -> Matcher.Ranking {
        withoutContradictedCalculations(ranking ?? engine.matcher.rank(analysis, session: session))
    }

    /// `ranking` without the readings whose computation the message's own figures contradict:
    /// a month's pay worked out from a day's pay (`monthly_pay`) for a message stating a month's
    /// wage and no day's pay ("gaji 3jt sebulan di bandung, kerja 8 jam sehari" is no question
    /// about daily pay, whatever words it shares with one).
    /// (On every message: without figures it returns at once, and the message's figures are
    /// read once, not for each candidate.)
    func withoutContradictedCalculations(_ ranking: Matcher.Ranking) -> Matcher.Ranking {
        guard statesOnlyAMonthsWage() else { return ranking }
        let intents = kb.intents
        func computesMonthlyPay(_ c: Candidate) -> Bool { intents[c.intent].calculate?.value == Calculation.monthlyPay.rawValue }
        guard ranking.candidates.contains(where: computesMonthlyPay) else { return ranking }
        var kept = ranking
        kept.candidates.removeAll(where: computesMonthlyPay)
        return kept
    }

    /// Whether the message's own figures contradict intent `i`'s computation: a month's pay from
    /// a day's pay for a message stating a month's wage and no day's pay.
    func contradicts(_ i: Int) -> Bool {
        calculation(of: kb.intents[i]) == .monthlyPay && statesOnlyAMonthsWage()
    }

    /// Whether the message states a month's wage and no day's pay.
    func statesOnlyAMonthsWage() -> Bool {
        guard holdsFigures else { return false }
        let figures = messageFigures
        return Calculation.payPerDay(in: figures) == nil
            && Calculation.statedWage(in: figures, surfaces: analysis.tokens.lazy.map(\.surface)) != nil
    }

    /// Words asking whether an amount meets a bar ("sesuai ump", "di bawah umr", "is that above
    /// the minimum wage"), as the analyser spells them.
    static let comparingWords: Set<String> = ["sesuai", "bawah", "atas", "kurang", "cukup", "memenuhi", "layak", "standar",
                                              "above", "below", "under", "enough", "meet", "meets", "less", "lower"]

    /// How closely an example must hold a message of figures for its intent to compute with them.
    static let figuresExampleBar = 0.5
    /// How much less closely than the best the last answer's example may hold a message of
    /// figures for the last answer to compute with them.
    static let figuresAsClose = 0.05
    /// How much more closely than the best reading's an example must hold a message of figures
    /// for its calculation to answer instead (probes: 0.24 and 0.25 for the JKP benefit after a
    /// PHK and a JHT answer; 0.08 for overtime against the THR amount just chosen).
    static let figuresCloserBy = 0.2

    /// "jadi total saya dapat berapa?" right after an answer that computes with the figures the
    /// conversation gave: the same answer, computed with them, unless the message clearly asks
    /// something else. Nil otherwise.
    mutating func amountAgain() -> Reply? {
        guard Self.words(analysis.tokens) <= Self.amountQuestionWords, Self.asksForAnAmount(analysis.tokens) else { return nil }
        let asksTotal = analysis.tokens.contains { Self.totalWords.contains($0.surface) }
        let last: Int
        // Whether the amount is of a calculation before the last answer.
        var ofAnEarlierAnswer = false
        if let lastAnswer = lastEligibleIntent(), kb.intents[lastAnswer].calculate != nil, calculated(kb.intents[lastAnswer]) != nil {
            // A total asked right after a calculation that an earlier one of its topic holds
            // with more figures ("jadi totalnya brp?" after the PKWT compensation, the damages
            // and the compensation of the contract ended early worked out before it): that one
            // (probe 32h 06/4).
            last = asksTotal ? rememberedCalculation(widerThan: lastAnswer) ?? lastAnswer : lastAnswer
            ofAnEarlierAnswer = last != lastAnswer
        } else if asksTotal, let earlier = rememberedCalculation(widerThan: nil) {
            // A total asked after another answer came between ("jadi total lembur sy brp?" after
            // a question about the AK/1 card): the conversation's last calculation again.
            last = earlier
            ofAnEarlierAnswer = true
        } else {
            return nil
        }
        let ranking = messageRanking()
        self.ranking = ranking
        // (Not a question about another matter: "pph 21 saya dipotong brp sebulan?" after the
        // minimum wage is about tax.)
        // (Nor one whose best reading is another calculation that the conversation gives no
        // figures for: "berarti sebulan dpt brp?" after the JKP benefit computed from the wage
        // is that benefit per month, not a month's pay from a day's pay nobody stated; probe
        // 31f 04/3.)
        // (A total of an earlier calculation may name its subject, "jadi total thr ku brp" after
        // a question about the AK/1 card: a reading of that calculation's topic that computes
        // nothing is no other question.)
        let topic = kb.intents[last].topic
        func ofEarlierTopic(_ c: Candidate) -> Bool { ofAnEarlierAnswer && kb.intents[c.intent].topic == topic && kb.intents[c.intent].calculate == nil }
        guard !ranking.anchorsOnlyAnotherTopic || ranking.candidates.first.map(ofEarlierTopic) == true, !ranking.outOfScopeIsNearer,
              ranking.candidates.first.map({ !isClearlyAnotherQuestion($0) || $0.intent == last || computesNothingHere($0.intent) || ofEarlierTopic($0) }) ?? true
        else { return nil }
        rule = traced("asking for the amount right after an answer that computes with the conversation's figures")
        return answer(intent: last, score: max(ranking.candidates.first?.score ?? 0, settings.answerThreshold), entity: nil)
    }

    /// "aku kerja 8 bulan gaji 3,5 jt thr ku brp": a message that asks for an amount and states
    /// a wage, read as an answer that computes nothing (the THR rules) whose next steps include
    /// exactly one calculation the figures suffice for and that exists only after it (`context`:
    /// the THR amount): that calculation answers, its rules included, rather than the rules with
    /// the figures ignored. Nil otherwise, and for a choice picked by number. (Not a next step
    /// that is an answer of its own: "my salary is 5 million and i worked on a national holiday,
    /// how do i calculate it" asks about the holiday, not for the workday overtime it offers.)
    func computingFollowUp(of i: Int) -> Int? {
        guard !pickedByNumber, kb.intents[i].calculate == nil, holdsFigures,
              Self.asksForAnAmount(analysis.tokens) || analysis.tokens.contains(where: { Self.computeWords.contains($0.surface) }),
              Calculation.statedWage(in: messageFigures, surfaces: analysis.tokens.lazy.map(\.surface)) != nil else { return nil }
        let computing = computingNextSteps(of: i).filter { calculated(kb.intents[$0]) != nil }
        return computing.count == 1 ? computing.first : nil
    }

    /// The reading that computes for the kind of contract the conversation shows, when intent
    /// `i` computes for the other kind: the best ranked one of the same topic that needs no
    /// context.
    /// - A permanent worker's severance, in a conversation about a fixed-term contract that has
    ///   not run its course (its length stated, fewer months worked or none said): the contract's
    ///   early end. "kalo sy di PHK skrg, dpt ganti rugi gk?" after "sy PKWT 12 bulan, baru jalan
    ///   5" is owed the remaining months' wages (Pasal 62), not a permanent worker's severance
    ///   (probe 33e 01/3 was given the severance of 1 month's wage).
    /// - A fixed-term contract's compensation for more months worked than such a contract may
    ///   run (``Calculation/longestContract``), no contract's length said: the severance. "sy udh kerja 6 thn,
    ///   gaji 5jt" after a question about being pushed to resign is no PKWT of 72 months (probe
    ///   33e 07/3 was given a PKWT compensation of Rp 30.000.000).
    func contractKindReading(of i: Int) -> Int? {
        guard let calculation = calculation(of: kb.intents[i]), let ranking else { return nil }
        let wanted: Calculation
        if calculation == .severance, let contract = session.contractMonths, (session.monthsWorked ?? 0) < contract {
            wanted = .pkwtEarlyEnd
        } else if calculation == .pkwtCompensation, session.contractMonths == nil, Calculation.statedContract(in: messageFigures) == nil,
                  let months = session.monthsWorked, months > Calculation.longestContract {
            wanted = .severance
        } else {
            return nil
        }
        return ranking.candidates.first { c in
            kb.intents[c.intent].topic == kb.intents[i].topic && self.calculation(of: kb.intents[c.intent]) == wanted
                && engine.knowledge.intentContexts[c.intent].isEmpty && priority(of: c.intent) == .normal
        }?.intent
    }

    /// The `follow_ups` of intent `i` that compute (`calculate:`) and exist only after it (their
    /// `context` names it): its own worked-out next step, such as the THR amount after the THR
    /// rules.
    func computingNextSteps(of i: Int) -> [Int] {
        let id = kb.intents[i].id
        return engine.knowledge.followUpIndices[i].filter { kb.intents[$0].calculate != nil && engine.knowledge.intentContexts[$0].contains(id) }
    }

    /// The most recent answer of the conversation that computed and still computes with its
    /// figures, besides the last answer: with `widerThan`, only one of that intent's topic whose
    /// calculation uses more figures.
    func rememberedCalculation(widerThan narrower: Int?) -> Int? {
        let lastID = session.lastIntent
        for id in (session.calculations ?? []).reversed() where id != lastID {
            guard let i = engine.knowledge.intentIndex[id], let calculation = calculation(of: kb.intents[i]),
                  calculated(kb.intents[i]) != nil else { continue }
            if let narrower {
                guard kb.intents[i].topic == kb.intents[narrower].topic,
                      calculation.figuresNeeded > (self.calculation(of: kb.intents[narrower])?.figuresNeeded ?? 0) else { continue }
            }
            return i
        }
        return nil
    }

    /// Words asking for a total.
    static let totalWords: Set<String> = ["total", "totalnya", "jumlah", "jumlahnya", "semuanya", "seluruhnya", "all", "altogether"]

    /// Whether intent `i` computes (`calculate:`) but the message and the conversation give none
    /// of the figures it needs.
    func computesNothingHere(_ i: Int) -> Bool {
        kb.intents[i].calculate != nil && calculated(kb.intents[i]) == nil
    }

    /// Whether the message asks for an amount: an amount word, but not "berapa" before a word of
    /// time ("cairnya berapa lama?", "berapa hari": how long, probe 26b u16).
    static func asksForAnAmount(_ tokens: [Token]) -> Bool {
        tokens.indices.contains { k in
            Self.amountWords.contains(tokens[k].surface)
                && !(tokens[k].surface == "berapa" && k + 1 < tokens.count && Self.timeWords.contains(tokens[k + 1].surface))
        }
    }

    /// Words of time that make "berapa" ask how long or how often.
    static let timeWords: Set<String> = ["lama", "hari", "minggu", "bulan", "tahun", "jam", "menit", "kali", "lamanya"]

    /// Words asking to work an amount out ("hitung thr dong, masa kerja 8 bulan, gaji 3,5 jt").
    static let computeWords: Set<String> = ["hitung", "hitungin", "itung", "itungin", "hitungkan", "calculate", "compute", "count"]

    /// Words asking for an amount.
    static let amountWords: Set<String> = ["berapa", "total", "totalnya", "jumlah", "jumlahnya", "much", "semuanya", "seluruhnya"]
    /// The most words of such a question ("jadi total saya dapat berapa").
    static let amountQuestionWords = 6
}
