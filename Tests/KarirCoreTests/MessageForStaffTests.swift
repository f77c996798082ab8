import Foundation
import Testing
@testable import KarirCore

/// An answer that asks for a message for staff (`collects_message: true`) takes the next message
/// Karir cannot answer as that message (``Turn/takeMessage(for:after:)``).
@Suite struct MessageForStaffTests {
    static let handoff = """
    topics:
      - id: handoff
        title: { id: Petugas, en: Staff }
    intents:
      - id: ask_staff
        topic: handoff
        title: { id: Bicara dengan petugas, en: Talk to staff }
        collects_message: true
        patterns: ["* petugas *", "* staff *"]
        examples:
          id: [minta petugas, mau bicara dengan petugas, sambungkan ke petugas, hubungi petugas]
          en: [talk to staff, i want a staff member, connect me to staff, contact staff]
        answer:
          id: Tulis nama, kota, dan hal yang ingin dibahas; saya teruskan ke petugas.
          en: Write your name, city and what it is about; I will pass it on.
    """

    func engine(_ extra: String = Self.handoff) throws -> Engine {
        var files = try Fixture.miniFiles()
        files["handoff.yaml"] = extra
        return try Engine.load(knowledge: try Fixture.folder(files), prompts: Fixture.miniPrompts)
    }

    @Test func theNextMessageIsTakenForStaffAndReportedAsAHandoff() throws {
        let engine = try engine()
        let asked = engine.respond(to: "minta petugas", in: Session())
        #expect(asked.intent == "ask_staff")
        #expect(asked.session.collectingFor == "ask_staff")
        let message = "Budi dari Solo, soal pesangon yang belum dibayar"
        let taken = engine.respond(to: message, in: asked.session, explain: true)
        #expect(taken.kind == .answer)
        #expect(taken.intent == "ask_staff")
        #expect(taken.topic == "handoff")
        #expect(taken.text.contains(message))
        #expect(taken.trace?.rule.contains("taken as the message for staff that `ask_staff` asked for") == true)
        #expect(taken.session.collectingFor == nil)
        #expect(taken.passedToStaff)
        // The host reports it as a handoff, with the message as its question.
        let events = ChatEvent.events(question: message, reply: taken, session: "s1")
        #expect(events.contains { $0.type == .handoff && $0.question == message })
        // One message only: the next one is read as usual.
        let after = engine.respond(to: "Budi dari Solo, soal pesangon yang belum dibayar", in: taken.session)
        #expect(after.intent != "ask_staff")
    }

    @Test func aMessageThatOnlySaysWhereThePersonIsAsksForTheRest() throws {
        let engine = try engine()
        var prompts = try String(contentsOf: Fixture.miniPrompts.appendingPathComponent("prompts.yaml"), encoding: .utf8)
        prompts += "\n  message_more:\n    id: \"Tulis juga nama dan hal yang ingin dibahas.\"\n    en: \"Please also write your name and what it is about.\"\n"
        var files = try Fixture.miniFiles()
        files["handoff.yaml"] = Self.handoff
        let asking = try Engine.load(knowledge: try Fixture.folder(files), prompts: try Fixture.folder(["prompts.yaml": prompts]))
        for e in [asking, engine] {
            let asked = e.respond(to: "minta petugas", in: Session())
            let place = e.respond(to: "saya di solo", in: asked.session)
            // Passed on either way: nothing the person wrote is lost.
            #expect(place.passedToStaff)
            #expect(place.intent == "ask_staff")
            if e === asking {
                #expect(place.text.hasSuffix("Tulis juga nama dan hal yang ingin dibahas."))
                // The next message is taken for staff too.
                #expect(place.session.collectingFor == "ask_staff")
                let rest = e.respond(to: "Budi, soal pesangon yang belum dibayar", in: place.session)
                #expect(rest.passedToStaff)
                #expect(rest.text.contains("Budi, soal pesangon"))
            } else {
                // Without the prompt, one message only, as before.
                #expect(place.session.collectingFor == nil)
            }
        }
    }

