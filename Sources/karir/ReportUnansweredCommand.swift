import ArgumentParser
import Foundation
import KarirServer

/// `karir report unanswered FILE`: the questions the knowledge base should cover next.
struct ReportUnansweredCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unanswered",
        abstract: "List the most frequent unanswered and clarified questions of a transcript, grouped by similarity.",
        discussion: "FILE is written by `karir serve --transcript FILE`."
    )

    @Argument(help: "Transcript file (JSON lines).")
    var file: String

    @Option(help: "How many groups to show.")
    var top = 20

    @Option(help: "How alike (0-1, character trigrams) two questions must be to share a group.")
    var similarity = 0.5

    @Flag(help: "Print the report as JSON.")
    var json = false

    func validate() throws {
        guard (0...1).contains(similarity) else { throw ValidationError("--similarity must be between 0 and 1") }
        guard top > 0 else { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let report: UnansweredReport
        do {
            report = try UnansweredReport.load(path: file, similarity: similarity)
        } catch {
            printError("karir report unanswered: \(error.description)")
            throw ExitCode(1)
        }
        if json {
            var limited = report
            limited.groups = Array(report.groups.prefix(top))
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            printLine(String(decoding: try encoder.encode(limited), as: UTF8.self))
        } else {
            FileHandle.standardOutput.write(Data(report.text(top: top, source: file).utf8))
        }
    }
}
