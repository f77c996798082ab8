/// Cross-file checks: ids, references between intents, topics, entities and tables.
enum KnowledgeValidator {
    static func validate(_ kb: inout KnowledgeBase, collector: DiagnosticCollector) {
        func error(_ at: Located<String>, _ message: String, hint: String? = nil) {
            collector.add(Diagnostic(.error, file: at.file, line: at.line, column: at.column, message, hint: hint))
        }
        func warning(_ at: Located<String>, _ message: String, hint: String? = nil) {
            collector.add(Diagnostic(.warning, file: at.file, line: at.line, column: at.column, message, hint: hint))
        }

        checkSynonymsAgainstLexicon(kb, warning: warning)

        var topicIDs: [String: Located<String>] = [:]
        for t in kb.topics {
            if t.id == BuiltInTopic.clarify || t.id == BuiltInTopic.fallback {
                error(t.location, "`\(t.id)` is built in and must not be declared", hint: "remove this topic")
            } else if let first = topicIDs[t.id] {
                error(t.location, "topic `\(t.id)` is declared twice (first at \(first.file):\(first.line))", hint: "remove one of them")
            } else {
                topicIDs[t.id] = t.location
            }
        }
        if kb.topics.isEmpty && !kb.intents.isEmpty {
            collector.add(Diagnostic(.error, file: kb.intents[0].location.file, "no topics are declared",
                                     hint: "add a topics.yaml with `topics:` and one entry per topic"))
        }

        var referralIDs: [String: Located<String>] = [:]
        for referral in kb.referrals {
            if let first = referralIDs[referral.id] {
                error(referral.location, "referral `\(referral.id)` is declared twice (first at \(first.file):\(first.line))",
                      hint: "merge the two into one, or rename one of them")
            } else {
                referralIDs[referral.id] = referral.location
            }
            if referral.examples.values.allSatisfy(\.isEmpty) {
                error(referral.location, "referral `\(referral.id)` has no examples",
                      hint: "add `examples: { id: [...], en: [...] }` with the questions this office answers")
            }
        }

        var intentIDs: [String: Located<String>] = [:]
        for intent in kb.intents {
            if let first = intentIDs[intent.id] {
                error(intent.location, "intent id `\(intent.id)` is used twice (first at \(first.file):\(first.line))", hint: "rename one of them")
            } else {
                intentIDs[intent.id] = intent.location
            }
        }
        let topicSet = Set(topicIDs.keys)
        var menuWords: [String: String] = [:]
        for topic in kb.topics {
            guard let menu = topic.menu else { continue }
            for c in menu.choices where intentIDs[c.value] == nil {
                let guess = closest(c.value, in: Set(intentIDs.keys)).map { "did you mean `\($0)`? " } ?? ""
                error(c, "menu choice `\(c.value)` of topic `\(topic.id)` is not an intent", hint: "\(guess)use the id of an existing intent")
            }
            if menu.choices.count > 4 {
                warning(menu.choices[4], "the menu of topic `\(topic.id)` offers \(menu.choices.count) choices",
                        hint: "keep it to two to four: a long list on a phone screen is read less than a short one")
            }
            for w in menu.words {
                if w.value.hasPrefix("@"), kb.entities[String(w.value.dropFirst())] == nil {
                    error(w, "menu word `\(w.value)` of topic `\(topic.id)` names no entity type",
                          hint: "`@type` opens the menu for a message that only names a value of an entity type declared under `entities:`, e.g. `@occupation`")
                }
                let key = w.value.lowercased()
                if let other = menuWords[key] {
                    error(w, "menu word `\(w.value)` of topic `\(topic.id)` already names topic `\(other)`", hint: "a word can open only one menu; remove it from one of them")
                } else {
                    menuWords[key] = topic.id
                }
            }
        }
        for intent in kb.intents {
            if !intent.topic.isEmpty, topicIDs[intent.topic] == nil {
                let guess = closest(intent.topic, in: topicSet).map { "did you mean `\($0)`? " } ?? ""
                error(intent.location, "intent `\(intent.id)` has unknown topic `\(intent.topic)`", hint: "\(guess)topics are declared in topics.yaml")
            }
            for f in intent.followUps where intentIDs[f.value] == nil {
                let guess = closest(f.value, in: Set(intentIDs.keys)).map { "did you mean `\($0)`? " } ?? ""
                error(f, "follow-up `\(f.value)` of intent `\(intent.id)` is not an intent", hint: "\(guess)use the id of an existing intent")
            }
            for c in intent.context where intentIDs[c.value] == nil && topicIDs[c.value] == nil {
                error(c, "context `\(c.value)` of intent `\(intent.id)` is neither a topic nor an intent", hint: "use a topic id or an intent id")
            }
            for lang in kb.settings.languages {
                let n = intent.examples[lang]?.count ?? 0
                if n > 0 && n < 8 {
                    warning(intent.location, "intent `\(intent.id)` has only \(n) \(lang.rawValue) examples",
                            hint: "add more ways of asking (at least 8; 12 or more is better): casual, slang, typos, short fragments")
                }
            }
            if let slot = intent.slot {
                if kb.entities[slot.value] == nil {
                    error(slot, "slot `\(slot.value)` of intent `\(intent.id)` is not an entity type", hint: "declare it under `entities:` or fix the name")
                }
                if intent.ask == nil {
                    error(intent.location, "intent `\(intent.id)` has a slot but no `ask`", hint: "add `ask: { id: \"...?\", en: \"...?\" }`: the question asked when the slot is missing")
                }
            }
            if let lookup = intent.lookup {
                if let table = kb.tables[lookup.value] {
                    if let slot = intent.slot, table.key != slot.value {
                        error(lookup, "table `\(lookup.value)` is keyed by `\(table.key)` but the intent's slot is `\(slot.value)`", hint: "use `slot: \(table.key)`")
                    }
                    // Without a slot the row is optional: that of a value the message or the
                    // conversation names, if any. The answer must then read it, or the lookup
                    // does nothing.
                    if intent.slot == nil, !intent.answer.values.contains(where: { $0.value.contains("row.") }), intent.calculate == nil {
                        error(lookup, "intent `\(intent.id)` looks up `\(lookup.value)` but has no slot and its answer reads no `row`", hint: "add `slot: \(table.key)`, or show the row of a place named with `{{#row.FIELD}}…{{/row.FIELD}}`")
                    }
                } else {
                    error(lookup, "table `\(lookup.value)` does not exist", hint: "check the name under `tables:`")
                }
            }
            if let calculate = intent.calculate, Calculation(rawValue: calculate.value) == nil {
                error(calculate, "unknown calculation `\(calculate.value)` in intent `\(intent.id)`",
                      hint: "use one of: \(Calculation.names.joined(separator: ", "))")
            }
            let factual = intent.answer.values.contains { $0.value.contains(where: \.isNumber) }
            if factual && intent.lookup == nil && (intent.source == nil || intent.asOf == nil) && intent.topic != "smalltalk" {
                warning(intent.location, "the answer of `\(intent.id)` states figures but has no `source` and `as_of`",
                        hint: "add `source:` (the official site) and `as_of:` (YYYY-MM, when the facts were checked)")
            }
        }
        for (name, table) in kb.tables {
            if let values = kb.entities[table.key] {
                let ids = Set(values.map(\.id))
                for (rowID, loc) in table.rowLocations where !ids.contains(rowID) {
                    error(loc, "row `\(rowID)` of table `\(name)` is not a `\(table.key)` entity", hint: "use an id declared under `entities: \(table.key):`")
                }
            } else {
                error(table.location, "table `\(name)` is keyed by `\(table.key)`, which is not an entity type", hint: "declare `entities: \(table.key):`")
            }
        }
        var entityIDs: [String: Set<String>] = [:]
        for (type, values) in kb.entities {
            for v in values where !(entityIDs[type, default: []].insert(v.id).inserted) {
                error(v.location, "entity `\(type)` `\(v.id)` is declared twice", hint: "merge the names into one entry")
            }
        }
        for (type, values) in kb.entities {
            for v in values {
                if let topic = v.topic, topicIDs[topic.value] == nil {
                    let guess = closest(topic.value, in: Set(topicIDs.keys)).map { "did you mean `\($0)`? " } ?? ""
                    error(topic, "\(type) `\(v.id)` has unknown topic `\(topic.value)`", hint: "\(guess)topics are declared in topics.yaml")
                }
                for (placeType, place) in v.within.sorted(by: { $0.key < $1.key }) {
                    guard let ids = entityIDs[placeType] else {
                        error(place, "`in` of \(type) `\(v.id)` names `\(placeType)`, which is not an entity type",
                              hint: "use a declared entity type, e.g. `in: { province: jawa_barat }`"); continue
                    }
                    if !ids.contains(place.value) {
                        let guess = closest(place.value, in: ids).map { "did you mean `\($0)`? " } ?? ""
                        error(place, "`in` of \(type) `\(v.id)`: `\(place.value)` is not a `\(placeType)` entity", hint: "\(guess)use an id declared under `entities: \(placeType):`")
                    }
                }
            }
        }
        for flow in kb.flows {
            if intentIDs[flow.startIntent] == nil {
                error(flow.location, "flow `\(flow.id)` starts from unknown intent `\(flow.startIntent)`", hint: "set `start:` to an existing intent id")
            }
            if let t = flow.recommendFrom, kb.tables[t] == nil {
                error(flow.location, "flow `\(flow.id)` recommends from unknown table `\(t)`", hint: "name a table with a `riasec` column")
            }
        }
        for s in kb.settings.fallbackSuggestions where intentIDs[s] == nil {
            collector.add(Diagnostic(.error, file: "settings", "fallback suggestion `\(s)` is not an intent", hint: "use existing intent ids"))
        }
    }

