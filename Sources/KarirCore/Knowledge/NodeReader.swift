import Foundation
import Yams

/// Collects diagnostics while reading one file.
final class DiagnosticCollector {
    var diagnostics: [Diagnostic] = []
    func add(_ d: Diagnostic) { diagnostics.append(d) }
}

/// Reads typed values out of a composed YAML tree, reporting every problem with its location
/// instead of stopping at the first one.
struct NodeReader {
    let file: String
    let collector: DiagnosticCollector
    /// The languages every text must have (`settings: languages:`; both by default).
    var languages: [Language] = Language.allCases

    func error(_ node: Node?, _ message: String, hint: String? = nil) {
        collector.add(Diagnostic(.error, file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message, hint: hint))
    }

    func warning(_ node: Node?, _ message: String, hint: String? = nil) {
        collector.add(Diagnostic(.warning, file: file, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0, message, hint: hint))
    }

    func located<T>(_ value: T, _ node: Node) -> Located<T> {
        Located(value: value, file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    /// The entries of a mapping, keys as strings; reports keys outside `allowed`.
    func mapping(_ node: Node, what: String, allowed: Set<String>? = nil) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let m) = node else {
            error(node, "\(what) must be a mapping (key: value lines)", hint: "indent the keys of \(what) under it, each as `key: value`")
            return nil
        }
        var out: [(String, Node, Node)] = []
        for (k, v) in m {
            guard let key = k.scalar?.string else { error(k, "a key in \(what) must be plain text"); continue }
            if let allowed, !allowed.contains(key) {
                let suggestion = closest(key, in: allowed).map { "did you mean `\($0)`? " } ?? ""
                error(k, "unknown key `\(key)` in \(what)", hint: "\(suggestion)allowed keys: \(allowed.sorted().joined(separator: ", "))")
                continue
            }
            out.append((key, k, v))
        }
        return out
    }

    func sequence(_ node: Node, what: String) -> [Node]? {
        guard case .sequence(let s) = node else {
            error(node, "\(what) must be a list", hint: "write each item on its own line starting with `- `")
            return nil
        }
        return Array(s)
    }

    /// A scalar as text (numbers and dates are taken as written).
    func string(_ node: Node, what: String) -> String? {
        guard case .scalar(let s) = node else {
            error(node, "\(what) must be a single text value", hint: "write it on the same line after the colon, in quotes if it contains `: ` or `#`")
            return nil
        }
        if Self.isNull(s) {
            error(node, "\(what) is empty", hint: "write a value after the colon")
            return nil
        }
        return s.string
    }

    /// A YAML null (`~`, `null`, or nothing) written as a plain scalar. Checked by hand: Yams
    /// resolves tags with regular expressions, which made this the slowest part of a load.
    static func isNull(_ s: Node.Scalar) -> Bool {
        guard s.style == .plain || s.style == .any else { return false }
        switch s.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    func nonEmptyString(_ node: Node, what: String) -> String? {
        guard let s = string(node, what: what) else { return nil }
        if s.allSatisfy(\.isWhitespace) {
            error(node, "\(what) is empty", hint: "write a value, or remove the key")
            return nil
        }
        return s
    }

    /// `true` or `false` (also `yes`/`no`).
    func bool(_ node: Node, what: String) -> Bool? {
        guard let s = string(node, what: what) else { return nil }
        switch s.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(node, "\(what) must be true or false", hint: "write `true` or `false`")
            return nil
        }
    }

    /// A list of texts; a single text is accepted as a list of one.
    func strings(_ node: Node, what: String) -> [Located<String>] {
        if case .scalar = node, let s = nonEmptyString(node, what: what) { return [located(s, node)] }
        guard let items = sequence(node, what: what) else { return [] }
        return items.compactMap { item in nonEmptyString(item, what: "an item of \(what)").map { located($0, item) } }
    }

    /// `{id: ..., en: ...}`; reports a missing required language. In a one-language knowledge
    /// base the one text serves both.
    func localized(_ node: Node, what: String, required: Bool = true) -> Localized? {
        guard let entries = mapping(node, what: what, allowed: ["id", "en"]) else { return nil }
        var values: [String: String] = [:]
        for e in entries { values[e.key] = nonEmptyString(e.value, what: "\(what).\(e.key)") }
        let missing = languages.map(\.rawValue).filter { values[$0] == nil }
        if !missing.isEmpty {
            if required {
                error(node, "\(what) lacks the \(missing.joined(separator: " and ")) text", hint: "add `\(missing[0]): ...` under \(what): every text needs Bahasa Indonesia (id) and English (en)")
            }
            return nil
        }
        let any = values["id"] ?? values["en"] ?? ""
        return Localized(id: values["id"] ?? any, en: values["en"] ?? any)
    }

    /// `{id: [...], en: [...]}` lists per language.
    func perLanguageLists(_ node: Node, what: String, requireBoth: Bool) -> [Language: [Located<String>]] {
        guard let entries = mapping(node, what: what, allowed: ["id", "en"]) else { return [:] }
        var out: [Language: [Located<String>]] = [:]
        for e in entries {
            guard let lang = Language(code: e.key) else { continue }
            out[lang] = strings(e.value, what: "\(what).\(e.key)")
        }
        if requireBoth {
            for lang in languages where (out[lang] ?? []).isEmpty {
                error(node, "\(what) has no \(lang.rawValue) examples", hint: "add `\(lang.rawValue):` with a list of questions in \(lang == .id ? "Bahasa Indonesia" : "English")")
            }
        }
        return out
    }
}

/// The allowed word closest to `word` (edit distance ≤ 2), for "did you mean" hints.
func closest(_ word: String, in candidates: Set<String>) -> String? {
    var best: (String, Int)?
    for c in candidates {
        let d = SpellingCorrector.distance(word, c, limit: 2)
        if d <= 2, best == nil || d < (best?.1 ?? 3) { best = (c, d) }
    }
    return best?.0
}
