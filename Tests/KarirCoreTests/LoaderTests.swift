import Foundation
import Testing
@testable import KarirCore

@Suite struct LoaderTests {
    @Test func miniFixtureLoadsWithoutErrors() throws {
        let (kb, diagnostics) = KnowledgeLoader.load(folder: Fixture.miniKnowledge)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(kb.intents.count == 9)
        #expect(kb.flows.first?.steps.count == 5)
        #expect(kb.tables["ump"]?.rows.count == 2)
        #expect(kb.lexicon["gmn"]?.value == "bagaimana")
    }

    @Test func yamlSyntaxErrorHasFileLineAndHint() throws {
        let dir = try Fixture.folder(["bad.yaml": try String(contentsOf: Fixture.broken.appendingPathComponent("bad_yaml.yaml"), encoding: .utf8)])
        let (_, diagnostics) = KnowledgeLoader.load(folder: dir)
        let error = try #require(diagnostics.first { $0.severity == .error })
        #expect(error.file.hasSuffix("bad.yaml"))
        #expect(error.line == 6)
        #expect(error.message.contains("YAML syntax"))
        #expect(error.hint != nil)
        #expect(error.description.contains("bad.yaml:6:"))
    }

    @Test func schemaErrorsAreAllReportedWithLocations() throws {
        let dir = try Fixture.folder(["k.yaml": try String(contentsOf: Fixture.broken.appendingPathComponent("bad_schema.yaml"), encoding: .utf8)])
        let (_, diagnostics) = KnowledgeLoader.load(folder: dir)
        let errors = diagnostics.filter { $0.severity == .error }
        func find(_ text: String) -> Diagnostic? { errors.first { $0.message.contains(text) } }
        let unknownKey = try #require(find("unknown key `colour`"))
        #expect(unknownKey.line == 14)
        let topic = try #require(find("unknown topic `jobz`"))
        #expect(topic.hint?.contains("did you mean `jobs`") == true)
        #expect(topic.line == 5)
        #expect(find("lacks the en text") != nil)
        #expect(try #require(find("follow-up `nowhere`")).line == 13)
        #expect(try #require(find("used twice")).line == 15)
    }

    @Test func brokenTemplateFailsTheLoad() throws {
        let dir = try Fixture.folder(["k.yaml": try String(contentsOf: Fixture.broken.appendingPathComponent("bad_schema.yaml"), encoding: .utf8)])
        #expect(throws: LoadFailure.self) { try Engine.load(knowledge: dir, prompts: Fixture.miniPrompts) }
    }

    @Test func missingFolderAndMissingPromptsAreErrors() throws {
        let empty = try Fixture.folder([:])
        do {
            _ = try Engine.load(knowledge: empty, prompts: empty)
            Issue.record("loading an empty folder should fail")
        } catch {
            #expect(error.errors.contains { $0.message.contains("no knowledge files") })
            #expect(error.errors.contains { $0.message.contains("required prompt `greeting`") })
        }
    }

    @Test func invalidUTF8FileIsReported() throws {
        let dir = try Fixture.folder([:])
        try Data([0x74, 0x6f, 0x70, 0x69, 0x63, 0x73, 0x3a, 0xff, 0xfe, 0x0a]).write(to: dir.appendingPathComponent("bad.yaml"))
        let (_, diagnostics) = KnowledgeLoader.load(folder: dir)
        #expect(diagnostics.contains { $0.message.contains("not valid UTF-8") && $0.line == 1 })
    }

    @Test func duplicateLexiconMeaningsAreErrors() throws {
        let dir = try Fixture.folder(["a.yaml": "lexicon:\n  gmn: bagaimana\n", "b.yaml": "lexicon:\n  gmn: gimana sih\n"])
        let (_, diagnostics) = KnowledgeLoader.load(folder: dir)
        #expect(diagnostics.contains { $0.message.contains("defined twice") && $0.file.hasSuffix("b.yaml") && $0.line == 2 })
    }

    @Test func wordsAreReadNormalisedAndChecked() throws {
        let dir = try Fixture.folder(["words.yaml": "words:\n  - Kamis  pantai\n  - belanja\n", "bad.yaml": "words:\n  - { a: b }\n"])
        let (kb, diagnostics) = KnowledgeLoader.load(folder: dir)
        #expect(kb.spellings == ["kamis", "pantai", "belanja"])
        let bad = diagnostics.first { $0.file.hasSuffix("bad.yaml") }
        #expect(bad?.severity == .error)
        #expect(bad?.line == 2)
    }

