import Foundation
import Yams

/// The fixed texts of `prompts/` (greeting, fallback, clarify …), per language.
public struct PromptSet: Sendable {
    public static let required = ["greeting", "help", "fallback", "clarify", "handoff", "safety", "goodbye"]
    public var texts: [String: Localized]

    /// Loads every YAML file of `folder`; each has a top-level `prompts:` mapping.
    public static func load(folder: URL) -> (PromptSet, [Diagnostic]) {
        let collector = DiagnosticCollector()
        var texts: [String: Localized] = [:]
        let files = KnowledgeLoader.yamlFiles(in: folder, skipping: [])
        for url in files {
            let display = KnowledgeLoader.displayPath(url)
            guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
                collector.add(Diagnostic(.error, file: display, "cannot read the file as UTF-8 text", hint: "save it as UTF-8"))
                continue
            }
            guard let root = KnowledgeLoader.compose(text, file: display, collector: collector) else { continue }
            let r = NodeReader(file: display, collector: collector)
            guard let top = r.mapping(root, what: "the file", allowed: ["prompts"]) else { continue }
            for section in top {
                guard let entries = r.mapping(section.value, what: "prompts") else { continue }
                for e in entries {
                    if texts[e.key] != nil {
                        r.error(e.keyNode, "prompt `\(e.key)` is defined twice", hint: "keep one")
                    }
                    if let l = r.localized(e.value, what: "prompt \(e.key)") { texts[e.key] = l }
                }
            }
        }
        for key in required where texts[key] == nil {
            collector.add(Diagnostic(.error, file: KnowledgeLoader.displayPath(folder), "the required prompt `\(key)` is missing",
                                     hint: "add `\(key): { id: \"...\", en: \"...\" }` under `prompts:`"))
        }
        return (PromptSet(texts: texts), collector.diagnostics)
    }
}
