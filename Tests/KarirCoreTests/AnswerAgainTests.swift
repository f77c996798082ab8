import Testing
@testable import KarirCore

/// The same answer given again right after itself says so and puts the lines bearing on the
/// new message first (``AnswerAgain``, ``Turn/answerGivenAgain(_:before:)``).
@Suite struct AnswerAgainTests {
    let engine = Fixture.engine

    func tokens(_ text: String) -> [Token] { engine.knowledge.analyzer.analyze(text, sessionLanguage: nil).tokens }

    let answer = [
        "Dokumen yang umumnya diminta untuk kartu AK/1 (bisa berbeda tiap Disnaker):",
        "- fotokopi KTP;",
        "Pemohon: sedang tidak bekerja dan minimal 18 tahun (satu sumber menyebut 17).",
        "Belum genap 18 tahun? Tanyakan dulu ke Disnaker atau tunggu sampai 18.",
        "Gratis, termasuk perpanjangan.",
    ]

    @Test func theLinesSharingTheMessagesWordsAreFound() {
        let lines = AnswerAgain.lines(about: tokens("umur aku 17, bulan depan baru 18"), in: answer, analyze: tokens)
        #expect(lines == [answer[2], answer[3]])
        // Asking and denying words ("bisa … ga") tell no line apart, nor does the "lama" of "berapa lama".
        #expect(AnswerAgain.lines(about: tokens("bisa bikin ga"), in: answer, analyze: tokens).isEmpty)
        #expect(AnswerAgain.lines(about: tokens("berapa lama"), in: ["Nama lama masih dipakai.", "Daftar di Disnaker."], analyze: tokens).isEmpty)
        // A word most lines hold tells none apart.
        #expect(AnswerAgain.lines(about: tokens("disnaker"), in: ["Ke Disnaker.", "Disnaker kota.", "Gratis."], analyze: tokens).isEmpty)
    }

    @Test func eachLineCountsTheMessagesWordsItShares() {
        let lines = [
            "Magang untuk lulusan D1–D4 atau S1.",
            "Baru punya SKL? SKL tidak diterima; tunggu ijazah resmi keluar.",
            "Daftar di situs resmi dengan ijazah.",
            "Uang saku dibayar pemerintah.",
        ]
        let scored = AnswerAgain.scoredLines(about: tokens("ijazah belum keluar, cuma ada skl"), in: lines, analyze: tokens)
        // "ijazah", "keluar" and "skl" in the second line; "ijazah" in the third.
        #expect(scored.map(\.line) == [lines[1], lines[2]])
        #expect(scored.map(\.shared) == [3, 1])
        // Enough to stand for the answer without its rest; one shared word is not.
        #expect(scored[0].shared >= AnswerAgain.sharedWordsToLeaveTheRest)
        #expect(scored[1].shared < AnswerAgain.sharedWordsToLeaveTheRest)
    }

    @Test func aListStaysWithItsHeadingWhenPartsAreMoved() {
        let text = "Upah lembur:\n- Jam pertama: 1,5 × upah per jam.\n- Jam kedua: 2 ×.\nContoh: gaji 4 jt.\n1. Minta slip.\n2) Adukan ke Disnaker."
        #expect(AnswerAgain.parts(of: text) == [
            "Upah lembur:\n- Jam pertama: 1,5 × upah per jam.\n- Jam kedua: 2 ×.",
            "Contoh: gaji 4 jt.",
            // A numbered item after a line that is no heading starts a part; the next item joins it.
            "1. Minta slip.\n2) Adukan ke Disnaker.",
        ])
        #expect(AnswerAgain.isListItem("12. Dua belas"))
        #expect(!AnswerAgain.isListItem("2026 adalah tahunnya"))
        #expect(!AnswerAgain.isListItem("Rp 2.000.000"))
    }

    @Test func theThirdShowingOfAnAnswerToAMessageAskingNothingIsCut() {
        let first = engine.respond(to: "berapa biaya kartu kuning", in: Session())
        let second = engine.respond(to: "harga kartu ak1", in: first.session)
        #expect(second.repeated)
        #expect(second.session.timesRepeated == 1)
        // A statement adding nothing Karir can use: the answer is not sent a third time in full.
        let third = engine.respond(to: "biaya kartu ak1 saya", in: second.session)
        #expect(third.intent == "ak1_cost")
        #expect(third.repeated)
        #expect(third.session.timesRepeated == 2)
        #expect(third.text.count < second.text.count)
        // A question gets it in full, said to be the same.
        let asked = engine.respond(to: "harga kartu ak1 berapa?", in: second.session)
        #expect(asked.intent == "ak1_cost")
        #expect(asked.text.contains(first.text.split(separator: "\n").last.map(String.init) ?? "?"))
        // Another answer in between starts the count again.
        let other = engine.respond(to: "berapa biaya pelatihan di blk", in: second.session)
        #expect(other.session.timesRepeated == nil)
    }

    @Test func theDigestIsTheSameOnEveryRunAndTellsTextsApart() {
        #expect(AnswerAgain.digest("Kartu AK/1 gratis.") == AnswerAgain.digest("Kartu AK/1 gratis."))
        #expect(AnswerAgain.digest("Kartu AK/1 gratis.") != AnswerAgain.digest("Kartu AK/1 gratis!"))
        // FNV-1a of the empty text is its offset basis: no per-process seed.
        #expect(AnswerAgain.digest("") == 0xcbf2_9ce4_8422_2325)
    }

    @Test func anAnswerGivenAgainRightAfterItselfIsMarkedAndSaysSo() {
        let first = engine.respond(to: "berapa biaya kartu kuning", in: Session())
        #expect(first.intent == "ak1_cost")
        #expect(!first.repeated)
        #expect(first.session.lastAnswerDigest == AnswerAgain.digest(first.text))
        let again = engine.respond(to: "harga kartu ak1", in: first.session)
        #expect(again.intent == "ak1_cost")
        #expect(again.repeated)
        #expect(again.text != first.text)
        #expect(again.text.hasSuffix(first.text))
        // Another answer in between: no longer "again".
        let other = engine.respond(to: "berapa biaya pelatihan di blk", in: first.session)
        let later = engine.respond(to: "harga kartu ak1", in: other.session)
        #expect(later.intent == "ak1_cost")
        #expect(!later.repeated)
        #expect(later.text == first.text)
    }
}
