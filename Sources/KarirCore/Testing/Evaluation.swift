import Foundation

/// Scores the engine on a labelled set of questions (`text<TAB>expected`), where expected is an
/// intent id, a topic id, or `oos`/`fallback` for out-of-scope. A file whose header is
/// `before<TAB>text<TAB>expected` scores follow-ups: `before` is said first in the same session
/// (its reply is not scored), then `text` is scored.
public struct Evaluation: Sendable {
    public struct Item: Sendable {
        public var text: String
        public var expected: String
        public var line: Int
        /// A message said earlier in the same conversation (follow-up sets), or nil.
        public var before: String?
    }

    public struct Outcome: Sendable, Codable {
        public var text: String
        /// The earlier message of a follow-up set, or nil.
        public var before: String?
        public var expected: String
        /// What the engine did in the same vocabulary as `expected`: an intent or topic id,
        /// `oos` for a fallback, `clarify` when it asked back.
        public var predicted: String
        public var correct: Bool
        public var confidence: Double
        public var microseconds: Double
        /// The best-scoring candidate whatever the decision, and its score (for calibration).
        public var top: String?
        public var topScore: Double?
    }

    public struct LabelScore: Sendable, Codable {
        public var label: String
        public var support: Int
        public var precision: Double
        public var recall: Double
    }

    public struct Report: Sendable, Codable {
        public var total: Int
        public var accuracy: Double
        public var inScopeTotal: Int
        public var inScopeAccuracy: Double
        public var outOfScopeTotal: Int
        /// Share of out-of-scope questions that got a fallback.
        public var outOfScopeRecall: Double
        /// Share of fallbacks that were out-of-scope questions.
        public var outOfScopePrecision: Double
        /// Share of in-scope questions answered with a clarify menu (counted as wrong above).
        public var clarifyRate: Double
        public var labels: [LabelScore]
        public var confusions: [Confusion]
        public var slowest: [Outcome]
        public var outcomes: [Outcome]
        public var meanMicroseconds: Double

        enum CodingKeys: String, CodingKey {
            case total, accuracy, labels, confusions, slowest, outcomes
            case inScopeTotal = "in_scope_total", inScopeAccuracy = "in_scope_accuracy"
            case outOfScopeTotal = "oos_total", outOfScopeRecall = "oos_recall", outOfScopePrecision = "oos_precision"
            case clarifyRate = "clarify_rate", meanMicroseconds = "mean_us"
        }
    }

    public struct Confusion: Sendable, Codable {
        public var expected: String
        public var predicted: String
        public var count: Int
        public var examples: [String]
    }

    public static let outOfScopeLabels: Set<String> = ["oos", "fallback", "out_of_scope"]

    public var items: [Item]

