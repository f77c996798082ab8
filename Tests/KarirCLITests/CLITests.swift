import Foundation
import Testing

/// End-to-end tests of the `karir` command: real process, real files, real pipes.
@Suite(.serialized) struct CLITests {
    func json(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func askPrintsJSONWithTheDocumentedFields() throws {
        let r = try CLIRunner.run(["ask", "--json"] + CLIRunner.miniArgs + ["berapa ump jateng"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try json(r.stdout.split(separator: "\n")[0])
        #expect(object["intent"] as? String == "wage_ump")
        #expect(object["topic"] as? String == "wages")
        #expect(object["lang"] as? String == "id")
        #expect((object["text"] as? String)?.contains("2.000.000") == true)
        #expect(object["suggestions"] is [Any])
        #expect((object["confidence"] as? Double).map { $0 >= 0 && $0 <= 1 } == true)
    }

    @Test func standardInputOneSessionPerLineOrOneConversation() throws {
        let input = Data("syarat kartu kuning apa\nbiayanya berapa?\n".utf8)
        let fresh = try CLIRunner.run(["ask", "--json"] + CLIRunner.miniArgs, input: input)
        let freshLines = fresh.stdout.split(separator: "\n")
        #expect(freshLines.count == 2)
        #expect(try json(freshLines[1])["topic"] as? String == "clarify", "a fresh session cannot know which cost is meant")
        let convo = try CLIRunner.run(["ask", "--json", "--session", "kiosk1"] + CLIRunner.miniArgs, input: input)
        let lines = convo.stdout.split(separator: "\n")
        #expect(try json(lines[1])["intent"] as? String == "ak1_cost")
        #expect(try json(lines[1])["session"] as? String == "kiosk1")
        // clarify replies list their candidates
        let candidates = try json(freshLines[1])["candidates"] as? [[String: Any]]
        #expect(candidates?.count ?? 0 >= 2)
        #expect(candidates?.first?["intent"] != nil && candidates?.first?["confidence"] != nil)
    }

    @Test func badInputOnStandardInputIsAnsweredLineByLine() throws {
        var input = Data()
        input.append(Data("\n".utf8))                                   // empty line
        input.append(Data([0x73, 0x79, 0x61, 0x72, 0x61, 0x74, 0xff, 0xfe, 0x0a]))   // invalid UTF-8
        input.append(Data(String(repeating: "kerja ", count: 17_000).utf8 + [0x0a]))  // ~100 KB line
        input.append(Data("😀😀 <b>halo</b> '; DROP TABLE x;--\n".utf8))
        let r = try CLIRunner.run(["ask", "--json"] + CLIRunner.miniArgs, input: input)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        for l in lines { _ = try json(l) }
        #expect(try json(lines[3])["kind"] as? String == "fallback", "markup and SQL around one word is not a greeting")
        #expect(try json(lines[0])["kind"] as? String == "fallback")
    }

    @Test func explainShowsTheDecision() throws {
        let r = try CLIRunner.run(["ask", "--explain"] + CLIRunner.miniArgs + ["brapa biaya kartu kunig"])
        #expect(r.stdout.contains("normalised: berapa biaya kartu kuning"))
        #expect(r.stdout.contains("typo kunig→kuning"))
        #expect(r.stdout.contains("decision:   answer → ak1_cost"))
        #expect(r.stdout.contains("rule:"))
    }

    @Test func checkPassesOnGoodKnowledgeAndFailsWithLocationsOnBroken() throws {
        let good = try CLIRunner.run(["check"] + CLIRunner.miniArgs)
        #expect(good.status == 0, "\(good.stdout)")
        #expect(good.stdout.contains("0 errors"))
        let broken = try CLIRunner.run(["check", "--knowledge", CLIRunner.fixtures.appendingPathComponent("broken").path,
                                        "--prompts", CLIRunner.fixtures.appendingPathComponent("mini/prompts").path])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("bad_yaml.yaml:6:"))
        #expect(broken.stdout.contains("bad_schema.yaml:14:5: error: unknown key `colour`"))
        #expect(broken.stdout.contains("hint:"))
    }

    @Test func conversationTestsReportPassedAndFailed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("karir-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try """
        tests:
          - name: cost follow-up
            turns:
              - say: syarat kartu kuning apa
                intent: ak1_requirements
              - say: biayanya berapa?
                intent: ak1_cost
                contains: [gratis]
          - name: deliberately wrong expectation
            turns:
              - say: halo
                topic: wages
        """.write(to: dir.appendingPathComponent("t.yaml"), atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["test"] + CLIRunner.miniArgs + ["--tests", dir.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("2 passed, 1 failed"))
        #expect(r.stdout.contains("t.yaml:11:"))
        #expect(r.stdout.contains("expected topic wages, got smalltalk"))
    }

    @Test func evalReportsAccuracyAndOutOfScope() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("karir-eval-\(UUID().uuidString).tsv")
        try "text\texpected\nsyarat ak1 apa\tak1_card\nberapa biaya kartu kuning\tak1_cost\nresep rendang\toos\nhalo kak\tsmalltalk\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let html = file.deletingPathExtension().appendingPathExtension("html")
        let r = try CLIRunner.run(["eval"] + CLIRunner.miniArgs + [file.path, "--html", html.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("questions: 4   accuracy: 100.0%"))
        #expect(r.stdout.contains("out-of-scope: 1   recall: 100.0%"))
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("Confusion heat map"))
        let j = try CLIRunner.run(["eval", "--json"] + CLIRunner.miniArgs + [file.path])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout.utf8)) as? [String: Any])
        #expect(object["in_scope_accuracy"] as? Double == 1)
    }

    @Test func unknownFlagsAndBadLanguageGiveUsageErrors() throws {
        let r = try CLIRunner.run(["ask", "--lang", "fr", "halo"] + CLIRunner.miniArgs)
        #expect(r.status != 0)
        #expect(r.stderr.contains("--lang must be `id` or `en`"))
        let missing = try CLIRunner.run(["ask", "--knowledge", "/nonexistent/k", "--prompts", "/nonexistent/p", "halo"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no knowledge files found"))
    }
}
