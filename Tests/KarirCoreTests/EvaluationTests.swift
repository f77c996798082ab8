import Testing
@testable import KarirCore

@Suite struct EvaluationTests {
    let engine = Fixture.engine

    @Test func plainLinesAreScoredInFreshSessions() throws {
        let eval = try Evaluation.load(tsv: "text\texpected\nsyarat kartu kuning apa\tak1_requirements\nresep nasi goreng enak\toos\n")
        #expect(eval.items.count == 2)
        #expect(eval.items.allSatisfy { $0.before == nil })
        let report = eval.run(with: engine)
        #expect(report.accuracy == 1)
    }

    @Test func followUpLinesAreScoredAfterTheirFirstMessage() throws {
        // Alone, "biayanya berapa?" is asked back (AK/1 or training cost); after an AK/1
        // question it is the AK/1 cost.
        let tsv = "before\ttext\texpected\nsyarat kartu kuning apa\tbiayanya berapa?\tak1_cost\ncara daftar pelatihan blk\tbiayanya berapa?\ttraining_cost\n"
        let eval = try Evaluation.load(tsv: tsv)
        #expect(eval.items.map(\.before) == ["syarat kartu kuning apa", "cara daftar pelatihan blk"])
        let report = eval.run(with: engine)
        #expect(report.outcomes.map(\.predicted) == ["ak1_cost", "training_cost"])
        let alone = try Evaluation.load(tsv: "biayanya berapa?\tak1_cost\n").run(with: engine)
        #expect(alone.outcomes.first?.predicted == "clarify")
    }

    @Test func followUpLineWithoutThreeColumnsIsLocated() {
        do {
            _ = try Evaluation.load(tsv: "before\ttext\texpected\nsyarat ak1\tak1_requirements\n")
            Issue.record("a two-column line in a follow-up file must be rejected")
        } catch {
            guard case let .malformedFollowUp(line, _) = error else { Issue.record("wrong error: \(error)"); return }
            #expect(line == 2)
            #expect(error.description.contains("three columns"))
        }
    }
}
