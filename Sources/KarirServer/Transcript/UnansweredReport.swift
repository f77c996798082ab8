import Foundation
import KarirCore

/// The most frequent unanswered (fallback, or an answer repeated for a follow-up the knowledge had
/// nothing more specific for) and clarified questions of a transcript, grouped by
/// similarity, so staff know what to add to the knowledge base (`karir report unanswered`).
public struct UnansweredReport: Codable, Sendable, Equatable {
    /// Questions that read alike, counted together.
    public struct Group: Codable, Sendable, Equatable {
        /// The most frequent wording in the group.
        public var question: String
        /// How often a question of the group was asked.
        public var count: Int
        public var fallback: Int
        public var clarify: Int
        /// The conversations' topics the questions came in (``TranscriptRecord/conversationTopic``),
        /// with counts; questions asked outside a conversation are not counted here.
        public var conversationTopics: [String: Int] = [:]
        /// Distinct wordings with their counts, most frequent first.
        public var variants: [Variant]
    }

    /// One wording of a question and how often it was asked.
    public struct Variant: Codable, Sendable, Equatable {
        public var question: String
        public var count: Int
    }

    /// Records read.
    public var records: Int
    /// Lines that were not transcript records (skipped).
    public var skipped: Int
    public var unanswered: Int
    public var clarified: Int
    /// Questions at least this similar (0…1) were grouped.
    public var similarity: Double
    /// Most frequent first.
    public var groups: [Group]

    /// The transcript could not be read.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "cannot read transcript \(path): \(reason)" }
    }

    /// Reads a transcript file (JSON lines of ``TranscriptRecord``) and builds the report.
    public static func load(path: String, similarity: Double = 0.5) throws(ReadError) -> UnansweredReport {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ReadError(path: path, reason: error.localizedDescription)
        }
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        return build(lines: lines.map { Data($0) }, similarity: similarity)
    }

    /// Builds the report from transcript lines.
    public static func build(lines: [Data], similarity: Double = 0.5) -> UnansweredReport {
        let decoder = JSONDecoder()
        var report = UnansweredReport(records: 0, skipped: 0, unanswered: 0, clarified: 0, similarity: similarity, groups: [])
        // Exact duplicates (after normalization) first: normalized text → counts and wordings.
        var exact: [String: Tally] = [:]
        for line in lines {
            guard let record = try? decoder.decode(TranscriptRecord.self, from: line) else {
                report.skipped += 1
                continue
            }
            report.records += 1
            guard record.unanswered || record.kind == .clarify else { continue }
            if record.unanswered { report.unanswered += 1 } else { report.clarified += 1 }
            let key = QuestionSimilarity.normalize(record.question)
            guard !key.isEmpty else { continue }
            var entry = exact[key] ?? Tally()
            if record.unanswered { entry.fallback += 1 } else { entry.clarify += 1 }
            entry.wordings[record.question.trimmingWhitespace(), default: 0] += 1
            if let topic = record.conversationTopic { entry.topics[topic, default: 0] += 1 }
            exact[key] = entry
        }
        report.groups = cluster(exact, threshold: similarity)
        return report
    }

    /// The counts of one normalised question.
    private struct Tally {
        var fallback = 0
        var clarify = 0
        var wordings: [String: Int] = [:]
        var topics: [String: Int] = [:]
    }

    /// Greedy clustering, most frequent first: each question joins the most similar existing group
    /// if at least `threshold` alike, or starts a new one. Candidates come from a trigram index.
    private static func cluster(_ exact: [String: Tally], threshold: Double) -> [Group] {
        let ordered = exact.sorted { a, b in
            let ca = a.value.fallback + a.value.clarify, cb = b.value.fallback + b.value.clarify
            return ca != cb ? ca > cb : a.key < b.key
        }
        var groups: [Group] = []
        var representatives: [Set<UInt64>] = []
        var index: [UInt64: [Int]] = [:]
        for (key, value) in ordered {
            let grams = QuestionSimilarity.trigrams(key)
            var shared: [Int: Int] = [:]
            for gram in grams { for g in index[gram] ?? [] { shared[g, default: 0] += 1 } }
            var best: (group: Int, score: Double)?
            for (g, n) in shared {
                let score = 2 * Double(n) / Double(grams.count + representatives[g].count)
                if score >= threshold, score > best?.score ?? -1 || (score == best?.score && g < (best?.group ?? 0)) {
                    best = (g, score)
                }
            }
            let variants = value.wordings.map { Variant(question: $0.key, count: $0.value) }
            if let best {
                groups[best.group].count += value.fallback + value.clarify
                groups[best.group].fallback += value.fallback
                groups[best.group].clarify += value.clarify
                groups[best.group].variants += variants
                groups[best.group].conversationTopics.merge(value.topics, uniquingKeysWith: +)
            } else {
                groups.append(Group(question: "", count: value.fallback + value.clarify, fallback: value.fallback,
                                    clarify: value.clarify, conversationTopics: value.topics, variants: variants))
                representatives.append(grams)
                for gram in grams { index[gram, default: []].append(groups.count - 1) }
            }
        }
        for i in groups.indices {
            groups[i].variants.sort { $0.count != $1.count ? $0.count > $1.count : $0.question < $1.question }
            groups[i].question = groups[i].variants.first?.question ?? ""
        }
        return groups.sorted { $0.count != $1.count ? $0.count > $1.count : $0.question < $1.question }
    }

    /// A plain-text report of the `top` largest groups.
    public func text(top: Int, source: String) -> String {
        var out = "Unanswered and clarified questions in \(source)\n"
        out += "\(records) records: \(unanswered) unanswered (fallback), \(clarified) clarified"
        if skipped > 0 { out += "; \(skipped) lines skipped (not transcript records)" }
        out += "\n"
        guard !groups.isEmpty else { return out + "Nothing to add: every question was answered.\n" }
        out += "Similar questions grouped (similarity ≥ \(String(format: "%.2f", similarity))), most frequent first:\n\n"
        let shown = groups.prefix(max(0, top))
        let width = String(shown.first?.count ?? 0).count
        for (i, group) in shown.enumerated() {
            let count = String(group.count)
            let rank = String(i + 1)
            out += String(repeating: " ", count: max(0, 3 - rank.count)) + rank + ". "
            out += String(repeating: " ", count: max(0, width - count.count)) + count + "×  \"" + group.question + "\""
            out += "  (fallback \(group.fallback), clarify \(group.clarify)"
            if !group.conversationTopics.isEmpty {
                let topics = group.conversationTopics.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                out += "; in conversations about " + topics.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            }
            out += ")\n"
            let others = group.variants.dropFirst()
            if !others.isEmpty {
                let listed = others.prefix(3).map { "\"\($0.question)\" (\($0.count))" }.joined(separator: ", ")
                let more = others.count > 3 ? ", and \(others.count - 3) more" : ""
                out += String(repeating: " ", count: 5 + width + 3) + "also: " + listed + more + "\n"
            }
        }
        if groups.count > shown.count { out += "\n… \(groups.count - shown.count) more groups (use --top to see more)\n" }
        return out
    }
}
