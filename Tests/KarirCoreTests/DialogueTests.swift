import Foundation
import Testing
@testable import KarirCore

@Suite struct MatcherTests {
    let engine = Fixture.engine

    func ask(_ text: String, _ session: Session = Session()) -> Reply { engine.respond(to: text, in: session, explain: true) }

    @Test func patternFiresBeforeExamples() {
        let r = ask("saya mau daftar pelatihan las minggu depan")
        #expect(r.intent == "training_register")
        #expect(r.trace?.rule.contains("pattern") == true)
        #expect(r.confidence == 1)
    }

    @Test func toleratesTyposSlangAndWordOrder() {
        #expect(ask("brapa biaya kartu kunig").intent == "ak1_cost")
        #expect(ask("gmn daftar pelatihan blk").intent == "training_register")
        #expect(ask("kartu kuning syaratnya apa saja").intent == "ak1_requirements")
        #expect(ask("requirements yellow card what").intent == "ak1_requirements")
    }

    @Test func ellipticalFollowUpResolvesAgainstTheTopic() {
        let first = ask("syarat kartu kuning apa")
        #expect(first.intent == "ak1_requirements")
        #expect(ask("biayanya berapa?", first.session).intent == "ak1_cost")

        let other = ask("cara daftar pelatihan blk")
        #expect(other.intent == "training_register")
        #expect(ask("biayanya berapa?", other.session).intent == "training_cost")
    }

    /// Suggestions leave out the answer given just before: after "syarat?" then "biayanya?",
    /// the requirements are not offered again; asked on its own, the cost answer offers them.
    @Test func suggestionsLeaveOutThePreviousAnswer() {
        let first = ask("syarat kartu kuning apa")
        #expect(first.intent == "ak1_requirements")
        #expect(first.suggestions.map(\.intent) == ["ak1_cost"])
        let cost = ask("biayanya berapa?", first.session)
        #expect(cost.intent == "ak1_cost")
        #expect(!cost.suggestions.contains { $0.intent == "ak1_requirements" })
        #expect(cost.session.offeredChoices.isEmpty)
        #expect(ask("berapa biaya kartu kuning").suggestions.map(\.intent) == ["ak1_requirements"])
    }

    /// A job the writer gives as their own ("saya kasir", "I am a cashier", "mantan kasir") is
    /// not what they ask about when they name another; named alone, it is.
    @Test func theWritersOwnJobIsNotTheSubjectWhenAnotherIsNamed() {
        #expect(ask("saya kasir, jadi welder itu gimana").text == "Tukang las: Menyambung logam.")
        #expect(ask("I am a cashier, what is a welder").text == "Welder: Joins metal.")
        #expect(ask("mantan kasir nih, ceritakan pekerjaan barista").text == "Barista: Membuat kopi.")
        #expect(ask("saya kasir, ceritakan pekerjaan kasir").text == "Kasir: Menerima pembayaran.")
        // Both asked about: both answered.
        let both = ask("ceritakan pekerjaan kasir dan barista")
        #expect(both.text.contains("Kasir: ") && both.text.contains("Barista: "))
        // "mau jadi" names what the writer wants, not what they are.
        let analysis = engine.knowledge.analyzer.analyze("saya mau jadi kasir, sekarang saya barista", sessionLanguage: nil)
        #expect(OwnRole.marks(analysis.tokens) == [false, true])
    }

    @Test func asksBackWhenCandidatesAreTooClose() {
        let r = ask("biayanya berapa?")
        #expect(r.kind == .clarify)
        #expect(r.topic == "clarify")
        let intents = Set(r.candidates.map(\.intent))
        #expect(intents.isSuperset(of: ["ak1_cost", "training_cost"]))
        #expect(r.text.contains("1. "))
        // Picking a number answers that choice.
        let pick = ask("2", r.session)
        #expect(pick.kind == .answer)
        #expect(pick.intent == r.candidates[1].intent)
    }

