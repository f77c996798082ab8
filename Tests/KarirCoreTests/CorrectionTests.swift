import Foundation
import Testing
@testable import KarirCore

/// A message correcting what Karir took the last one to mean ("bukan X, maksudnya Y") is read
/// without the words it says it did not mean (``Correction``).
@Suite struct CorrectionTests {
    let engine = Fixture.engine

    func read(_ text: String) -> (kept: String, dropped: String) {
        Fixture.split(text) { tokens in
            let (kept, leftOut) = Correction.read(tokens)
            return (kept, leftOut.all)
        }
    }

    @Test func theNegatedPartAndTheMarkersAreLeftOut() {
        #expect(read("bukan saldo jht, maksudnya saldo pelatihan") == ("saldo pelatihan", "bukan saldo jht maksudnya"))
        #expect(read("maksud saya biaya blk, bukan kartu kuning") == ("saya biaya blk", "bukan kartu kuning maksud"))
        #expect(read("Maksud saya bukan kartu kuning, melainkan pelatihan") == ("saya pelatihan", "bukan kartu kuning maksud melainkan"))
        #expect(read("eh bukan kartu kuning, yang pelatihan blk") == ("eh yang pelatihan blk", "bukan kartu kuning"))
        #expect(read("I mean the training, not the card") == ("the training", "not the card i mean"))
        // A "yang" right after "bukan" belongs to the negated part.
        #expect(read("bukan yang hari tua, maksudnya yang pengganti gaji") == ("yang pengganti gaji", "bukan yang hari tua maksudnya"))
        // "So it is not X, then …": the negated part ends where the next question starts.
        #expect(read("oh jadi bukan bpjs kesehatan ya, terus klaimnya lewat mana") == ("oh jadi terus klaimnya lewat mana", "bukan bpjs kesehatan ya"))
        // "lalu" also means "ago": it does not end a negated part.
        #expect(read("bukan, aku udah resign 2 bulan lalu, hrd nya yg belum laporin").dropped.isEmpty)
    }

    @Test func aCommaEndsTheNegatedPart() {
        func readWithClauses(_ text: String) -> (kept: String, dropped: String) {
            let starts = Correction.clauseStarts(of: text) { engine.knowledge.analyzer.analyze($0, sessionLanguage: nil).tokens.count }
            return Fixture.split(text) { tokens in
                let (kept, leftOut) = Correction.read(tokens, clauseStarts: { starts })
                return (kept, leftOut.all)
            }
        }
        #expect(readWithClauses("bukan luar negeri, pabrik di karawang").dropped == "bukan luar negeri")
        // "forget X" after "ok" sets X aside the same way.
        #expect(readWithClauses("ok forget prakerja. where do I make the AK1?").dropped == "forget prakerja")
        // Without the comma the whole rest would be the negated part, which leaves nothing: kept whole.
        #expect(read("bukan luar negeri, pabrik di karawang").dropped.isEmpty)
        #expect(Correction.clauseStarts(of: "bukan luar negeri, pabrik di karawang") { engine.knowledge.analyzer.analyze($0, sessionLanguage: nil).tokens.count } == [3])
        #expect(Correction.clauseStarts(of: "no marks here") { _ in 5 }.isEmpty)
    }

    @Test func bukanSetAgainstTapiIsACorrection() {
        // The contrasting word opening what is meant is left out with the negated part.
        #expect(read("gajinya bukan kurang, tapi ga dibayar sama sekali") == ("gajinya ga dibayar sama sekali", "bukan kurang tapi"))
        #expect(read("bukan kontrak tapi tetap").dropped == "bukan kontrak tapi")
        // A "bukan" with no contrast after it, inside the message, stays an ordinary negation.
        #expect(read("kalau bukan lulusan sma bisa daftar blk?").dropped.isEmpty)
    }

    // (What these corrections then answer is tested on the shipped knowledge, in
    // knowledge/tests/probe26_engine.yaml: the mini knowledge here has no such intents.)

    @Test func aMessageDenyingItIsAboutWorkingAbroadLeavesThoseWordsOut() {
        #expect(read("sy di jakarta bukan di luar negeri. gaji sy 3 bulan gak dibayar").dropped == "bukan di luar negeri")
        #expect(read("I'm in Jakarta, not abroad").dropped == "not abroad")
        #expect(read("I am not abroad, I work in a shop").dropped == "not abroad")
        // Naming it without denying it keeps it.
        #expect(read("gaji saya di luar negeri tidak dibayar").dropped.isEmpty)
    }

