import ArgumentParser
import Foundation
import KarirCore

/// `karir eval`: accuracy and out-of-scope detection on a labelled TSV file.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the engine on `text<TAB>expected` questions (expected: intent, topic, or oos).",
        discussion: """
            Clarify replies count as wrong for in-scope questions and as not declined for out-of-scope ones. \
            A file with the header `before<TAB>text<TAB>expected` scores follow-ups: each line's `before` \
            is said first in a fresh session, then `text` is scored in that conversation.
            """)

    @OptionGroup var options: KnowledgeOptions

    @Argument(help: "TSV file with `text<TAB>expected` lines.")
    var file: String

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: "Also write a self-contained HTML report with a confusion heat map.")
    var html: String?

    @Option(help: "Write every outcome as TSV (text, expected, predicted, confidence, top candidate, its score), for calibration.")
    var outcomes: String?

    @Option(help: "How many confused pairs to list.")
    var confusions = 12

    func run() throws {
        let engine = try options.loadEngine()
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            printError("cannot read \(file) as UTF-8 text"); throw ExitCode(1)
        }
        let evaluation: Evaluation
        do { evaluation = try Evaluation.load(tsv: text) } catch { printError("\(file): \(error.description)"); throw ExitCode(1) }
        let showProgress = !json && isatty(STDERR_FILENO) == 1
        let report = evaluation.run(with: engine, explain: outcomes != nil) { done, total in
            guard showProgress, done % 25 == 0 || done == total else { return }
            let width = 30, filled = width * done / total
            FileHandle.standardError.write(Data("\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done)/\(total)".utf8))
            if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
        }
        if let outcomes {
            let lines = report.outcomes.map { o in
                [o.before.map { "\($0) → \(o.text)" } ?? o.text, o.expected, o.predicted, String(format: "%.3f", o.confidence), o.top ?? "", String(format: "%.3f", o.topScore ?? 0)].joined(separator: "\t")
            }
            do { try (lines.joined(separator: "\n") + "\n").write(toFile: outcomes, atomically: true, encoding: .utf8) } catch {
                printError("cannot write \(outcomes): \(error.localizedDescription)"); throw ExitCode(1)
            }
        }
        if let html {
            do { try EvalHTML.render(report, title: file).write(toFile: html, atomically: true, encoding: .utf8) } catch {
                printError("cannot write \(html): \(error.localizedDescription)"); throw ExitCode(1)
            }
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var compact = report
            compact.outcomes = []
            if let d = try? encoder.encode(compact), let s = String(data: d, encoding: .utf8) { print(s) }
            return
        }
        print(String(format: "questions: %d   accuracy: %.1f%%", report.total, report.accuracy * 100))
        print(String(format: "in-scope: %d   accuracy: %.1f%%   (asked back on %.1f%%)", report.inScopeTotal, report.inScopeAccuracy * 100, report.clarifyRate * 100))
        print(String(format: "out-of-scope: %d   recall: %.1f%%   precision: %.1f%%", report.outOfScopeTotal, report.outOfScopeRecall * 100, report.outOfScopePrecision * 100))
        print(String(format: "mean time per question: %.0f µs (debug builds are much slower than release)", report.meanMicroseconds))
        print("\nper label (support, precision, recall):")
        for l in report.labels.prefix(200) {
            print(String(format: "  %-34@ %4d  %5.1f%%  %5.1f%%", l.label as NSString, l.support, l.precision * 100, l.recall * 100))
        }
        if !report.confusions.isEmpty {
            print("\nmost confused (expected → got):")
            for c in report.confusions.prefix(confusions) {
                print("  \(c.count)× \(c.expected) → \(c.predicted): \"\(c.examples.first ?? "")\"")
            }
        }
        print("\nslowest:")
        for o in report.slowest { print(String(format: "  %6.0f µs  %@", o.microseconds, String(o.text.prefix(70)) as NSString)) }
    }
}