    @Test func fallsBackHonestlyOutOfScope() {
        for q in ["resep rendang padang", "who won the football match yesterday", "asdfgh qwerty zxcv", "cuaca besok di surabaya"] {
            let r = ask(q)
            #expect(r.kind == .fallback, "\(q) → \(r.intent ?? r.topic)")
            #expect(r.topic == "fallback")
        }
        #expect(ask("resep rendang padang").text.hasPrefix("Maaf"))
        #expect(ask("who won the football match yesterday").text.hasPrefix("Sorry"))
    }

    /// "nasi" and "goreng" appear only in out-of-scope examples: they find those examples but
    /// count against every intent like unknown words.
    @Test func wordsOnlyOutOfScopeExamplesUseCountAgainstIntents() throws {
        func topKnownFactor(_ text: String) throws -> Double {
            let analysis = engine.knowledge.analyzer.analyze(text, sessionLanguage: nil)
            return try #require(engine.matcher.rank(analysis, session: Session()).candidates.first).knownFactor
        }
        #expect(try topKnownFactor("berapa biaya kartu kuning") == 1)
        #expect(try topKnownFactor("berapa biaya nasi goreng") < 0.9)
        #expect(ask("berapa biaya nasi goreng").kind == .fallback)
    }

    /// Leave-one-out must really leave the example out: its own text is no longer the nearest.
    @Test func leaveOneOutExcludesTheExample() throws {
        let kb = engine.knowledge.base
        var doc: Int32 = 0
        for (i, intent) in kb.intents.enumerated() {
            for lang in Language.allCases {
                for e in intent.examples[lang] ?? [] {
                    defer { doc += 1 }
                    let analysis = engine.knowledge.analyzer.analyze(e.value, sessionLanguage: lang)
                    let with = engine.matcher.rank(analysis, session: Session())
                    let without = engine.matcher.rank(analysis, session: Session(), excluding: doc)
                    // The same words may be taught to another intent ("biayanya berapa"): look at this one.
                    if let own = with.candidates.first(where: { $0.intent == i }), own.pattern == nil, own.example >= 0.999 {
                        let left = without.candidates.first { $0.intent == i }
                        #expect(left.map { $0.nearest != e.value || $0.example < 0.999 } ?? true, "\(e.value)")
                    }
                }
            }
        }
        #expect(doc > 10)
    }

