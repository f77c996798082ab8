import Foundation
import Yams

/// Conversation tests (`knowledge/tests/*.yaml`): each test is one session of turns with
/// expectations about the topic, the intent and the text of each reply.
public struct ConversationTestSuite: Sendable {
    public struct Turn: Sendable {
        public var say: String
        public var topic: String?
        public var intent: String?
        public var kind: String?
        public var contains: [String]
        /// Texts the reply must not hold (case-insensitive), such as a paragraph given twice
        /// or a place the user said they did not mean.
        public var lacks: [String] = []
        /// Intents the reply must offer among its numbered suggestions or choices.
        public var suggests: [String] = []
        public var lang: Language?
        public var location: Located<String>
    }
    public struct Test: Sendable {
        public var name: String
        public var lang: Language?
        public var turns: [Turn]
    }
    public struct Failure: Sendable, CustomStringConvertible {
        public var test: String
        public var turnNumber: Int
        public var location: Located<String>
        public var problems: [String]
        public var reply: String
        public var description: String {
            "\(location.file):\(location.line):\(location.column): FAIL \(test), turn \(turnNumber): \"\(location.value)\"\n"
                + problems.map { "    \($0)" }.joined(separator: "\n")
                + "\n    reply: \(reply.replacingOccurrences(of: "\n", with: " ").prefix(160))"
        }
    }
    public struct Result: Sendable {
        public var passed: Int
        public var failures: [Failure]
    }

    public var tests: [Test]

    /// Reads every YAML file of `folder` (errors carry file and line).
    public static func load(folder: URL) -> (ConversationTestSuite, [Diagnostic]) {
        let collector = DiagnosticCollector()
        var tests: [Test] = []
        for url in KnowledgeLoader.yamlFiles(in: folder, skipping: []) {
            let file = KnowledgeLoader.displayPath(url)
            guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
                collector.add(Diagnostic(.error, file: file, "cannot read the file as UTF-8 text")); continue
            }
            guard let root = KnowledgeLoader.compose(text, file: file, collector: collector) else { continue }
            let r = NodeReader(file: file, collector: collector)
            guard let top = r.mapping(root, what: "the file", allowed: ["tests"]), let list = top.first.flatMap({ r.sequence($0.value, what: "tests") }) else { continue }
            for item in list {
                guard let fields = r.mapping(item, what: "a test", allowed: ["name", "lang", "turns"]) else { continue }
                let f = Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                let name = f["name"].flatMap { r.nonEmptyString($0, what: "name") } ?? "test at line \(item.mark?.line ?? 0)"
                let lang = f["lang"].flatMap { r.string($0, what: "lang") }.flatMap { Language(code: $0) }
                var turns: [Turn] = []
                if let t = f["turns"], let ts = r.sequence(t, what: "turns of \(name)") {
                    for tn in ts {
                        guard let tf = r.mapping(tn, what: "a turn", allowed: ["say", "topic", "intent", "kind", "contains", "lacks", "suggests", "lang"]) else { continue }
                        let d = Dictionary(tf.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                        guard let sayNode = d["say"], case .scalar(let s) = sayNode else {
                            r.error(tn, "a turn needs `say:`", hint: "write what the user types after `say:`"); continue
                        }
                        turns.append(Turn(say: s.string, topic: d["topic"].flatMap { r.string($0, what: "topic") },
                                          intent: d["intent"].flatMap { r.string($0, what: "intent") },
                                          kind: d["kind"].flatMap { r.string($0, what: "kind") },
                                          contains: d["contains"].map { r.strings($0, what: "contains").map(\.value) } ?? [],
                                          lacks: d["lacks"].map { r.strings($0, what: "lacks").map(\.value) } ?? [],
                                          suggests: d["suggests"].map { r.strings($0, what: "suggests").map(\.value) } ?? [],
                                          lang: d["lang"].flatMap { r.string($0, what: "lang") }.flatMap { Language(code: $0) },
                                          location: r.located(s.string, sayNode)))
                    }
                }
                tests.append(Test(name: name, lang: lang, turns: turns))
            }
        }
        return (ConversationTestSuite(tests: tests), collector.diagnostics)
    }

    /// Runs every test in its own session; a turn passes when all its expectations hold.
    public func run(with engine: Engine) -> Result {
        var passed = 0
        var failures: [Failure] = []
        for test in tests {
            var session = Session(language: test.lang)
            for (n, turn) in test.turns.enumerated() {
                let reply = engine.respond(to: turn.say, in: session, language: turn.lang)
                session = reply.session
                var problems: [String] = []
                if let t = turn.topic, t != reply.topic { problems.append("expected topic \(t), got \(reply.topic)") }
                if let i = turn.intent, i != (reply.intent ?? reply.topic) {
                    problems.append("expected intent \(i), got \(reply.intent ?? reply.topic) (\(reply.kind.rawValue), confidence \(fmt(reply.confidence)))")
                }
                if let k = turn.kind, k != reply.kind.rawValue { problems.append("expected kind \(k), got \(reply.kind.rawValue)") }
                for c in turn.contains where !reply.text.localizedCaseInsensitiveContains(c) {
                    problems.append("expected the reply to contain \"\(c)\"")
                }
                for c in turn.lacks where reply.text.localizedCaseInsensitiveContains(c) {
                    problems.append("expected the reply not to contain \"\(c)\"")
                }
                let offered = (reply.suggestions + reply.candidates).map(\.intent)
                for i in turn.suggests where !offered.contains(i) {
                    problems.append("expected \(i) among the numbered choices, got [\(offered.joined(separator: ", "))]")
                }
                if problems.isEmpty { passed += 1 } else {
                    failures.append(Failure(test: test.name, turnNumber: n + 1, location: turn.location, problems: problems, reply: reply.text))
                }
            }
        }
        return Result(passed: passed, failures: failures)
    }
}
