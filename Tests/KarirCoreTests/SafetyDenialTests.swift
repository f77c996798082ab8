import Foundation
import Testing
@testable import KarirCore

/// A message denying the danger a safety pattern matched ("aku ga mau bunuh diri kok") is read
/// without the denied words (``Turn/withoutDeniedDanger(ofPattern:)``).
@Suite struct SafetyDenialTests {
    func rest(_ text: String, _ pattern: String) -> String? {
        let turn = Turn(engine: Fixture.engine, session: Session(), text: text, forced: nil, explain: false)
        return turn.withoutDeniedDanger(ofPattern: pattern)?.normalized
    }

    @Test func aDeniedDangerIsLeftOut() {
        #expect(rest("aku tidak mau bunuh diri kok, cuma capek", "* bunuh diri *") == "aku kok cuma capek")
        #expect(rest("I do not want to hurt myself, I need a job", "* (kill|hurt) myself *") == "i do i need a job")
    }

    @Test func aDangerNotDeniedIsKept() {
        #expect(rest("aku pengen bunuh diri aja", "* bunuh diri *") == nil)
        // A negation too far before the danger word denies something else.
        #expect(rest("aku tidak punya kerja jadi rasanya pengen bunuh diri", "* bunuh diri *") == nil)
    }

    @Test func aNegationThatIsPartOfThePatternIsNoDenial() {
        #expect(rest("aku ga mau hidup lagi", "* (tidak|gak) mau hidup *") == nil)
    }
}

/// `suggests:` in a conversation test expects intents among the numbered choices.
@Suite struct ConversationTestSuggestsTests {
    @Test func aTurnFailsWhenAnExpectedSuggestionIsMissing() throws {
        let yaml = """
        tests:
          - name: offered
            turns:
              - say: syarat membuat kartu kuning
                intent: ak1_requirements
                suggests: [ak1_cost]
          - name: not offered
            turns:
              - say: syarat membuat kartu kuning
                suggests: [training_cost]
        """
        let (suite, diagnostics) = ConversationTestSuite.load(folder: try Fixture.folder(["t.yaml": yaml]))
        #expect(diagnostics.isEmpty)
        let result = suite.run(with: Fixture.engine)
        #expect(result.passed == 1)
        #expect(result.failures.map(\.test) == ["not offered"])
        #expect(result.failures.first?.problems.first?.contains("training_cost among the numbered choices") == true)
    }
}