    @Test func aQuestionKarirAnswersIsAnsweredAndPassedOn() throws {
        let engine = try engine()
        let asked = engine.respond(to: "minta petugas", in: Session())
        let question = engine.respond(to: "berapa biaya kartu kuning", in: asked.session)
        #expect(question.intent == "ak1_cost")
        #expect(question.session.collectingFor == nil)
        #expect(question.passedToStaff)
        #expect(question.text.contains("Kartu AK/1 gratis."))
        #expect(question.text.contains("juga sudah diteruskan ke petugas"))
        let events = ChatEvent.events(question: "berapa biaya kartu kuning", reply: question, session: "s1")
        #expect(events.map(\.type) == [.message, .handoff])
        // Without a request for staff before it, the same question is only answered.
        let alone = engine.respond(to: "berapa biaya kartu kuning", in: Session())
        #expect(!alone.passedToStaff)
        #expect(ChatEvent.events(question: "berapa biaya kartu kuning", reply: alone, session: "s1").map(\.type) == [.message])
        // Another matter (nearer an out-of-scope example) is declined as usual.
        let other = engine.respond(to: "resep nasi goreng enak", in: asked.session)
        #expect(other.kind == .fallback)
    }

    @Test func aBadValueIsReportedWithItsLine() throws {
        var files = try Fixture.miniFiles()
        files["handoff.yaml"] = Self.handoff.replacingOccurrences(of: "collects_message: true", with: "collects_message: maybe")
        let (_, diagnostics) = KnowledgeLoader.load(folder: try Fixture.folder(files))
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.message.contains("collects_message of intent ask_staff must be true or false"), "\(error.message)")
        #expect(error.line == 8)
        #expect(error.hint?.contains("true") == true)
    }

    @Test func aPhoneNumberOrEmailIsTakenEvenWhenTheMessageReadsLikeAQuestion() throws {
        let engine = try engine()
        let asked = engine.respond(to: "minta petugas", in: Session())
        // Read alone, this asks about the yellow card's cost; with a number in it, it is the
        // details staff asked for.
        let taken = engine.respond(to: "berapa biaya kartu kuning, hubungi saya di 0812-3456-7890", in: asked.session)
        #expect(taken.intent == "ask_staff")
        #expect(taken.passedToStaff)
        #expect(taken.text.contains("0812-3456-7890"))
    }

    @Test func contactDetailsAreFoundInTheirUsualShapes() {
        for text in ["nomor saya 08123456789", "wa +62 812 3456 7890", "hp (0812) 3456-789", "email budi.s@mail.co.id ya",
                     "Budi, Bekasi, budi@example.com", "nama saya Dedi, 0812 3345 xxxx, teman di sihanoukville", "hp 0812-xxxx-xxxx"] {
            #expect(ContactDetails.present(in: text), "\(text)")
        }
        for text in ["gaji 4.500.000 per bulan", "umr 2026 berapa", "kerja 3 tahun 2 bulan", "budi@ saja", "@kemnaker di instagram",
                     "nama@domain", "tanggal 12-05-2025", "nomor xxxx xxxx xxxx", "kode 12 xxxxxxxx", "gaji Rp 4.500.xxx"] {
            #expect(!ContactDetails.present(in: text), "\(text)")
        }
    }

    /// A sentence declining a staff member is told apart from one asking for one.
    @Test func aSentenceDecliningStaffIsNoRequestForStaff() {
        #expect(Turn.refusesStaff(["aku", "ga", "minta", "petugas"]))
        #expect(Turn.refusesStaff(["i", "dont", "need", "a", "human"]))
        #expect(Turn.refusesStaff(["tidak", "perlu", "admin"]))
        #expect(!Turn.refusesStaff(["aku", "minta", "petugas"]))
        #expect(!Turn.refusesStaff(["petugas", "ga", "bales", "bales"]))
        #expect(!Turn.refusesStaff(["kenapa", "petugas", "tidak", "mau", "bantu"]))
    }
}
