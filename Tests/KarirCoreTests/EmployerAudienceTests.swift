import Foundation
import Testing
@testable import KarirCore

/// Answers written for employers (`audience: employer`) are preferred once the writer said they
/// employ people (`employer_words`): an owner asking whether registration with BPJS is required
/// wants the employer's duty, not a worker's advice to check their membership.
@Suite struct EmployerAudienceTests {
    static let intents = """
    settings:
      employer_words: [karyawan saya, saya hrd]
    intents:
      - id: bpjs_worker
        topic: wages
        title: { id: Cek BPJS, en: Check BPJS }
        examples:
          id: [apakah saya wajib ikut bpjs, bpjs saya didaftarkan tidak, saya harus punya bpjs ketenagakerjaan ya, cek kepesertaan bpjs saya, saya wajib daftar bpjs sendiri, bpjs wajib buat saya, apakah saya terdaftar bpjs, saya perlu bpjs tidak]
          en: [am i required to join bpjs, am i registered in bpjs, must i join bpjs, is bpjs mandatory for me, do i have to be in bpjs, check my bpjs membership, should i have bpjs, do i need bpjs]
        answer: { id: "Cek kepesertaanmu di aplikasi.", en: "Check your membership in the app." }
      - id: bpjs_employer
        topic: wages
        audience: employer
        title: { id: Kewajiban pemberi kerja, en: What employers must do }
        examples:
          id: [wajib daftarkan pekerja ke bpjs, pemberi kerja wajib daftar bpjs, harus daftarkan pegawai ke bpjs ketenagakerjaan, pengusaha wajib bpjs, kewajiban mendaftarkan pekerja bpjs, daftarkan tenaga kerja ke bpjs, wajib daftar bpjs untuk pekerja, bpjs untuk pegawai wajib]
          en: [must employers register workers in bpjs, employer duty to register bpjs, do we have to register staff in bpjs, registering employees with bpjs, employer bpjs obligation, must a company register workers, bpjs for employees required, register workers in bpjs]
        answer: { id: "Pemberi kerja wajib mendaftarkan pekerjanya.", en: "Employers must register their workers." }
    """

    static func engine() throws -> Engine {
        var files = try Fixture.miniFiles()
        files["employer.yaml"] = intents
        return try Engine.load(knowledge: try Fixture.folder(files), prompts: Fixture.miniPrompts)
    }

    @Test func anEmployersQuestionGetsTheEmployersAnswerOnceTheyHaveSaidSo() throws {
        let engine = try Self.engine()
        let question = "harus bpjs ketenagakerjaan gak"
        let alone = engine.respond(to: question, in: Session())
        #expect(alone.intent == "bpjs_worker")
        #expect(alone.session.employer == nil)
        // Said in an earlier message, remembered for the conversation.
        let intro = engine.respond(to: "karyawan saya 3 orang", in: Session())
        #expect(intro.session.employer == true)
        let asked = engine.respond(to: question, in: intro.session, explain: true)
        #expect(asked.intent == "bpjs_employer")
        let boosted = try #require(asked.trace?.candidates.first { $0.intent == "bpjs_employer" })
        #expect(boosted.detail.contains("context 0.100"))
        // Said in the same message, it counts from that message on.
        #expect(engine.respond(to: "saya hrd, harus bpjs ketenagakerjaan gak", in: Session()).session.employer == true)
        // A worker's own words are no such phrase.
        #expect(engine.respond(to: "saya karyawan kontrak, harus bpjs ketenagakerjaan gak", in: Session()).session.employer == nil)
    }

    @Test func anUnknownAudienceIsReportedWithWhatToWrite() throws {
        var files = try Fixture.miniFiles()
        files["employer.yaml"] = Self.intents.replacingOccurrences(of: "audience: employer", with: "audience: boss")
        let (_, diagnostics) = KnowledgeLoader.load(folder: try Fixture.folder(files))
        let wrong = try #require(diagnostics.first { $0.message.contains("unknown audience `boss`") })
        #expect(wrong.file.hasSuffix("employer.yaml"))
        #expect(wrong.line == 13)
        #expect(wrong.hint?.contains("employer") == true)
    }
}
