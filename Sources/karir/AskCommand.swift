import ArgumentParser
import Foundation
import KarirCore

/// `karir ask`: answer questions from the command line or standard input.
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Answer a question, or every line of standard input.",
        discussion: """
        Without a question, reads questions from standard input, one per line, each in a fresh \
        session, or all in one conversation with --session.
        """)

    @OptionGroup var options: KnowledgeOptions

    @Argument(help: "The question. Omit it to read questions from standard input.")
    var question: [String] = []

    @Flag(help: "Print one JSON object per answer.")
    var json = false

    @Flag(help: "Print the decision trace: normalised text, stems, language, candidates, rule.")
    var explain = false

    @Option(help: "Keep all questions of this run (the arguments or standard input) in one conversation with this name, so that follow-ups work. Nothing is kept between runs: pipe a whole conversation into one run.")
    var session: String?

    @Option(help: "Answer in this language (id or en) instead of detecting it.")
    var lang: String?

    func validate() throws {
        if let lang, Language(code: lang) == nil { throw ValidationError("--lang must be `id` or `en`, not `\(lang)`") }
    }

    func run() throws {
        let engine = try options.loadEngine()
        let forced = lang.flatMap(Language.init(code:))
        var conversation = Session()
        func handle(_ text: String) {
            // Without --session the conversation stays a fresh Session: every line stands alone.
            let reply = engine.respond(to: text, in: conversation, language: forced, explain: explain)
            if session != nil { conversation = reply.session }
            if json {
                print(ReplyPayload(reply, session: session).jsonLine())
            } else {
                print(engine.displayText(reply))
            }
            if explain, let t = reply.trace { print(TraceFormatter.format(t, reply: reply)) }
            if !json && (question.isEmpty) { print("") }
        }
        if !question.isEmpty {
            handle(question.joined(separator: " "))
            return
        }
        while let line = readLine(strippingNewline: true) {
            handle(line)
        }
    }
}

/// Renders a decision trace for people.
enum TraceFormatter {
    static func format(_ t: Trace, reply: Reply) -> String {
        var lines = ["--- explain",
                     "normalised: \(t.normalized)",
                     "language:   \(t.language.rawValue) (score id−en \(t.languageScores["id_minus_en"] ?? 0))"]
        if !t.stems.isEmpty { lines.append("words:      \(t.stems.joined(separator: ", "))") }
        if !t.entities.isEmpty { lines.append("entities:   \(t.entities.joined(separator: ", "))") }
        lines.append("decision:   \(reply.kind.rawValue) → \(reply.intent ?? reply.topic) (confidence \(String(format: "%.3f", reply.confidence)))")
        lines.append("rule:       \(t.rule)")
        for (n, c) in t.candidates.enumerated() {
            lines.append("  \(n + 1). \(c.intent) [\(c.topic)] \(String(format: "%.3f", c.score)): \(c.detail)")
        }
        return lines.joined(separator: "\n")
    }
}
