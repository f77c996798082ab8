import Foundation
import Yams

/// Reads every YAML file of a knowledge folder into a validated ``KnowledgeBase``.
///
/// It never stops at the first problem: it reports everything it finds with file, line and
/// column, so that a person editing the files can fix them in one go.
public enum KnowledgeLoader {
    static let topLevelKeys: Set<String> = ["topics", "intents", "lexicon", "synonyms", "entities", "tables", "flows", "settings", "out_of_scope", "words", "referrals"]
    static let intentKeys: Set<String> = ["id", "topic", "title", "examples", "patterns", "not", "answer", "follow_ups", "context",
                                          "source", "as_of", "slot", "ask", "lookup", "missing", "collects_message", "calculate", "audience"]

    /// Sub-folders of a knowledge folder that hold no knowledge (conversation tests, evaluation sets).
    static let skippedFolders: Set<String> = ["tests", "eval"]

    /// Loads `folder`; returns the knowledge and all diagnostics (errors and warnings).
    public static func load(folder: URL) -> (KnowledgeBase, [Diagnostic]) {
        let collector = DiagnosticCollector()
        var kb = KnowledgeBase()
        let files = yamlFiles(in: folder, skipping: skippedFolders)
        if files.isEmpty {
            collector.add(Diagnostic(.error, file: folder.path, "no knowledge files found",
                                     hint: "point --knowledge at the folder that holds topics.yaml and intents/"))
        }
        var fingerprint = Fingerprint()
        var roots: [(String, Node)] = []
        // Files are read and parsed in parallel; diagnostics and fingerprint are added in file order.
        let parsed = Parallel.map(files) { url -> (display: String, data: Data?, root: Node?, diagnostics: [Diagnostic]) in
            let display = displayPath(url)
            let local = DiagnosticCollector()
            guard let data = try? Data(contentsOf: url) else {
                local.add(Diagnostic(.error, file: display, "cannot read the file", hint: "check that it exists and is readable"))
                return (display, nil, nil, local.diagnostics)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                local.add(Diagnostic(.error, file: display, line: 1, column: 1, "the file is not valid UTF-8",
                                     hint: "save it as UTF-8 (most editors: File → Save with encoding → UTF-8)"))
                return (display, data, nil, local.diagnostics)
            }
            return (display, data, compose(text, file: display, collector: local), local.diagnostics)
        }
        for file in parsed {
            if let data = file.data { fingerprint.add(file.display, data) }
            for d in file.diagnostics { collector.add(d) }
            if let root = file.root { roots.append((file.display, root)) }
        }
        // Settings first: they decide which languages the other files must provide.
        for (file, root) in roots {
            guard case .mapping(let m) = root, let settings = m["settings"] else { continue }
            readSettings(settings, NodeReader(file: file, collector: collector), &kb)
        }
        for (file, root) in roots {
            let reader = NodeReader(file: file, collector: collector, languages: kb.settings.languages)
            readFile(root, reader: reader, into: &kb)
        }
        kb.fingerprint = fingerprint.hex
        KnowledgeValidator.validate(&kb, collector: collector)
        return (kb, collector.diagnostics)
    }

    /// Parses YAML, turning Yams errors into located diagnostics. Nil for an empty or broken file.
    static func compose(_ text: String, file: String, collector: DiagnosticCollector) -> Node? {
        do {
            // Every value is read as text (numbers and dates are parsed where they are used), so
            // the basic resolver: the default one runs regular expressions on every scalar.
            return try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            collector.add(yamlDiagnostic(error, file: file))
        } catch {
            collector.add(Diagnostic(.error, file: file, "cannot parse YAML: \(error)"))
        }
        return nil
    }

