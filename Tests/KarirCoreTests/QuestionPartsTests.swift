import Foundation
import Testing
@testable import KarirCore

/// A message asking several questions gets an answer to each (``QuestionParts``,
/// ``Turn/answerOtherQuestions(_:)``).
@Suite struct QuestionPartsTests {
    let engine = Fixture.engine

    func parts(_ text: String) -> [String] {
        QuestionParts.split(text).map { String($0).trimmedWhitespace() }
    }

    func isQuestion(_ part: String, in message: String) -> Bool {
        let tokens = engine.knowledge.analyzer.analyze(part, sessionLanguage: nil).tokens
        return QuestionParts.isQuestion(part[...], tokens: tokens, marked: QuestionParts.marked(message))
    }

    @Test func aMessageIsCutAtSentenceEndsLineBreaksAndNumberedPoints() {
        #expect(parts("berapa umr bekasi? terus cara bikin kartu kuning gimana?") == ["berapa umr bekasi?", "terus cara bikin kartu kuning gimana?"])
        #expect(parts("saya mau tanya 2 hal: 1. syarat magang nasional 2) uang sakunya berapa")
            == ["saya mau tanya 2 hal:", "syarat magang nasional", "uang sakunya berapa"])
        #expect(parts("Saya lulusan SMK. Bisa daftar?\nBiayanya berapa") == ["Saya lulusan SMK.", "Bisa daftar?", "Biayanya berapa"])
        // Not at a full stop inside a number or an address, nor at a mark with nothing after it.
        #expect(parts("UMP Rp 2.317.601 di www.kemnaker.go.id ya?") == ["UMP Rp 2.317.601 di www.kemnaker.go.id ya?"])
        #expect(parts("syarat ak1??") == ["syarat ak1??"])
        #expect(parts("") == [])
        // Without question marks, only line breaks and numbered points cut.
        #expect(QuestionParts.split("Saya lulusan SMK. biayanya berapa", atSentenceEnds: false).count == 1)
        #expect(QuestionParts.split("1. syarat ak1. 2. biayanya berapa", atSentenceEnds: false).map { String($0).trimmedWhitespace() }
            == ["syarat ak1.", "biayanya berapa"])
        #expect(parts("?? ... !!") == [])
    }

    @Test func numberedPointsWithoutMarksCutAfterAColonOrAtTheStart() {
        #expect(parts("bro mau tanya 3 hal: 1 cara dapet sertifikat bnsp 2 brp lama berlaku 3 biayanya brp")
            == ["bro mau tanya 3 hal:", "cara dapet sertifikat bnsp", "brp lama berlaku", "biayanya brp"])
        #expect(parts("1 syarat ak1 2 biayanya berapa") == ["syarat ak1", "biayanya berapa"])
        #expect(QuestionParts.mayAskSeveral("tanya: 1 syarat ak1 2 biayanya berapa"))
        // Numbers in a story are no points: no colon or start before the 1, or not in order.
        #expect(parts("kerja 1 tahun 2 bulan gaji brp") == ["kerja 1 tahun 2 bulan gaji brp"])
        #expect(parts("catatan: 2 tahun 1 bulan kerja") == ["catatan: 2 tahun 1 bulan kerja"])
        #expect(!QuestionParts.mayAskSeveral("kerja 1 tahun 2 bulan gaji brp"))
        // Spoken numbers after the words announcing the questions, as voice typing gives them.
        #expect(parts("ok saya mau tanya tiga hal satu cara daftar siapkerja dua lupa password siapkerja tiga cara lamar kerja di karirhub")
            == ["ok saya mau tanya tiga hal", "cara daftar siapkerja", "lupa password siapkerja", "cara lamar kerja di karirhub"])
        #expect(QuestionParts.mayAskSeveral("mau tanya dua hal satu syarat ak1 dua biayanya berapa"))
        #expect(parts("kerja satu tahun dua bulan gaji belum dibayar") == ["kerja satu tahun dua bulan gaji belum dibayar"])
    }

    @Test func theByteGatesNeverMissWhatTheFullReadingFinds() {
        // Without a "2" in any spelling there is no second point.
        #expect(!QuestionParts.mayHoldSecondPoint("mau tanya 1 hal: cara daftar siapkerja"))
        #expect(QuestionParts.mayHoldSecondPoint("tiga hal satu cara daftar DUA lupa password"))
        #expect(QuestionParts.mayHoldSecondPoint("Two questions: one …"))
        #expect(QuestionParts.mayHoldSecondPoint("1 cara 2 biaya"))
        #expect(QuestionParts.barePoints("mau tanya 3 hal: 1 cara dapet sertifikat 2 brp lama berlaku 3 biayanya brp").count == 3)
        #expect(QuestionParts.barePoints("saya mau tanya tiga hal satu cara daftar siapkerja dua lupa password").count == 2)
        #expect(QuestionParts.barePoints("kerja 1 tahun 2 bulan").isEmpty)
        // The plain byte search.
        #expect(QuestionParts.containsBytes("mau tanya dua hal ya", Array(" hal ".utf8)))
        #expect(!QuestionParts.containsBytes("mau tanya dua halnya", Array(" hal ".utf8)))
        #expect(QuestionParts.containsBytes("ada ada apa", Array("ada apa".utf8)))
        #expect(!QuestionParts.containsBytes("", Array("x".utf8)))
    }

    @Test func aJoiningWordBeforeAQuestionWordStartsAnotherQuestion() {
        func pieces(_ text: String) -> [String] { QuestionParts.atJoinedQuestions(text[...]).map { String($0).trimmedWhitespace() } }
        #expect(pieces("What is JHT and when can I claim it?") == ["What is JHT", "when can I claim it?"])
        #expect(pieces("LTSA itu apa dan dmn") == ["LTSA itu apa", "dmn"])
        #expect(pieces("syarat dan biaya bikin ak1 apa aja") == ["syarat dan biaya bikin ak1 apa aja"])
        #expect(pieces("dan berapa biayanya") == ["dan berapa biayanya"])
        #expect(QuestionParts.joinsQuestions("What is JHT AND when can I claim it?"))
        #expect(QuestionParts.joinsQuestions("LTSA itu apa dan dmn"))
        #expect(!QuestionParts.joinsQuestions("syarat dan biaya bikin ak1 apa aja"))
        #expect(!QuestionParts.joinsQuestions("bandung"))
    }

    @Test func aJoiningWordBetweenTwoSidesThatAskCutsWhenTheQuestionWordComesLast() {
        func pieces(_ text: String) -> [String] { QuestionParts.atJoinedQuestions(text[...]).map { String($0).trimmedWhitespace() } }
        #expect(pieces("brp umr jakarta 2026 dan lembur dibayar brp") == ["brp umr jakarta 2026", "lembur dibayar brp"])
        #expect(pieces("umr bekasi brp terus cara bikin kartu kuning gmn") == ["umr bekasi brp", "cara bikin kartu kuning gmn"])
        #expect(pieces("cara bikin ak1 sama daftar prakerja gmn") == ["cara bikin ak1", "daftar prakerja gmn"])
        // "sama" meaning "to": the side before it does not open with its question.
        #expect(pieces("kalau ditanya kelemahan kamu apa sama hrd jawabnya gimana") == ["kalau ditanya kelemahan kamu apa sama hrd jawabnya gimana"])
        // One side of one word, or a second side that does not close with a question word.
        #expect(pieces("syarat dan biaya ak1 berapa") == ["syarat dan biaya ak1 berapa"])
        #expect(pieces("brp umr jakarta dan bekasi") == ["brp umr jakarta dan bekasi"])
        #expect(QuestionParts.joinsQuestions("brp umr jakarta 2026 dan lembur dibayar brp"))
        #expect(QuestionParts.joinsQuestions("cara bikin ak1 sama daftar prakerja gmn"))
        #expect(!QuestionParts.joinsQuestions("brp umr jakarta dan bekasi"))
        #expect(!QuestionParts.joinsQuestions("gaji dan tunjangan"))
    }

    @Test func aChainOfThreeQuestionsOrMoreIsCutAtEveryJoiningWord() {
        func pieces(_ text: String) -> [String] { QuestionParts.atJoinedQuestions(text[...]).map { String($0).trimmedWhitespace() } }
        #expect(pieces("kartu kuning itu apa sih trus bayar gak trus berlaku brp lama trus bisa online gak")
            == ["kartu kuning itu apa sih", "bayar gak", "berlaku brp lama", "bisa online gak"])
        #expect(pieces("apa itu jht dan kapan bisa cair dan caranya gimana") == ["apa itu jht", "kapan bisa cair", "caranya gimana"])
        // A side that does not ask, or of one word, keeps the message whole.
        #expect(pieces("gaji dan lembur dan cuti") == ["gaji dan lembur dan cuti"])
        // The byte gate lets a message closing with a yes-no tag through to the full reading.
        #expect(QuestionParts.joinsQuestions("kartu kuning itu apa sih trus bayar gak trus berlaku brp lama trus bisa online gak"))
    }

    @Test func aCommaAndAJoiningWordBetweenTwoStretchesWithQuestionWordsCut() {
        func pieces(_ text: String) -> [String] { QuestionParts.atJoinedQuestions(text[...]).map { String($0).trimmedWhitespace() } }
        #expect(pieces("brp gaji minimum jakarta 2026, terus JHT bisa dicairin kapan, sama kartu kuning berlaku brp lama?")
            == ["brp gaji minimum jakarta 2026", "JHT bisa dicairin kapan", "kartu kuning berlaku brp lama?"])
        #expect(QuestionParts.joinsQuestions("brp gaji minimum jakarta 2026, terus JHT bisa dicairin kapan"))
        // Only when both stretches hold a question word.
        #expect(pieces("brp umr jakarta, sama bekasi juga") == ["brp umr jakarta, sama bekasi juga"])
        #expect(pieces("gaji saya telat, terus bos bilang kapan2 aja") == ["gaji saya telat, terus bos bilang kapan2 aja"])
        #expect(!QuestionParts.joinsQuestions("brp umr jakarta, sama bekasi juga"))
    }

    @Test func everyPointOfANumberedListIsAQuestion() {
        // The first point closes with no question word ("lama"), yet it is one of the list's questions.
        let list = "mau tanya 2 hal: 1. kartu kuning berlaku brp lama 2. biaya pelatihan blk"
        let pieces = QuestionParts.pieces(of: list).pieces
        #expect(pieces.map { String($0.text).trimmedWhitespace() } == ["mau tanya 2 hal:", "kartu kuning berlaku brp lama", "biaya pelatihan blk"])
        #expect(pieces.map(\.listed) == [false, true, true])
        #expect(QuestionParts.markedListStart(list) != nil)
        // Numbers that do not count up from 1 make no list.
        #expect(QuestionParts.markedListStart("gaji saya 5. kerja 2. tahun") == nil)
        #expect(QuestionParts.markedListStart("1. syarat ak1") == nil)
    }

    @Test func questionsAreMarkedOrAsked() {
        let marked = "Saya lulusan SMK. Bisa daftar pelatihan?"
        #expect(!isQuestion("Saya lulusan SMK.", in: marked))
        #expect(isQuestion("Bisa daftar pelatihan?", in: marked))
        // Without question marks, a part opening or closing with a question word asks.
        let unmarked = "1. syarat kartu kuning 2. biayanya berapa"
        #expect(isQuestion("syarat kartu kuning", in: unmarked))
        #expect(isQuestion("biayanya berapa", in: unmarked))
        // "apa-apa" is "anything", and a question reported in the middle is not asked.
        #expect(!isQuestion("gak punya sertifikat apa2", in: "x"))
        #expect(!isQuestion("tiap wawancara ditanya kenapa masih nyari kerja di umur segini", in: "x"))
    }

    @Test func twoQuestionsGetTwoAnswersInTheirOrder() throws {
        let cost = engine.respond(to: "berapa biaya kartu kuning?", in: Session())
        let register = engine.respond(to: "cara daftar pelatihan gimana?", in: Session())
        #expect(cost.intent == "ak1_cost")
        #expect(register.intent == "training_register")
        // Read whole, the message is the question about training; the other one is answered too,
        // first, as it was asked first.
        let both = engine.respond(to: "berapa biaya kartu kuning? cara daftar pelatihan gimana?", in: Session(), explain: true)
        #expect(both.kind == .answer)
        #expect(both.intent == "training_register")
        #expect(both.alsoAnswered == ["ak1_cost"])
        let first = try #require(both.text.range(of: cost.text))
        let second = try #require(both.text.range(of: register.text))
        #expect(first.upperBound <= second.lowerBound)
        #expect(both.trace?.rule.contains("also answered: \"berapa biaya kartu kuning?\" → ak1_cost") == true)
        // The conversation continues from the whole message's answer.
        #expect(both.session.lastIntent == "training_register")
        // The JSON lists the other answer.
        #expect(ReplyPayload(both).jsonLine().contains("\"also_answered\":[\"ak1_cost\"]"))
        #expect(!ReplyPayload(cost).jsonLine().contains("also_answered"))
    }

    @Test func theLastQuestionMayLeaveOffItsQuestionMark() {
        // One question mark, then a last sentence closing with a yes-no tag or holding a question
        // word at an end: two questions.
        #expect(QuestionParts.mayAskSeveral("pelatihan las di bpvp brp lama ya? dpt uang saku ga"))
        #expect(QuestionParts.pieces(of: "pelatihan las di bpvp brp lama ya? dpt uang saku ga").pieces.map(\.endsAsking) == [true, true])
        #expect(QuestionParts.asksByItsWords("btw cv nya perlu pake foto ga"))
        #expect(QuestionParts.asksByItsWords("what do they actually do all day"))
        // A joining word it opens with is passed over ("and should …", "terus gimana …").
        #expect(QuestionParts.asksByItsWords("and should i bring printed cv"))
        #expect(QuestionParts.asksByItsWords("terus gimana cara daftarnya"))
        #expect(QuestionParts.asksByItsWords("terus disalurin kerja ga"))
        // Not a short one, nor one pointing back at the first question: it is answered with it.
        #expect(!QuestionParts.asksByItsWords("how many days"))
        #expect(!QuestionParts.asksByItsWords("kalo kurang dari itu gmn"))
        #expect(!QuestionParts.asksByItsWords("where do I pick it up"))
        // Nor a statement after the question.
        #expect(!QuestionParts.asksByItsWords("saya lulusan smk tahun lalu"))
        #expect(QuestionParts.pieces(of: "bisa daftar ak1 online? saya lulusan smk tahun lalu").pieces.isEmpty)
        // A single question mark at the end: one question, as before.
        #expect(!QuestionParts.mayAskSeveral("syarat bikin kartu kuning apa aja ga?"))
    }

    @Test func aQuestionLeaningOnTheFirstIsReadInItsConversation() {
        // "biayanya berapa?" alone is ambiguous; after the question about registering for
        // training it is the training's cost.
        let reply = engine.respond(to: "cara daftar pelatihan gimana? biayanya berapa?", in: Session())
        #expect(reply.intent == "training_register")
        #expect(reply.alsoAnswered == ["training_cost"])
        // The conversation continues from the last answer given, one turn later.
        #expect(reply.session.lastIntent == "training_cost")
        #expect(reply.session.turn == 1)
    }

    @Test func oneQuestionToldInSeveralSentencesGetsOneAnswer() {
        // Context, then the question: only the question is asked.
        let reply = engine.respond(to: "Saya mau ikut pelatihan. Berapa biaya pelatihan?", in: Session())
        #expect(reply.intent == "training_cost")
        #expect(reply.alsoAnswered.isEmpty)
        // Context joined to the question by "dan" is not a question of its own.
        let joined = engine.respond(to: "saya mau ikut pelatihan dan berapa biaya pelatihan?", in: Session())
        #expect(joined.alsoAnswered.isEmpty)
        // The same question twice is answered once.
        let twice = engine.respond(to: "berapa biaya pelatihan? biaya pelatihan berapa?", in: Session())
        #expect(twice.alsoAnswered.isEmpty)
    }

    @Test func aLongQuestionIsQuotedUpToAWholeWord() {
        let long = "kalau kerja remote posisi customer service dari rumah itu ada gak di karirhub soalnya aku gak bisa ninggalin anak"
        let quoted = Turn.quoted(long)
        #expect(quoted.hasSuffix("…"))
        #expect(quoted.count <= Turn.quotedQuestionLength + 1)
        #expect(long.hasPrefix(String(quoted.dropLast())))
        #expect(long.dropFirst(quoted.count - 1).first == " ")
        #expect(Turn.quoted("berapa UMR Bekasi?") == "berapa UMR Bekasi?")
    }
}
