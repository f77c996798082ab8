import ArgumentParser
import Foundation
import KarirCore

/// `karir check`: validate knowledge and prompts.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the knowledge base and prompts; match every example back to its intent.",
        discussion: "Prints `file:line:column: error|warning: message` with a hint. Exits 1 on errors (and on warnings with --strict).")

    @OptionGroup var options: KnowledgeOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .customLong("leave-one-out"), help: "Also list examples that no other example of their intent covers.")
    var leaveOneOut = false

    func run() throws {
        let engine: Engine
        do {
            engine = try Engine.load(knowledge: options.knowledgeURL, prompts: options.promptsURL)
        } catch {
            for d in error.diagnostics { print(d.description) }
            let errors = error.errors.count
            let warnings = error.diagnostics.count - errors
            print("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            throw ExitCode(1)
        }
        var warnings = engine.warnings.filter { $0.severity == .warning }
        for d in warnings { print(d.description) }
        let report = engine.verifyExamples()
        for d in report.misses { print(d.description) }
        warnings += report.misses
        if leaveOneOut { for d in report.leaveOneOutMisses { print(d.description) } }
        let loo = report.examples == 0 ? 0 : Double(report.leaveOneOutCorrect) / Double(report.examples) * 100
        print("\(engine.info.intents) intents, \(report.examples) examples, \(engine.info.topics.count) topics; "
              + "\(report.examples - report.misses.count)/\(report.examples) examples matched back to their intent; "
              + String(format: "leave-one-out %.1f%%; loaded in %.0f ms", loo, engine.info.loadMilliseconds))
        print("0 errors, \(warnings.count) warning\(warnings.count == 1 ? "" : "s")")
        if strict && !warnings.isEmpty { throw ExitCode(1) }
    }
}