    static func yamlDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        let hint = "check the indentation (spaces, not tabs) and put texts with `: `, `#` or quotes inside \"double quotes\""
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let where_ = context.map { " (\($0.text))" } ?? ""
            return Diagnostic(.error, file: file, line: mark.line, column: mark.column, "YAML syntax: \(problem)\(where_)", hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(.error, file: file, line: context.mark.line, column: context.mark.column,
                              "the key \(duplicates.joined(separator: ", ")) appears twice in one mapping", hint: "keep one of them")
        case let .reader(problem, _, _, _):
            return Diagnostic(.error, file: file, line: 1, column: 1, "cannot read the file: \(problem)", hint: "save it as UTF-8 text")
        default:
            return Diagnostic(.error, file: file, "YAML error: \(error)", hint: hint)
        }
    }

    static func readFile(_ root: Node, reader: NodeReader, into kb: inout KnowledgeBase) {
        guard let entries = reader.mapping(root, what: "the file", allowed: topLevelKeys) else { return }
        for entry in entries {
            switch entry.key {
            case "topics": readTopics(entry.value, reader, &kb)
            case "intents": readIntents(entry.value, reader, &kb)
            case "lexicon": readLexicon(entry.value, reader, &kb)
            case "synonyms": readSynonyms(entry.value, reader, &kb)
            case "entities": readEntities(entry.value, reader, &kb)
            case "tables": readTables(entry.value, reader, &kb)
            case "flows": FlowReader.read(entry.value, reader, &kb)
            case "words": readWords(entry.value, reader, &kb)
            case "settings": break   // read before everything else
            case "out_of_scope":
                for (lang, items) in reader.perLanguageLists(entry.value, what: "out_of_scope", requireBoth: false) {
                    kb.outOfScope[lang, default: []].append(contentsOf: items)
                }
            case "referrals": readReferrals(entry.value, reader, &kb)
            default: break
            }
        }
    }

    /// `referrals:` a list of `{id, text: {id, en}, examples: {id: [...], en: [...]}}`.
    static func readReferrals(_ node: Node, _ r: NodeReader, _ kb: inout KnowledgeBase) {
        guard let items = r.sequence(node, what: "referrals") else { return }
        for item in items {
            guard let fields = r.mapping(item, what: "a referral", allowed: ["id", "text", "examples"]) else { continue }
            let f = Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let idNode = f["id"], let id = r.nonEmptyString(idNode, what: "referral id") else {
                r.error(item, "a referral needs an `id`", hint: "add `id: tax` (a short name for the office it refers to)"); continue
            }
            guard let textNode = f["text"], let text = r.localized(textNode, what: "text of referral \(id)") else {
                if f["text"] == nil {
                    r.error(item, "referral \(id) has no text", hint: "add `text: { id: \"Soal ... ditangani ...\", en: \"... is handled by ...\" }`")
                }
                continue
            }
            guard let examplesNode = f["examples"] else {
                r.error(item, "referral \(id) has no examples", hint: "add `examples: { id: [...], en: [...] }` with the questions it answers")
                continue
            }
            let examples = r.perLanguageLists(examplesNode, what: "examples of referral \(id)", requireBoth: false)
            kb.referrals.append(OutOfScopeReferral(id: id, text: text, examples: examples, location: r.located(id, idNode)))
        }
    }

    static func readTopics(_ node: Node, _ r: NodeReader, _ kb: inout KnowledgeBase) {
        guard let items = r.sequence(node, what: "topics") else { return }
        for item in items {
            guard let fields = r.mapping(item, what: "a topic", allowed: ["id", "title", "priority", "description", "where_to_ask", "menu", "abroad_note"]) else { continue }
            let f = Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let idNode = f["id"], let id = r.nonEmptyString(idNode, what: "topic id") else {
                r.error(item, "a topic needs an `id`", hint: "add `id: some_topic`"); continue
            }
            var title = Localized(id: id, en: id)
            if let t = f["title"] { title = r.localized(t, what: "title of topic \(id)") ?? title } else {
                r.error(item, "topic \(id) has no title", hint: "add `title: { id: \"...\", en: \"...\" }`")
            }
            var priority = TopicPriority.normal
            if let p = f["priority"], let v = r.string(p, what: "priority") {
                if let known = TopicPriority(rawValue: v) { priority = known } else {
                    r.error(p, "priority must be `high`, `normal` or `low`",
                            hint: "use `priority: high` for safety topics only, `low` for pleasantries such as smalltalk")
                }
            }
            let whereToAsk = f["where_to_ask"].flatMap { r.localized($0, what: "where_to_ask of topic \(id)") }
            let menu = f["menu"].flatMap { readMenu($0, topic: id, r) }
            let abroadNote = f["abroad_note"].flatMap { r.localized($0, what: "abroad_note of topic \(id)") }
            kb.topics.append(TopicDefinition(id: id, title: title, priority: priority, whereToAsk: whereToAsk, menu: menu,
                                             abroadNote: abroadNote, location: r.located(id, item)))
        }
    }

    /// A topic's `menu: { words: [...], choices: [...] }`; both lists are required.
    static func readMenu(_ node: Node, topic: String, _ r: NodeReader) -> TopicMenu? {
        guard let fields = r.mapping(node, what: "menu of topic \(topic)", allowed: ["words", "choices"]) else { return nil }
        let f = Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let words = f["words"].map { r.strings($0, what: "words of the menu of topic \(topic)") } ?? []
        let choices = f["choices"].map { r.strings($0, what: "choices of the menu of topic \(topic)") } ?? []
        if words.isEmpty {
            r.error(node, "the menu of topic \(topic) has no words", hint: "add `words: [gaji, upah]`: the messages that only name the topic")
        }
        if choices.count < 2 {
            r.error(node, "the menu of topic \(topic) needs at least two choices",
                    hint: "add `choices: [intent_a, intent_b]` with the ids of the intents to offer (two to four)")
        }
        return words.isEmpty || choices.count < 2 ? nil : TopicMenu(words: words, choices: choices)
    }

    static func readIntents(_ node: Node, _ r: NodeReader, _ kb: inout KnowledgeBase) {
        guard let items = r.sequence(node, what: "intents") else { return }
        for item in items {
            guard let fields = r.mapping(item, what: "an intent", allowed: intentKeys) else { continue }
            let f = Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let idNode = f["id"], let id = r.nonEmptyString(idNode, what: "intent id") else {
                r.error(item, "an intent needs an `id`", hint: "add `id: topic_question_name` as the intent's first line"); continue
            }
            let what = "intent \(id)"
            var topic = ""
            if let t = f["topic"] { topic = r.nonEmptyString(t, what: "topic of \(what)") ?? "" } else {
                r.error(item, "\(what) has no topic", hint: "add `topic:` with one of the topics declared in topics.yaml")
            }
            var title = Localized(id: id, en: id)
            if let t = f["title"] { title = r.localized(t, what: "title of \(what)") ?? title } else {
                r.error(item, "\(what) has no title", hint: "add `title: { id: \"...\", en: \"...\" }`: a short label for menus")
            }
            var examples: [Language: [Located<String>]] = [:]
            if let e = f["examples"] { examples = r.perLanguageLists(e, what: "examples of \(what)", requireBoth: true) } else {
                r.error(item, "\(what) has no examples", hint: "add `examples:` with `id:` and `en:` lists of questions")
            }
            var answer: [Language: Located<String>] = [:]
            if let a = f["answer"] {
                if let entries = r.mapping(a, what: "answer of \(what)", allowed: ["id", "en"]) {
                    for e in entries {
                        if let lang = Language(code: e.key), let s = r.nonEmptyString(e.value, what: "answer of \(what).\(e.key)") {
                            answer[lang] = r.located(s, e.value)
                        }
                    }
                    if let only = r.languages.first, r.languages.count == 1, let text = answer[only] {
                        for lang in Language.allCases where answer[lang] == nil { answer[lang] = text }
                    }
                    for lang in r.languages where answer[lang] == nil {
                        r.error(a, "the answer of \(what) lacks the \(lang.rawValue) text", hint: "add `\(lang.rawValue): |` followed by the answer in \(lang == .id ? "Bahasa Indonesia" : "English")")
                    }
                }
            } else {
                r.error(item, "\(what) has no answer", hint: "add `answer:` with `id:` and `en:` texts")
            }
            let def = IntentDefinition(
                id: id, topic: topic, title: title, examples: examples,
                patterns: f["patterns"].map { r.strings($0, what: "patterns of \(what)") } ?? [],
                negatives: f["not"].map { r.perLanguageLists($0, what: "not of \(what)", requireBoth: false) } ?? [:],
                answer: answer,
                followUps: f["follow_ups"].map { r.strings($0, what: "follow_ups of \(what)") } ?? [],
                context: f["context"].map { r.strings($0, what: "context of \(what)") } ?? [],
                source: f["source"].flatMap { r.nonEmptyString($0, what: "source of \(what)") },
                asOf: f["as_of"].flatMap { r.nonEmptyString($0, what: "as_of of \(what)") },
                slot: f["slot"].flatMap { n in r.nonEmptyString(n, what: "slot of \(what)").map { r.located($0, n) } },
                ask: f["ask"].flatMap { r.localized($0, what: "ask of \(what)") },
                lookup: f["lookup"].flatMap { n in r.nonEmptyString(n, what: "lookup of \(what)").map { r.located($0, n) } },
                missing: f["missing"].flatMap { r.localized($0, what: "missing of \(what)") },
                collectsMessage: f["collects_message"].flatMap { r.bool($0, what: "collects_message of \(what)") } ?? false,
                calculate: f["calculate"].flatMap { n in r.nonEmptyString(n, what: "calculate of \(what)").map { r.located($0, n) } },
                audience: f["audience"].flatMap { n in
                    r.nonEmptyString(n, what: "audience of \(what)").flatMap { value in
                        guard let audience = Audience(rawValue: value) else {
                            r.error(n, "unknown audience `\(value)` of \(what)",
                                    hint: "use `employer` for an answer written for employers and HR staff, or leave `audience` out (everyone)")
                            return nil
                        }
                        return audience
                    }
                } ?? .everyone,
                location: r.located(id, idNode))
            kb.intents.append(def)
        }
    }

    static func readLexicon(_ node: Node, _ r: NodeReader, _ kb: inout KnowledgeBase) {
        guard let entries = r.mapping(node, what: "lexicon") else { return }
        for e in entries {
            guard let value = r.nonEmptyString(e.value, what: "lexicon entry `\(e.key)`") else { continue }
            let key = TextNormalizer.words(e.key)
            guard key.count == 1, let word = key.first else {
                r.error(e.keyNode, "lexicon key `\(e.key)` must be a single word", hint: "put phrases in synonyms.yaml instead")
                continue
            }
            if let existing = kb.lexicon[word], existing.value != value {
                r.error(e.keyNode, "lexicon entry `\(word)` is defined twice with different meanings (also at \(existing.file):\(existing.line))",
                        hint: "keep one meaning for each word")
                continue
            }
            kb.lexicon[word] = r.located(value, e.value)
        }
    }

    /// `words:` lists correctly spelled words, several per item separated by spaces; each is
    /// normalised like a message ("Kamis" → "kamis").
    static func readWords(_ node: Node, _ r: NodeReader, _ kb: inout KnowledgeBase) {
        for item in r.strings(node, what: "words") {
            for word in TextNormalizer.words(item.value) { kb.spellings.insert(word) }
        }
    }

    static func readSynonyms(_ node: Node, _ r: NodeReader, _ kb: inout KnowledgeBase) {
        guard let entries = r.mapping(node, what: "synonyms") else { return }
        for e in entries {
            let members = r.strings(e.value, what: "synonym set `\(e.key)`")
            guard !members.isEmpty else { continue }
            kb.synonyms[e.key, default: []].append(contentsOf: members)
        }
    }

    static func readEntities(_ node: Node, _ r: NodeReader, _ kb: inout KnowledgeBase) {
        guard let types = r.mapping(node, what: "entities") else { return }
        for t in types {
            guard let items = r.sequence(t.value, what: "entity type `\(t.key)`") else { continue }
            for item in items {
                guard let fields = r.mapping(item, what: "an entity of `\(t.key)`", allowed: ["id", "names", "in", "topic"]) else { continue }
                let f = Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
                guard let idNode = f["id"], let id = r.nonEmptyString(idNode, what: "entity id") else {
                    r.error(item, "an entity needs an `id`", hint: "add `id: lower_snake_case_name`"); continue
                }
                let names = f["names"].map { r.strings($0, what: "names of \(t.key) \(id)").map(\.value) } ?? []
                if names.isEmpty { r.error(item, "entity \(t.key) \(id) has no names", hint: "add `names: [Name, Short name, English name]`") }
                var value = EntityValue(type: t.key, id: id, names: names, location: r.located(id, idNode))
                if let within = f["in"], let places = r.mapping(within, what: "`in` of \(t.key) \(id)") {
                    for place in places {
                        if let placeID = r.nonEmptyString(place.value, what: "`in` of \(t.key) \(id)") { value.within[place.key] = r.located(placeID, place.value) }
                    }
                }
                if let topicNode = f["topic"], let topic = r.nonEmptyString(topicNode, what: "`topic` of \(t.key) \(id)") {
                    value.topic = r.located(topic, topicNode)
                }
                kb.entities[t.key, default: []].append(value)
            }
        }
    }

    static func readTables(_ node: Node, _ r: NodeReader, _ kb: inout KnowledgeBase) {
        guard let tables = r.mapping(node, what: "tables") else { return }
        for t in tables {
            guard let fields = r.mapping(t.value, what: "table `\(t.key)`", allowed: ["key", "rows", "description"]) else { continue }
            let f = Dictionary(fields.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let keyNode = f["key"], let key = r.nonEmptyString(keyNode, what: "key of table \(t.key)") else {
                r.error(t.value, "table `\(t.key)` has no `key`", hint: "add `key: province` (the entity type that selects a row)"); continue
            }
            var rows: [String: [String: String]] = [:]
            var locations: [String: Located<String>] = [:]
            if let rowsNode = f["rows"], let rowEntries = r.mapping(rowsNode, what: "rows of table \(t.key)") {
                for row in rowEntries {
                    guard let cells = r.mapping(row.value, what: "row `\(row.key)` of table \(t.key)") else { continue }
                    var values: [String: String] = [:]
                    for c in cells {
                        guard case .scalar(let s) = c.value else {
                            r.error(c.value, "cell `\(c.key)` of row `\(row.key)` must be a single value", hint: "write the value on one line, or use a `|` block")
                            continue
                        }
                        if !NodeReader.isNull(s) { values[c.key] = s.string }
                    }
                    rows[row.key] = values
                    locations[row.key] = r.located(row.key, row.keyNode)
                }
            }
            if let existing = kb.tables[t.key] {
                r.error(t.keyNode, "table `\(t.key)` is defined twice (also at \(existing.location.file):\(existing.location.line))", hint: "merge the rows into one table")
                continue
            }
            kb.tables[t.key] = DataTable(name: t.key, key: key, rows: rows, rowLocations: locations, location: r.located(t.key, t.keyNode))
        }
    }

    static func readSettings(_ node: Node, _ r: NodeReader, _ kb: inout KnowledgeBase) {
        let allowed: Set<String> = ["answer_threshold", "clarify_threshold", "clarify_margin", "topic_boost", "follow_up_boost", "example_weight", "model_weight", "model_temperature",
                                    "fallback_suggestions", "languages", "long_message_words", "long_message_factor", "abroad_words",
                                    "employer_words", "audience_boost"]
        guard let entries = r.mapping(node, what: "settings", allowed: allowed) else { return }
        for e in entries {
            if e.key == "languages" {
                let langs = r.strings(e.value, what: "languages").compactMap { l -> Language? in
                    guard let lang = Language(code: l.value) else {
                        r.error(e.value, "unknown language `\(l.value)`", hint: "use `id` and/or `en`"); return nil
                    }
                    return lang
                }
                if !langs.isEmpty { kb.settings.languages = langs }
                continue
            }
            if e.key == "long_message_words" {
                guard let text = r.string(e.value, what: e.key), let n = Int(text), n >= 1 else {
                    r.error(e.value, "long_message_words must be a whole number of at least 1", hint: "for example `long_message_words: 12`"); continue
                }
                kb.settings.longMessageWords = n
                continue
            }
            if e.key == "fallback_suggestions" {
                kb.settings.fallbackSuggestions = r.strings(e.value, what: "fallback_suggestions").map(\.value)
                continue
            }
            if e.key == "abroad_words" {
                kb.settings.abroadWords = r.strings(e.value, what: "abroad_words").map { $0.value.lowercased() }.filter { !$0.isEmpty }
                continue
            }
            if e.key == "employer_words" {
                kb.settings.employerWords = r.strings(e.value, what: "employer_words").map { $0.value.lowercased() }.filter { !$0.isEmpty }
                continue
            }
            guard let s = r.string(e.value, what: e.key), let v = Double(s), v >= 0, v <= 1 else {
                r.error(e.value, "\(e.key) must be a number between 0 and 1", hint: "for example `\(e.key): 0.4`"); continue
            }
            switch e.key {
            case "answer_threshold": kb.settings.answerThreshold = v
            case "clarify_threshold": kb.settings.clarifyThreshold = v
            case "clarify_margin": kb.settings.clarifyMargin = v
            case "topic_boost": kb.settings.topicBoost = v
            case "follow_up_boost": kb.settings.followUpBoost = v
            case "audience_boost": kb.settings.audienceBoost = v
            case "example_weight": kb.settings.exampleWeight = v
            case "long_message_factor": kb.settings.longMessageFactor = v
            case "model_weight": kb.settings.modelWeight = v
            case "model_temperature": kb.settings.modelTemperature = max(0.01, v)
            default: break
            }
        }
    }

    /// All `.yaml`/`.yml` files below `folder`, sorted, skipping the named sub-folders.
    static func yamlFiles(in folder: URL, skipping: Set<String>) -> [URL] {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey]) else { return [] }
        var out: [URL] = []
        for case let url as URL in enumerator {
            let isDir = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
            if isDir {
                if skipping.contains(url.lastPathComponent) || url.lastPathComponent.hasPrefix(".") { enumerator.skipDescendants() }
                continue
            }
            if ["yaml", "yml"].contains(url.pathExtension.lowercased()), !url.lastPathComponent.hasPrefix(".") { out.append(url) }
        }
        return out.sorted { $0.path < $1.path }
    }

    /// A path relative to the current directory when below it, for short messages.
    static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let path = url.standardizedFileURL.path
        if path.hasPrefix(cwd + "/") { return String(path.dropFirst(cwd.count + 1)) }
        return path
    }
}

/// FNV-1a over file names and contents: a cheap fingerprint that changes with any edit.
struct Fingerprint {
    private var hash = FNV1a()
    mutating func add(_ name: String, _ data: Data) {
        for b in name.utf8 { hash.add(b) }
        hash.add(0)
        for b in data { hash.add(b) }
    }
    var hex: String { String(hash.value, radix: 16, uppercase: false) }
}
