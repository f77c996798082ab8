import ArgumentParser
import Foundation
import KarirCore

/// `karir test`: run the conversation tests.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run conversation tests (knowledge/tests/*.yaml) and print `N passed, N failed`.")

    @OptionGroup var options: KnowledgeOptions

    @Option(help: "Folder with the conversation tests (default: <knowledge>/tests).")
    var tests: String?

    func run() throws {
        let engine = try options.loadEngine()
        let folder = URL(fileURLWithPath: tests ?? (options.knowledge + "/tests"))
        let (suite, diagnostics) = ConversationTestSuite.load(folder: folder)
        for d in diagnostics { print(d.description) }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        let result = suite.run(with: engine)
        for f in result.failures { print(f.description) }
        print("\(result.passed) passed, \(result.failures.count) failed")
        if !result.failures.isEmpty { throw ExitCode(1) }
    }
}