    /// `karir check`'s leave-one-out numbers the examples as the index stores them.
    @Test func exampleNumbersMatchTheIndex() {
        let docs = engine.exampleDocuments()
        #expect(docs.count == engine.info.examples)
        for d in docs { #expect(engine.knowledge.index.exampleText[Int(d.doc)] == d.example.value) }
    }

    /// A word in a pattern is taken as written: "hajar" (unknown to the examples) must not be
    /// corrected to "wajar" (known), or "apakah ini wajar" would fire the pattern.
    @Test func patternWordsAreNotSpellCorrected() throws {
        var files = try Fixture.miniFiles()
        files["extra.yaml"] = """
        intents:
          - id: ak1_beaten
            topic: ak1_card
            title: { id: Dipukul petugas, en: Beaten by an officer }
            patterns: ["* hajar *"]
            examples:
              id: [petugas kartu kuning menghajar saya, dihajar di kantor disnaker, apakah antrean ini wajar, petugas memukul saya, saya dipukuli petugas, dianiaya di kantor, kekerasan oleh petugas, petugas kasar sekali]
              en: [an officer hit me, beaten at the office, is this queue normal, the officer punched me, violence at the office, i was assaulted there, the clerk attacked me, rough officer]
            answer: { id: Laporkan ke polisi., en: Report it to the police. }
        """
        let engine = try Engine.load(knowledge: try Fixture.folder(files), prompts: Fixture.miniPrompts)
        let reply = engine.respond(to: "apakah ini wajar", in: Session(), explain: true)
        #expect(reply.trace?.rule.contains("pattern") == false, "\(reply.trace?.rule ?? "")")
        let beaten = engine.respond(to: "dia hajar saya", in: Session(), explain: true)
        #expect(beaten.trace?.rule.contains("pattern") == true)
    }

    @Test func aReadingThatNeedsAnUnnamedValueYieldsToACompleteOne() throws {
        var files = try Fixture.miniFiles()
        // Two topics taught the same wording; one of them needs an occupation.
        let examples = """
              id: [lowongan di mana, cari lowongan di mana, info lowongan kerja di mana, lowongan kerja terbaru di mana,
                   tempat cari lowongan, lowongan ada di mana saja, mau cari lowongan, lowongan kerja dimana ya]
              en: [where are the vacancies, where to find vacancies, where can i find job openings, latest vacancies where,
                   place to look for vacancies, where are job openings, looking for vacancies, vacancies where]
        """
        // (The quiz file declares the occupation entity.)
        files["extra.yaml"] = """
        intents:
          - id: vacancies_general
            topic: training
            title: { id: Lowongan, en: Vacancies }
            examples:
        \(examples)
            answer: { id: Cek Karirhub., en: Check Karirhub. }
          - id: vacancies_for_job
            topic: wages
            title: { id: Lowongan per pekerjaan, en: Vacancies for a job }
            slot: occupation
            ask: { id: "Pekerjaan apa?", en: "Which job?" }
            examples:
        \(examples)
            answer: { id: "Lowongan {{slot}}: cek Karirhub.", en: "Vacancies for {{slot}}: check Karirhub." }
        """
        let engine = try Engine.load(knowledge: try Fixture.folder(files), prompts: Fixture.miniPrompts)
        let forJob = try #require(engine.knowledge.intentIndex["vacancies_for_job"])
        let general = try #require(engine.knowledge.intentIndex["vacancies_general"])
        func candidate(_ i: Int) -> Candidate {
            Candidate(intent: i, score: 0.3, example: 0.5, centroid: 0.4, knownFactor: 1, boost: 0, nearest: "", pattern: nil)
        }
        func turn(_ text: String, _ session: Session = Session()) -> Turn {
            Turn(engine: engine, session: session, text: text, forced: nil, explain: false)
        }
        // When two readings are as close as that, the one that would have to ask yields.
        #expect(turn("lowongan kerja di mana ya").lacksSlot(candidate(forJob)))
        #expect(!turn("lowongan kerja di mana ya").lacksSlot(candidate(general)))
        #expect(!turn("lowongan welder di mana").lacksSlot(candidate(forJob)))
        var remembered = Session()
        remembered.slots["occupation"] = "welder"
        #expect(!turn("lowongan kerja di mana ya", remembered).lacksSlot(candidate(forJob)))
    }

    @Test func aValuesOwnTopicCarriesTheConversation() throws {
        var files = try Fixture.miniFiles()
        files["portals.yaml"] = """
        entities:
          portal:
            - id: skillhub
              names: [Skillhub]
              topic: training
            - id: karirhub
              names: [Karirhub]
        intents:
          - id: portal_info
            topic: ak1_card
            title: { id: Portal resmi, en: Official portal }
            slot: portal
            ask: { id: "Portal yang mana?", en: "Which portal?" }
            examples:
              id: [apa itu portal ini, portal resmi itu apa, situs resmi apa, link portal resmi, website resmi portal, portal apa ini, fungsi portal resmi, alamat portal resmi]
              en: [what is this portal, what is the official portal, official site what, link to the portal, official website portal, which portal is this, what the portal does, portal address]
            answer: { id: "{{slot}}: portal resmi.", en: "{{slot}}: an official portal." }
        """
        let engine = try Engine.load(knowledge: try Fixture.folder(files), prompts: Fixture.miniPrompts)
        let skill = engine.respond(to: "apa itu portal skillhub", in: Session())
        #expect(skill.intent == "portal_info")
        #expect(skill.topic == "training")
        #expect(skill.session.activeTopic == "training")
        let karir = engine.respond(to: "apa itu portal karirhub", in: Session())
        #expect(karir.intent == "portal_info")
        #expect(karir.topic == "ak1_card")
    }

    @Test func safetyAlwaysWins() {
        let r = ask("saya dipecat dari pabrik dan rasanya ingin bunuh diri")
        #expect(r.intent == "safety_self_harm")
        #expect(r.topic == "safety")
    }

    @Test func confidenceIsInUnitInterval() {
        for q in ["halo", "biaya", "syarat ak1", "zzz", "berapa ump jateng", ""] {
            let c = ask(q).confidence
            #expect(c >= 0 && c <= 1)
        }
    }
}

@Suite struct SlotAndTableTests {
    let engine = Fixture.engine
    func ask(_ text: String, _ session: Session = Session()) -> Reply { engine.respond(to: text, in: session) }