    @Test func topicPriorityIsReadAndChecked() throws {
        let yaml = """
        topics:
          - id: chat
            title: { id: Obrolan, en: Chat }
            priority: low
          - id: help
            title: { id: Bantuan, en: Help }
            priority: urgent

        """
        let dir = try Fixture.folder(["topics.yaml": yaml])
        let (kb, diagnostics) = KnowledgeLoader.load(folder: dir)
        #expect(kb.topics.first { $0.id == "chat" }?.priority == .low)
        let bad = diagnostics.first { $0.message.contains("priority must be `high`, `normal` or `low`") }
        #expect(bad?.line == 7)
        #expect(bad?.severity == .error)
    }

    @Test func synonymRewrittenByTheLexiconIsAWarning() throws {
        let yaml = """
        lexicon:
          tuk: untuk
          jobfair: job fair
        synonyms:
          test_site: [uji kompetensi, tuk]
          job_fair: [job fair, jobfair]

        """
        let dir = try Fixture.folder(["words.yaml": yaml])
        let (_, diagnostics) = KnowledgeLoader.load(folder: dir)
        let rewritten = diagnostics.filter { $0.message.contains("rewritten by the lexicon") }
        // "tuk" would make the set match every "untuk"; "jobfair" becomes "job fair", which
        // the set already holds: harmless.
        #expect(rewritten.count == 1)
        #expect(rewritten.first?.severity == .warning)
        #expect(rewritten.first?.line == 5)
        #expect(rewritten.first?.message.contains("`tuk` → `untuk`") == true)
    }

    @Test func entityInsideAnUnknownPlaceIsLocated() throws {
        let yaml = """
        entities:
          province:
            - id: jawa_barat
              names: [Jawa Barat]
          city:
            - id: bekasi
              names: [Bekasi]
              in: { province: jawa_brat }
            - id: bogor
              names: [Bogor]
              in: { region: java }

        """
        let dir = try Fixture.folder(["cities.yaml": yaml])
        let (_, diagnostics) = KnowledgeLoader.load(folder: dir)
        let wrongID = diagnostics.first { $0.message.contains("`jawa_brat` is not a `province` entity") }
        #expect(wrongID?.line == 8)
        #expect(wrongID?.file.hasSuffix("cities.yaml") == true)
        #expect(wrongID?.hint?.contains("jawa_barat") == true)
        let wrongType = diagnostics.first { $0.message.contains("`region`, which is not an entity type") }
        #expect(wrongType?.line == 11)
    }

    @Test func anEntitysUnknownTopicIsLocated() throws {
        let yaml = """
        topics:
          - id: training
            title: { id: Pelatihan, en: Training }
        entities:
          portal:
            - id: skillhub
              names: [Skillhub]
              topic: trainng

        """
        let dir = try Fixture.folder(["portals.yaml": yaml])
        let (_, diagnostics) = KnowledgeLoader.load(folder: dir)
        let wrong = try #require(diagnostics.first { $0.message.contains("has unknown topic `trainng`") })
        #expect(wrong.line == 8)
        #expect(wrong.hint?.contains("did you mean `training`") == true)
    }

    @Test func anUnknownCalculationIsLocated() throws {
        let yaml = """
        topics:
          - id: working_hours
            title: { id: Jam kerja, en: Working hours }
        intents:
          - id: overtime_pay
            topic: working_hours
            examples:
              id: [hitung upah lembur]
              en: [overtime pay]
            answer:
              id: "Upah per jam = 1/173 upah sebulan."
              en: "Hourly wage = 1/173 of the monthly wage."
            source: kemnaker.go.id
            as_of: 2025-05
            calculate: overtime_weekend

        """
        let dir = try Fixture.folder(["hours.yaml": yaml])
        let (_, diagnostics) = KnowledgeLoader.load(folder: dir)
        let wrong = try #require(diagnostics.first { $0.message.contains("unknown calculation `overtime_weekend`") })
        #expect(wrong.line == 15)
        #expect(wrong.hint?.contains("overtime_workday") == true)
    }