    @Test func ordinaryNegationsStay() {
        // Not a correction: "bukan" and "not" are plain negations.
        #expect(read("kalau bukan lulusan sma bisa daftar blk?").dropped.isEmpty)
        #expect(read("is the training not free?").dropped.isEmpty)
        // In a correction too, "not" after "do", "is", "can" … negates a verb: nothing of what is
        // meant is left out ("I mean I don't want to live anymore", probe 26a u13).
        #expect(read("I mean I do not want to live anymore") == ("i do not want to live anymore", "i mean"))
        #expect(read("I mean it is not about the card, but the training").dropped == "i mean")
        // A correction that negates a long stretch, or nothing but its own words, keeps them.
        #expect(read("maksudnya bukan yang itu tadi karena saya sudah punya kartu kuning").dropped == "maksudnya")
        #expect(read("bukan itu").dropped.isEmpty)
        // Asking what the last answer meant is not a correction.
        #expect(read("maksudnya gimana?").dropped.isEmpty)
        #expect(read("maksudnya apa sih?").dropped.isEmpty)
    }

    @Test func aCorrectionOfTheConversationsTopicLeavesTheConversation() {
        let first = engine.respond(to: "berapa biaya kartu kuning", in: Session())
        #expect(first.intent == "ak1_cost")
        let corrected = engine.respond(to: "bukan kartu kuning, maksudnya biaya pelatihan blk", in: first.session, explain: true)
        #expect(corrected.intent == "training_cost")
        #expect(corrected.trace?.rule.contains("a correction: left out \"bukan kartu kuning maksudnya\", which names the conversation's topic") == true)
        #expect(corrected.session.activeTopic == "training")
        // The same words as a first message are not a correction: nothing is left out.
        let fresh = engine.respond(to: "bukan kartu kuning, maksudnya biaya pelatihan blk", in: Session(), explain: true)
        #expect(fresh.trace?.rule.contains("a correction") == false)
    }

    @Test func namingTheConversationsTopicAfterBukanOrInKokTerusRejectsIt() {
        let card = engine.respond(to: "berapa biaya kartu kuning", in: Session())
        #expect(card.intent == "ak1_cost")
        let rejected = engine.respond(to: "pelatihan blk kak bukan kartu kuning. bayar tidak?", in: card.session, explain: true)
        #expect(rejected.intent == "training_cost")
        #expect(rejected.trace?.rule.contains("left out \"bukan kartu kuning\", which names the conversation's topic") == true)
        let complaint = engine.respond(to: "kok kartu kuning terus sih. saya tanya biaya pelatihan blk", in: card.session, explain: true)
        #expect(complaint.trace?.rule.contains("left out \"kok kartu kuning terus\"") == true)
        #expect(complaint.intent == "training_cost")
        // As a first message the words stay.
        let fresh = engine.respond(to: "pelatihan blk kak bukan kartu kuning. bayar tidak?", in: Session(), explain: true)
        #expect(fresh.trace?.rule.contains("a correction") == false)
        // So do they when the other words read as no question of another topic ("the office
        // said it is a letter, not a yellow card").
        let statement = engine.respond(to: "kata petugas itu surat, bukan kartu kuning", in: card.session, explain: true)
        #expect(statement.trace?.rule.contains("a correction") == false)
    }

    @Test func aCorrectionRejectingTheLastAnswerDropsItsSuggestions() {
        let first = engine.respond(to: "berapa biaya kartu kuning", in: Session())
        #expect(first.intent == "ak1_cost")
        for text in ["bukan itu kak, maksudnya syarat pelatihan las", "bukan yang itu, maksud saya syarat pelatihan las", "not that, I mean how to sign up for the welding course"] {
            let corrected = engine.respond(to: text, in: first.session, explain: true)
            #expect(corrected.trace?.rule.contains("which rejects the last answer: read without the conversation") == true, "\(text)")
            // The rejected answer's follow-ups get no boost: every candidate is read on its own words.
            #expect(corrected.trace?.candidates.allSatisfy { !$0.detail.contains("context 0.1") && !$0.detail.contains("context 0.2") } == true, "\(text)")
            #expect(corrected.intent != "ak1_requirements", "\(text)")
        }
        // A correction naming what it did not mean in words is read as before.
        let named = engine.respond(to: "bukan kartu kuning, maksudnya biaya pelatihan blk", in: first.session, explain: true)
        #expect(named.trace?.rule.contains("which rejects the last answer") == false)
        // After a reply that answered nothing, a correction is read as one too.
        let fallback = engine.respond(to: "resep nasi goreng enak", in: Session())
        let after = engine.respond(to: "bukan resep, maksudnya biaya pelatihan blk", in: fallback.session, explain: true)
        #expect(after.trace?.rule.contains("a correction: left out") == true)
        #expect(after.intent == "training_cost")
    }
}