    @Test func looksUpTheTableFromTheEntityInTheQuestion() {
        let r = ask("berapa ump jateng")
        #expect(r.intent == "wage_ump")
        #expect(r.text == "UMP Jawa Tengah 2026: Rp 2.000.000.")
        #expect(r.session.slots["province"] == "jawa_tengah")
        let en = ask("minimum wage in East Java")
        #expect(en.text == "The 2026 minimum wage in Jawa Timur is Rp 2.300.000.")
    }

    @Test func sameQuestionForAnotherEntity() {
        let first = ask("berapa ump jawa tengah")
        let next = ask("kalau jatim?", first.session)
        #expect(next.intent == "wage_ump")
        #expect(next.text.contains("2.300.000"))
    }

    @Test func severalValuesOfTheSlotAreEachAnswered() {
        let r = ask("berapa ump jateng dan jatim")
        #expect(r.intent == "wage_ump")
        #expect(r.text == "UMP Jawa Tengah 2026: Rp 2.000.000.\n\nUMP Jawa Timur 2026: Rp 2.300.000.")
        // The same value twice is answered once; so is a city and the province it lies in, by
        // the city's answer, which says more.
        #expect(ask("ump jateng, jawa tengah").text == "UMP Jawa Tengah 2026: Rp 2.000.000.")
        #expect(ask("ump solo dan jawa tengah").text == "Solo: UMP Jawa Tengah 2026: Rp 2.000.000.")
        #expect(ask("ump jawa tengah dan solo").text == "Solo: UMP Jawa Tengah 2026: Rp 2.000.000.")
    }

    @Test func aValueSaidNotToBeMeantIsNotAnswered() {
        #expect(ask("ump jateng, bukan jatim").text == "UMP Jawa Tengah 2026: Rp 2.000.000.")
        #expect(ask("ump jatim bukan di jateng").text == "UMP Jawa Timur 2026: Rp 2.300.000.")
        // Named alone, a value said not to be meant is all there is to answer.
        #expect(ask("ump bukan jatim").text == "UMP Jawa Timur 2026: Rp 2.300.000.")
    }

    @Test func asksForAMissingSlotAndTakesTheNextMessage() {
        let q = ask("berapa upah minimum provinsi")
        #expect(q.kind == .ask)
        #expect(q.text == "Untuk provinsi mana?")
        #expect(q.session.pendingIntent == "wage_ump")
        let a = ask("jateng", q.session)
        #expect(a.kind == .answer)
        #expect(a.text.contains("2.000.000"))
        #expect(a.session.pendingIntent == nil)
    }

    @Test func saysSoWhenTheTableHasNoRow() {
        let r = ask("ump bali berapa")
        #expect(r.intent == "wage_ump")
        #expect(r.text == "Data UMP Bali belum ada.")
    }

    @Test func aCityFillsTheProvinceSlotAndIsNamedAsThePlace() {
        let r = ask("berapa ump solo")
        #expect(r.intent == "wage_ump")
        #expect(r.text == "Solo: UMP Jawa Tengah 2026: Rp 2.000.000.")
        #expect(r.session.slots["province"] == "jawa_tengah")
        // A province named directly has no place.
        #expect(ask("berapa ump jateng").text == "UMP Jawa Tengah 2026: Rp 2.000.000.")
        // The city's own table row is missing: the province's missing answer.
        #expect(ask("ump denpasar berapa").text == "Data UMP Bali belum ada.")
    }