    /// An intent without a slot may look up a table when its answer shows the row of a place
    /// named (`{{#row.amount}}`); one whose answer reads no row is told what to add.
    @Test func aLookupWithoutSlotNeedsAnAnswerReadingTheRow() throws {
        func yaml(_ answer: String) -> String {
            """
            topics:
              - id: apprenticeship
                title: { id: Magang, en: Apprenticeship }
            tables:
              ump:
                key: province
                rows:
                  jawa_timur: { name: Jawa Timur, amount: "Rp 2.446.880" }
            entities:
              province:
                - id: jawa_timur
                  names: [Jawa Timur]
            intents:
              - id: allowance
                topic: apprenticeship
                title: { id: Uang saku, en: Allowance }
                lookup: ump
                examples:
                  id: [uang saku magang berapa]
                  en: [apprenticeship allowance amount]
                answer:
                  id: "Uang saku setara UMP.\(answer)"
                  en: "The allowance equals the UMP.\(answer)"

            """
        }
        let reading = try Fixture.folder(["magang.yaml": yaml("{{#row.amount}} {{row.name}}: {{row.amount}}{{/row.amount}}")])
        #expect(KnowledgeLoader.load(folder: reading).1.filter { $0.severity == .error }.isEmpty)
        let notReading = try Fixture.folder(["magang.yaml": yaml("")])
        let wrong = try #require(KnowledgeLoader.load(folder: notReading).1.first { $0.message.contains("has no slot and its answer reads no `row`") })
        #expect(wrong.line == 17)
        #expect(wrong.hint?.contains("slot: province") == true)
    }

    @Test func badPatternIsReportedAtItsLine() throws {
        var text = try String(contentsOf: Fixture.miniKnowledge.appendingPathComponent("base.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"* daftar* * pelatihan las *\"", with: "\"(daftar | pelatihan\"")
        let quiz = try String(contentsOf: Fixture.miniKnowledge.appendingPathComponent("quiz.yaml"), encoding: .utf8)
        let dir = try Fixture.folder(["base.yaml": text, "quiz.yaml": quiz])
        do {
            _ = try Engine.load(knowledge: dir, prompts: Fixture.miniPrompts)
            Issue.record("a broken pattern should fail the load")
        } catch {
            let d = try #require(error.errors.first { $0.message.contains("pattern of `training_register`") })
            // The line the broken pattern is on in the fixture.
            let line = (text.components(separatedBy: "\n").firstIndex { $0.contains("\"(daftar | pelatihan\"") } ?? -1) + 1
            #expect(line > 0)
            #expect(d.line == line)
        }
    }
}

@Suite struct SettingsTests {
    @Test func settingsAreReadAndCheckedFirst() throws {
        let dir = try Fixture.folder([
            "a.yaml": "settings:\n  languages: [en]\n  answer_threshold: 0.5\n  long_message_words: 9\n  long_message_factor: 0.6\n",
            "b.yaml": "topics:\n  - id: t\n    title: { en: T }\nintents:\n  - id: i\n    topic: t\n    title: { en: I }\n    examples:\n      en: [one, two, three, four, five, six, seven, eight]\n    answer: { en: fine }\n",
        ])
        let (kb, diagnostics) = KnowledgeLoader.load(folder: dir)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        #expect(kb.settings.languages == [.en])
        #expect(kb.settings.answerThreshold == 0.5)
        #expect(kb.settings.longMessageWords == 9)
        #expect(kb.settings.longMessageFactor == 0.6)
        #expect(kb.intents.first?.answer[.id]?.value == "fine", "a one-language base serves both languages")
    }

    @Test func badSettingsAreLocated() throws {
        let dir = try Fixture.folder(["s.yaml": "settings:\n  long_message_words: many\n  answer_threshold: 3\n  languages: [fr]\n"])
        let (_, diagnostics) = KnowledgeLoader.load(folder: dir)
        #expect(diagnostics.contains { $0.message.contains("long_message_words must be a whole number") && $0.line == 2 })
        #expect(diagnostics.contains { $0.message.contains("answer_threshold must be a number between 0 and 1") && $0.line == 3 })
        #expect(diagnostics.contains { $0.message.contains("unknown language `fr`") })
    }
}