    /// A synonym member is read through the lexicon, like a message. When the lexicon turns it
    /// into a different, common word ("tuk" → "untuk"), the set matches every message with that
    /// word: "untuk" would count as a mention of a competency test.
    static func checkSynonymsAgainstLexicon(_ kb: KnowledgeBase, warning: (Located<String>, String, String?) -> Void) {
        let lexicon = kb.lexicon.mapValues { TextNormalizer.words($0.value) }
        for (name, members) in kb.synonyms.sorted(by: { $0.key < $1.key }) {
            let written = Set(members.map { TextNormalizer.words($0.value).joined(separator: " ") })
            for m in members {
                let words = TextNormalizer.words(m.value)
                let read = words.flatMap { lexicon[$0] ?? [$0] }
                guard read != words, !written.contains(read.joined(separator: " ")) else { continue }
                let changed = words.filter { w in lexicon[w].map { $0 != [w] } ?? false }
                let shown = changed.map { "`\($0)` → `\(lexicon[$0]?.joined(separator: " ") ?? $0)`" }.joined(separator: ", ")
                warning(m, "synonym `\(m.value)` of set `\(name)` is rewritten by the lexicon (\(shown)), so the set matches `\(read.joined(separator: " "))` in every message",
                        "remove it from the set, or remove the lexicon entry if the word should keep its own meaning")
            }
        }
    }
}