    @Test func aCityAnswersTheFollowUpAndTheAskedSlot() {
        let first = ask("berapa ump jawa timur")
        let next = ask("kalau surakarta?", first.session)
        #expect(next.intent == "wage_ump")
        #expect(next.text == "Solo: UMP Jawa Tengah 2026: Rp 2.000.000.")

        let q = ask("berapa upah minimum provinsi")
        #expect(q.kind == .ask)
        let a = ask("solo", q.session)
        #expect(a.kind == .answer)
        #expect(a.text == "Solo: UMP Jawa Tengah 2026: Rp 2.000.000.")
    }
}

@Suite struct EntitySwapTests {
    let engine = Fixture.engine
    func ask(_ text: String, _ session: Session = Session()) -> Reply { engine.respond(to: text, in: session, explain: true) }

    @Test func answeredMessagesRememberTheirEntities() {
        let r = ask("cara daftar pelatihan di solo")
        #expect(r.intent == "training_register")
        #expect(r.session.slots["city"] == "solo")
    }

    @Test func aRememberedCityFillsALaterSlot() {
        let first = ask("cara daftar pelatihan di solo")
        // Without the conversation the slot is asked for.
        #expect(ask("berapa upah minimum provinsi").kind == .ask)
        let wage = ask("berapa upah minimum provinsi", first.session)
        #expect(wage.intent == "wage_ump")
        #expect(wage.text == "Solo: UMP Jawa Tengah 2026: Rp 2.000.000.")
    }

    @Test func anotherValueOfANamedTypeAsksTheLastQuestionAgain() {
        let first = ask("cara daftar pelatihan di jawa tengah")
        #expect(first.intent == "training_register")
        // Alone, a province is a wage question.
        #expect(ask("jatim?").intent == "wage_ump")
        let next = ask("jatim?", first.session)
        #expect(next.intent == "training_register")
        #expect(next.trace?.rule.contains("another province") == true)
        #expect(next.session.slots["province"] == "jawa_timur")
        // The answer does not depend on the province, and says so.
        #expect(next.text.hasPrefix("Untuk Jawa Timur sama:\n"))
        #expect(!first.text.hasPrefix("Untuk"))
    }

    @Test func aPlaceAloneAsksTheLastAnswerForItButNotAQuestionWithOtherWords() {
        // The conversation named no place, and its answer takes none: a place typed alone asks
        // that answer for the place (it does not depend on it, and says so), not for the
        // place's minimum wage.
        let first = ask("cara daftar pelatihan")
        let alone = ask("jatim?", first.session)
        #expect(alone.intent == first.intent)
        #expect(alone.trace?.rule.contains("another province") == true)
        #expect(alone.text.hasPrefix("Untuk Jawa Timur sama:\n"))
        // A question with its own words about the new province is not a swap.
        let named = ask("cara daftar pelatihan di jawa tengah")
        let other = ask("berapa ump jawa timur", named.session)
        #expect(other.intent == "wage_ump")
        #expect(other.trace?.rule.contains("another province") != true)
    }

    @Test func anOutOfScopeQuestionAboutTheNewPlaceIsNotTheSameQuestion() {
        // "juara liga jawa timur" after the Central Java minimum wage names another province
        // in two content words, but an out-of-scope example is nearer than any intent's.
        let first = ask("upah minimum jawa tengah berapa")
        #expect(first.intent == "wage_ump")
        let league = ask("juara liga jawa timur", first.session)
        #expect(league.kind == .fallback)
        #expect(league.trace?.rule.contains("new province") == false)
        // "kalau jawa timur?" still asks the same question.
        let same = ask("kalau jawa timur?", first.session)
        #expect(same.intent == "wage_ump")
        #expect(same.trace?.rule.contains("same question, new province") == true)
    }
}

@Suite struct BadInputTests {
    let engine = Fixture.engine

