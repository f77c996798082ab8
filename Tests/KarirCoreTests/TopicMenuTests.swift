import Foundation
import Testing
@testable import KarirCore

/// A message that only names a topic ("pelatihan", "soal pelatihan dong") gets the topic's menu
/// (`menu:` in topics.yaml), and a choice is picked by its number however it is typed ("2",
/// "yang kedua", "the second one").
@Suite struct TopicMenuTests {
    static let menu = """
      - id: training
        title: { id: Pelatihan, en: Training }
        menu:
          words: [pelatihan, kursus, training]
          choices: [training_cost, training_register]
    """

    /// The mini knowledge with a menu on its training topic.
    static func files(menu: String = menu) throws -> [String: String] {
        var files = try Fixture.miniFiles()
        let plain = "  - id: training\n    title: { id: Pelatihan, en: Training }\n"
        files["base.yaml"] = files["base.yaml"]?.replacingOccurrences(of: plain, with: menu + "\n")
        return files
    }

    static let engine: Engine? = try? Engine.load(knowledge: try Fixture.folder(files()), prompts: Fixture.miniPrompts)

    @Test func aMessageThatOnlyNamesTheTopicGetsItsMenu() throws {
        #expect(try Fixture.miniFiles()["base.yaml"]?.contains("  - id: training\n    title: { id: Pelatihan, en: Training }\n") == true)
        let engine = try #require(Self.engine)
        for text in ["pelatihan", "Pelatihan?", "mau tanya soal pelatihan dong kak", "info kursus", "training please", "kursus gimana", "how about my training"] {
            let reply = engine.respond(to: text, in: Session(), explain: true)
            #expect(reply.kind == .clarify, "\(text)")
            #expect(reply.candidates.map(\.intent) == ["training_cost", "training_register"], "\(text)")
            #expect(reply.session.offeredChoices == ["training_cost", "training_register"])
            // The conversation is now about the topic, so that a follow-up in words is read in it.
            #expect(reply.session.activeTopic == "training")
            #expect(reply.trace?.rule.contains("only names topic `training`") == true)
        }
        // Without a `topic_menu` prompt, the clarify prompt lists the choices.
        let reply = engine.respond(to: "pelatihan", in: Session())
        #expect(reply.text.contains("1. Biaya pelatihan BLK"))
        #expect(reply.text.contains("2. "))
    }

    @Test func aQuestionAboutTheTopicIsAnsweredNotMenued() throws {
        let engine = try #require(Self.engine)
        let reply = engine.respond(to: "pelatihan di blk bayar tidak", in: Session())
        #expect(reply.kind == .answer)
        #expect(reply.intent == "training_cost")
        // A topic without a menu keeps answering its bare word as before.
        #expect(engine.respond(to: "umr", in: Session()).kind != .clarify)
    }

    @Test func theChoiceIsPickedHoweverItsNumberIsTyped() throws {
        let engine = try #require(Self.engine)
        let menu = engine.respond(to: "pelatihan", in: Session()).session
        for text in ["2", "yang kedua", "nomor 2", "pilihan ke-2", "dua aja", "the second one", "option 2", "no. 2"] {
            let reply = engine.respond(to: text, in: menu)
            #expect(reply.intent == "training_register", "\(text)")
            #expect(reply.kind == .answer, "\(text)")
        }
        #expect(engine.respond(to: "yang pertama", in: menu).intent == "training_cost")
        // A number that was not offered, or a number inside a question, picks nothing.
        #expect(engine.respond(to: "yang ketiga", in: menu).intent != "training_register")
    }

    @Test func choiceNumbersAreReadFromWordsAndDigits() {
        func read(_ text: String) -> Int? {
            ChoiceNumber.read(Fixture.engine.knowledge.analyzer.analyze(text, sessionLanguage: nil).tokens)
        }
        #expect(read("3") == 3)
        #expect(read("yg ketiga kak") == 3)
        #expect(read("nomer 1 aja") == 1)
        #expect(read("first one please") == 1)
        #expect(read("empat") == 4)
        #expect(read("dua tahun") == nil)
        #expect(read("berapa biayanya") == nil)
        #expect(read("") == nil)
    }

    @Test func aMessageThatOnlyNamesAJobGetsTheMenuAboutThatJob() throws {
        var files = try Self.files()
        let smalltalk = "  - id: smalltalk\n    title: { id: Obrolan, en: Small talk }\n"
        #expect(files["base.yaml"]?.contains(smalltalk) == true)
        files["base.yaml"] = files["base.yaml"]?.replacingOccurrences(of: smalltalk, with: smalltalk
            + "    menu:\n      words: [\"@occupation\"]\n      choices: [occupation_overview, training_register]\n")
        let engine = try Engine.load(knowledge: try Fixture.folder(files), prompts: Fixture.miniPrompts)
        for text in ["tukang las", "kerja tukang las dong", "welder?"] {
            let menu = engine.respond(to: text, in: Session(), explain: true)
            #expect(menu.kind == .clarify, "\(text)")
            #expect(menu.candidates.map(\.intent) == ["occupation_overview", "training_register"], "\(text)")
            #expect(menu.session.slots["occupation"] == "welder", "\(text)")
            #expect(menu.trace?.rule.contains("only names occupation `welder`") == true, "\(text)")
            // The choice picked answers about the job named.
            let picked = engine.respond(to: "1", in: menu.session)
            #expect(picked.text.hasPrefix("Tukang las: Menyambung logam."), "\(text)")
        }
        // After an answer about one job, another job's name asks the same question about it.
        let first = engine.respond(to: "ceritakan pekerjaan kasir", in: Session())
        #expect(first.intent == "occupation_overview")
        let next = engine.respond(to: "barista", in: first.session)
        #expect(next.intent == "occupation_overview")
        // Not a value's menu when the message says more than its name.
        #expect(engine.respond(to: "jadi welder itu gimana", in: Session()).kind == .answer)
        // A menu word naming no entity type is an error.
        files["base.yaml"] = files["base.yaml"]?.replacingOccurrences(of: "\"@occupation\"", with: "\"@ocupation\"")
        let (_, d) = KnowledgeLoader.load(folder: try Fixture.folder(files))
        #expect(d.contains { $0.severity == .error && $0.message.contains("names no entity type") })
    }

    @Test func aMenuNamingNoIntentIsAnErrorAtItsLine() throws {
        let broken = Self.menu.replacingOccurrences(of: "training_register]", with: "training_regster]")
        let dir = try Fixture.folder(Self.files(menu: broken))
        do {
            _ = try Engine.load(knowledge: dir, prompts: Fixture.miniPrompts)
            Issue.record("a menu choice that is no intent should fail the load")
        } catch {
            let d = try #require(error.errors.first { $0.message.contains("menu choice `training_regster`") })
            #expect(d.file.hasSuffix("base.yaml"))
            #expect(d.line > 0)
            #expect(d.hint?.contains("training_register") == true)
        }
    }

    @Test func aMenuNeedsWordsAndTwoChoices() throws {
        let one = Self.menu.replacingOccurrences(of: "[training_cost, training_register]", with: "[training_cost]")
        let (_, d1) = KnowledgeLoader.load(folder: try Fixture.folder(Self.files(menu: one)))
        #expect(d1.contains { $0.severity == .error && $0.message.contains("needs at least two choices") })
        let none = Self.menu.replacingOccurrences(of: "      words: [pelatihan, kursus, training]\n", with: "")
        let (_, d2) = KnowledgeLoader.load(folder: try Fixture.folder(Self.files(menu: none)))
        #expect(d2.contains { $0.severity == .error && $0.message.contains("has no words") })
    }
}