    /// Parses a TSV file; a first line `text<TAB>expected` is a header and skipped. A header
    /// `before<TAB>text<TAB>expected` makes every line a follow-up of three columns.
    public static func load(tsv: String) throws(EvaluationError) -> Evaluation {
        var items: [Item] = []
        var followUps = false
        for (n, raw) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count >= 2 else { throw .malformed(line: n + 1, text: String(line.prefix(80))) }
            let expected = String(parts[parts.count - 1]).trimmingCharacters(in: .whitespaces)
            if n == 0 && expected == "expected" && parts.count >= 3 && parts[0] == "before" && parts[1] == "text" {
                followUps = true
                continue
            }
            if followUps {
                guard parts.count >= 3 else { throw .malformedFollowUp(line: n + 1, text: String(line.prefix(80))) }
                items.append(Item(text: String(parts[1]), expected: expected, line: n + 1, before: String(parts[0])))
                continue
            }
            let text = String(parts[0])
            if n == 0 && text == "text" && (expected == "expected" || expected == "intent") { continue }
            items.append(Item(text: text, expected: expected, line: n + 1))
        }
        if items.isEmpty { throw .empty }
        return Evaluation(items: items)
    }

    /// Runs every question in a fresh session. `progress` is called after each one.
    public func run(with engine: Engine, explain: Bool = false, progress: ((Int, Int) -> Void)? = nil) -> Report {
        let topics = Set(engine.info.topics)
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(items.count)
        for (n, item) in items.enumerated() {
            let session = item.before.map { engine.respond(to: $0, in: Session()).session } ?? Session()
            let start = DispatchTime.now().uptimeNanoseconds
            let reply = engine.respond(to: item.text, in: session, explain: explain)
            let us = Double(DispatchTime.now().uptimeNanoseconds - start) / 1000
            let expectsOOS = Self.outOfScopeLabels.contains(item.expected)
            let byTopic = topics.contains(item.expected)
            let predicted: String
            switch reply.kind {
            case .fallback: predicted = "oos"
            case .clarify: predicted = "clarify"
            default: predicted = byTopic ? reply.topic : (reply.intent ?? reply.topic)
            }
            let expected = expectsOOS ? "oos" : item.expected
            outcomes.append(Outcome(text: item.text, before: item.before, expected: expected, predicted: predicted, correct: predicted == expected,
                                    confidence: reply.confidence, microseconds: us,
                                    top: reply.trace?.candidates.first.map { byTopic ? $0.topic : $0.intent },
                                    topScore: reply.trace?.candidates.first?.score))
            progress?(n + 1, items.count)
        }
        return Self.report(outcomes)
    }

    static func report(_ outcomes: [Outcome]) -> Report {
        let inScope = outcomes.filter { $0.expected != "oos" }
        let oos = outcomes.filter { $0.expected == "oos" }
        let fallbacks = outcomes.filter { $0.predicted == "oos" }
        func share(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        var labels: [LabelScore] = []
        for label in Set(outcomes.map(\.expected)).sorted() {
            let support = outcomes.filter { $0.expected == label }
            let predicted = outcomes.filter { $0.predicted == label }
            let tp = support.filter(\.correct).count
            labels.append(LabelScore(label: label, support: support.count, precision: share(tp, predicted.count), recall: share(tp, support.count)))
        }
        var pairs: [String: Confusion] = [:]
        for o in outcomes where !o.correct {
            let key = o.expected + "\u{0}" + o.predicted
            var c = pairs[key] ?? Confusion(expected: o.expected, predicted: o.predicted, count: 0, examples: [])
            c.count += 1
            if c.examples.count < 3 { c.examples.append(o.text) }
            pairs[key] = c
        }
        let confusions = pairs.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.expected < $1.expected }
        return Report(
            total: outcomes.count, accuracy: share(outcomes.filter(\.correct).count, outcomes.count),
            inScopeTotal: inScope.count, inScopeAccuracy: share(inScope.filter(\.correct).count, inScope.count),
            outOfScopeTotal: oos.count, outOfScopeRecall: share(oos.filter(\.correct).count, oos.count),
            outOfScopePrecision: share(fallbacks.filter { $0.expected == "oos" }.count, fallbacks.count),
            clarifyRate: share(inScope.filter { $0.predicted == "clarify" }.count, inScope.count),
            labels: labels, confusions: Array(confusions.prefix(25)),
            slowest: Array(outcomes.sorted { $0.microseconds > $1.microseconds }.prefix(5)),
            outcomes: outcomes,
            meanMicroseconds: outcomes.isEmpty ? 0 : outcomes.map(\.microseconds).reduce(0, +) / Double(outcomes.count))
    }
}

/// Problems with an evaluation file.
public enum EvaluationError: Error, CustomStringConvertible {
    case malformed(line: Int, text: String)
    /// A line of a follow-up file (header `before<TAB>text<TAB>expected`) without three columns.
    case malformedFollowUp(line: Int, text: String)
    case empty
    public var description: String {
        switch self {
        case let .malformed(line, text):
            return "line \(line) has no tab between the question and the expected label: \"\(text)\" (write `question<TAB>expected`)"
        case let .malformedFollowUp(line, text):
            return "line \(line) needs three columns, the earlier message, the follow-up and the expected label: \"\(text)\" (write `before<TAB>text<TAB>expected`)"
        case .empty:
            return "the file has no questions (write one `question<TAB>expected` per line)"
        }
    }
}
