import Testing
@testable import KarirCore

@Suite struct FlowTests {
    let engine = Fixture.engine

    /// Plays a conversation and returns every reply.
    func play(_ lines: [String]) -> [Reply] {
        var session = Session()
        var replies: [Reply] = []
        for line in lines {
            let r = engine.respond(to: line, in: session)
            session = r.session
            replies.append(r)
        }
        return replies
    }

    @Test func interestInventoryEndToEnd() throws {
        let r = play(["bingung mau kerja apa", "2", "3", "1", "ya", "2"])
        #expect(r[0].kind == .flow)
        #expect(r[0].text.contains("(1/5) Pendidikan terakhir?"))
        #expect(r[1].text.contains("(2/5)"))
        let result = try #require(r.last)
        #expect(result.kind == .answer)
        #expect(result.session.flow == nil)
        // S and C strongest: barista (SAE) and cashier (CE) come before welder (RC);
        // the person wants to stay in Indonesia, so the cashier row marked abroad is left out.
        #expect(result.text.contains("1. Barista"))
        #expect(!result.text.contains("Kasir"))
        // A number now opens the recommended occupation.
        let pick = engine.respond(to: "1", in: result.session)
        #expect(pick.intent == "occupation_overview")
        #expect(pick.text == "Barista: Membuat kopi.")
    }

    @Test func aChoiceIsTakenFromHowItsLabelBeginsOrFromYesAndNo() {
        let step = FlowStep(id: "abroad", question: Localized(id: "Mau kerja di luar negeri?", en: "Work abroad?"),
                            choices: [("yes", Localized(id: "Ya, mau", en: "Yes")),
                                      ("no", Localized(id: "Tidak, di dalam negeri saja", en: "No, only in Indonesia")),
                                      ("unsure", Localized(id: "Belum tahu", en: "Not sure yet"))],
                            scores: nil, role: "abroad")
        for (answer, value) in [("ya", "yes"), ("iya", "yes"), ("mau dong", "yes"), ("yes", "yes"), ("tidak", "no"),
                                ("enggak", "no"), ("no", "no"), ("belum", "unsure"), ("belum tahu", "unsure"),
                                ("not sure yet", "unsure"), ("2", "no")] {
            #expect(FlowRunner.parse(TextNormalizer.words(answer), step: step) == value, "\(answer)")
        }
        #expect(FlowRunner.parse(["pisang"], step: step) == nil)
    }

    @Test func educationFiltersOccupations() {
        let r = play(["bingung mau kerja apa", "1", "3", "1", "1", "1"])
        #expect(r.last?.text.contains("Barista") == false, "barista needs SMA")
    }

    @Test func stopBackChangeAndRestart() {
        var r = play(["what job suits me", "2", "yes", "back"])
        #expect(r.last?.text.contains("(2/5)") == true)
        r = play(["what job suits me", "2", "yes", "no", "change 1"])
        #expect(r.last?.text.contains("(1/5)") == true)
        r = play(["what job suits me", "2", "yes", "no", "change 1", "1"])
        #expect(r.last?.text.contains("(4/5)") == true, "after changing answer 1 the flow returns to where it was")
        r = play(["what job suits me", "2", "restart"])
        #expect(r.last?.text.contains("(1/5)") == true)
        r = play(["bingung mau kerja apa", "stop"])
        #expect(r.last?.session.flow == nil)
        #expect(r.last?.kind == .answer)
    }

    @Test func anImpatientMessageLeavesTheFlow() {
        // "skip" or "kelamaan" alone stops it, like "stop".
        for word in ["skip", "kelamaan"] {
            let r = play(["bingung mau kerja apa", "2", word])
            #expect(r.last?.session.flow == nil, "\(word)")
            #expect(r.last?.kind == .answer, "\(word)")
        }
        // A longer impatient request leaves and is answered as a question: it holds "tidak",
        // which would otherwise be the answer "no".
        let r = play(["bingung mau kerja apa", "2", "yes", "kelamaan, langsung aja berapa biaya pelatihan di blk tidak usah tes"])
        #expect(r.last?.session.flow == nil)
        #expect(r.last?.intent == "training_cost")
        #expect(FlowRunner.impatient(["just", "tell", "me", "the", "jobs"]))
        #expect(!FlowRunner.impatient(["tidak", "suka"]))
    }

    @Test func nonsenseIsAskedAgainAndARealQuestionLeaves() {
        var r = play(["bingung mau kerja apa", "blablabla"])
        #expect(r.last?.kind == .flow)
        #expect(r.last?.text.contains("(1/5)") == true)
        r = play(["bingung mau kerja apa", "berapa biaya kartu kuning di disnaker"])
        #expect(r.last?.intent == "ak1_cost")
        #expect(r.last?.session.flow == nil)
    }

    @Test func aQuestionTagOrMarkIsNoAnswer() {
        #expect(FlowRunner.asksBack(["kamu", "bisa", "bikinin", "pantun", "tidak"], text: "kamu bisa bikinin pantun gak"))
        #expect(FlowRunner.asksBack(["harga", "emas", "naik"], text: "harga emas naik?"))
        // A scale word before the tag makes it an answer; so does a short one.
        #expect(!FlowRunner.asksBack(["tidak", "terlalu", "suka"], text: "gak terlalu suka"))
        #expect(!FlowRunner.asksBack(["suka", "banget", "tidak"], text: "suka banget gak"))
        #expect(!FlowRunner.asksBack(["tidak", "suka"], text: "ga suka"))
    }
}
