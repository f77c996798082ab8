import Testing
@testable import KarirCore

/// The words a message opens with to announce a question ("permisi, saya mau tanya") are left
/// out before it is ranked (``AskingPreamble``).
@Suite struct AskingPreambleTests {
    let engine = Fixture.engine

    func strip(_ text: String) -> (kept: String, preamble: String) {
        let (kept, dropped) = Fixture.split(text) { tokens in
            let (kept, preamble) = AskingPreamble.strip(tokens)
            return (kept, preamble)
        }
        return (kept, dropped)
    }

    @Test func theWordsAnnouncingAQuestionAreLeftOut() {
        #expect(strip("permisi, saya mau tanya. cara daftar kartu kuning gimana?").preamble == "permisi saya mau tanya")
        #expect(strip("min mau nanya dong, biaya pelatihan blk berapa").kept == "biaya pelatihan blk berapa")
        #expect(strip("Good morning, I would like to ask about the training fee").preamble == "good morning i would like to ask")
        #expect(strip("tanya dong kak, syarat ikut pelatihan apa aja").kept == "syarat ikut pelatihan apa aja")
    }

    @Test func takingBackTheLastQuestionIsLeftOutAndLeavesTheConversation() {
        // The mini lexicon reads "gak" as "tidak".
        #expect(strip("gak jadi deh, mau nanya biaya pelatihan blk").kept == "biaya pelatihan blk")
        #expect(strip("gak jadi deh, mau nanya biaya pelatihan blk").preamble == "tidak jadi deh mau nanya")
        #expect(strip("never mind that, how much is blk training").kept == "how much is blk training")
        #expect(strip("batal ikut pelatihan las").preamble.isEmpty)
        // Alone, or with too little after it, it is the message.
        #expect(strip("gak jadi deh").preamble.isEmpty)
        #expect(strip("gak jadi kak makasih").preamble.isEmpty)
        // Inside a conversation, what follows is read without it.
        let first = engine.respond(to: "berapa biaya kartu kuning", in: Session())
        let next = engine.respond(to: "gak jadi deh, mau nanya biaya pelatihan blk", in: first.session, explain: true)
        #expect(next.intent == "training_cost")
        #expect(next.trace?.rule.contains("take back the last question: read without the conversation") == true)
    }

    @Test func aQuestionThatOnlyStartsLikeOneStaysWhole() {
        // The asking word is the question's own ("ask for a raise"), a noun ("pertanyaan"), or
        // comes after a word that is not a greeting or a form of address.
        #expect(strip("how to ask for a raise").preamble.isEmpty)
        #expect(strip("pertanyaan interview yang sering muncul apa").preamble.isEmpty)
        #expect(strip("tanya jawab wawancara kerja").preamble.isEmpty)
        #expect(strip("kalau mau tanya soal gaji ke siapa").preamble.isEmpty)
        // Nothing, or too little, would remain: the message is the preamble.
        #expect(strip("halo kak mau tanya").preamble.isEmpty)
        #expect(strip("mau tanya dong min").preamble.isEmpty)
    }

    @Test func twoWordsSayingWhatTheQuestionIsAboutAreEnough() {
        #expect(strip("mau tanya soal pelatihan").kept == "soal pelatihan")
        #expect(strip("i want to ask about prakerja").kept == "about prakerja")
        // Two words that do not name a subject are still too little.
        #expect(strip("mau tanya dong min").preamble.isEmpty)
    }

    @Test func anOpeningFillerIsLeftOutBeforeALongerMessage() {
        #expect(strip("oh iya bang, cara cek bansos pkh gmn ya, mamak sy blm dapet").preamble == "oh iya bang")
        #expect(strip("oke, kalau saya resign dapat jkp ga sih kak").preamble == "oke")
        // Not before a short message, not "eh" (corrections, games), not a thanks with "ok".
        #expect(strip("ok what's the phone number").preamble.isEmpty)
        #expect(strip("eh bukan jepang, maksud saya magang nasional yg dari kemnaker").preamble.isEmpty)
        #expect(strip("ok makasih ya kak").preamble.isEmpty)
        // A filler run without "oh" or "ok" is left alone.
        #expect(strip("iya kak saya mau daftar pelatihan di blk bekasi").preamble.isEmpty)
    }

    @Test func theTraceSaysWhatWasLeftOut() {
        let reply = engine.respond(to: "halo min, saya mau tanya, biaya pelatihan di blk berapa?", in: Session(), explain: true)
        #expect(reply.trace?.rule.contains("left out the words announcing the question: \"halo min saya mau tanya\"") == true)
        #expect(reply.trace?.normalized.hasPrefix("biaya") == true)
    }
}