    @Test func emptyAndWhitespaceGetHelp() {
        for q in ["", "   ", "\t\n", "???", "🙏🙏"] {
            let r = engine.respond(to: q, in: Session())
            #expect(r.kind == .fallback)
            #expect(r.text == "Tanyakan soal kerja dan pelatihan.")
        }
    }

    @Test func hugeMixedAndHostileInputIsAnswered() {
        let huge = String(repeating: "syarat kartu kuning ", count: 5_000)
        #expect(engine.respond(to: huge, in: Session()).intent == "ak1_requirements")
        let hostile = "<script>alert('x')</script> '; DROP TABLE users; -- \u{0}\u{1B}[31m 仕事 работа"
        let r = engine.respond(to: hostile, in: Session())
        #expect(r.kind == .fallback)
    }

    @Test func hugeNumbersAreAnsweredAndTheirWageNotRemembered() {
        // Read as a stated wage (a pay word and digits), a number beyond any integer once trapped.
        for q in ["gaji 999999999999999999999 juta", "upah Rp 9.999.999.999.999.999.999.999", "salary " + String(repeating: "9", count: 500) + " million"] {
            let r = engine.respond(to: q, in: Session())
            #expect(r.session.wage == nil)
        }
        #expect(engine.respond(to: "gaji sy 4,2 jt", in: Session()).session.wage == 4_200_000)
    }

    @Test func staleSessionReferencesAreIgnored() {
        var s = Session()
        s.lastIntent = "no_such_intent"
        s.pendingIntent = "gone_too"
        s.activeTopic = "nothing"
        s.offeredChoices = ["vanished"]
        let r = engine.respond(to: "1", in: s)
        #expect(r.kind == .fallback || r.kind == .clarify || r.kind == .answer)
        #expect(engine.respond(to: "syarat ak1", in: s).intent == "ak1_requirements")
        // Remembered values that the knowledge does not have (an old session, a changed file)
        // fill nothing: the slot is asked for.
        var old = Session()
        old.slots = ["province": "atlantis", "city": "gone", "no_type": "x"]
        old.lastIntent = "training_register"
        old.activeTopic = "training"
        #expect(engine.respond(to: "berapa upah minimum provinsi", in: old).kind == .ask)
        #expect(engine.respond(to: "jatim?", in: old).intent != nil)
    }
}

@Suite struct PayloadTests {
    @Test func jsonHasTheDocumentedKeys() throws {
        let engine = Fixture.engine
        let r = engine.respond(to: "biayanya berapa?", in: Session())
        let line = ReplyPayload(r, session: "abc").jsonLine()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        for key in ["text", "topic", "intent", "confidence", "lang", "suggestions", "candidates", "session", "kind"] where key != "intent" {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["topic"] as? String == "clarify")
        let answer = ReplyPayload(engine.respond(to: "berapa biaya kartu kuning", in: Session())).jsonLine()
        let a = try #require(try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any])
        #expect(a["intent"] as? String == "ak1_cost")
        #expect(a["source"] as? String == "https://kemnaker.go.id")
        #expect(a["as_of"] as? String == "2026-02")
        #expect(a["candidates"] == nil)
    }

    @Test func eventsFollowTheReply() {
        let engine = Fixture.engine
        let fallback = engine.respond(to: "resep rendang padang", in: Session())
        #expect(ChatEvent.events(question: "q", reply: fallback, session: "s").map(\.type) == [.message, .unanswered])
        let safety = engine.respond(to: "saya ingin bunuh diri", in: Session())
        #expect(ChatEvent.events(question: "q", reply: safety, session: "s").map(\.type) == [.message, .safety])
    }
}

@Suite struct TraceFormatTests {
    @Test func threeDecimalsByHand() {
        #expect(fmt(0.23) == "0.230")
        #expect(fmt(1) == "1.000")
        #expect(fmt(0) == "0.000")
        #expect(fmt(12.3456) == "12.346")
        #expect(fmt(0.0754) == "0.075")
        #expect(fmt(-0.5) == "-0.500")
        #expect(fmt(-0.0004) == "0.000")
        #expect(fmt(0.9999) == "1.000")
    }
}
