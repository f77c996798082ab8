/// The knowledge as read from its files, in a snapshot. Every type is rebuilt through its
/// memberwise initialiser, so that a new property cannot be forgotten here: the build fails
/// until it is written and read.

extension Located: SnapshotCodable where Value: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.write(value); w.write(file); w.write(line); w.write(column)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(value: try r.read(), file: try r.read(), line: try r.read(), column: try r.read())
    }
}

extension Localized: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.write(id); w.write(en) }
    init(from r: inout SnapshotReader) throws(SnapshotError) { self.init(id: try r.read(), en: try r.read()) }
}

extension TopicPriority: SnapshotRawText {}
extension Diagnostic.Severity: SnapshotRawText {}

extension OutOfScopeReferral: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.write(id); w.write(text); w.write(examples); w.write(location)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.read(), text: try r.read(), examples: try r.read(), location: try r.read())
    }
}

extension TopicDefinition: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.write(id); w.write(title); w.write(priority); w.write(whereToAsk); w.write(menu); w.write(abroadNote); w.write(location)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.read(), title: try r.read(), priority: try r.read(), whereToAsk: try r.read(), menu: try r.read(),
                  abroadNote: try r.read(), location: try r.read())
    }
}

extension TopicMenu: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.write(words); w.write(choices) }
    init(from r: inout SnapshotReader) throws(SnapshotError) { self.init(words: try r.read(), choices: try r.read()) }
}

extension IntentDefinition: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.write(id); w.write(topic); w.write(title); w.write(examples); w.write(patterns); w.write(negatives)
        w.write(answer); w.write(followUps); w.write(context); w.write(source); w.write(asOf); w.write(slot)
        w.write(ask); w.write(lookup); w.write(missing); w.write(collectsMessage); w.write(calculate); w.write(audience.rawValue)
        w.write(location)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.read(), topic: try r.read(), title: try r.read(), examples: try r.read(), patterns: try r.read(),
                  negatives: try r.read(), answer: try r.read(), followUps: try r.read(), context: try r.read(),
                  source: try r.read(), asOf: try r.read(), slot: try r.read(), ask: try r.read(), lookup: try r.read(),
                  missing: try r.read(), collectsMessage: try r.read(), calculate: try r.read(),
                  audience: Audience(rawValue: try r.read()) ?? .everyone, location: try r.read())
    }
}

extension EntityValue: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.write(type); w.write(id); w.write(names); w.write(location); w.write(within); w.write(topic)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(type: try r.read(), id: try r.read(), names: try r.read(), location: try r.read(), within: try r.read(),
                  topic: try r.read())
    }
}

extension DataTable: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.write(name); w.write(key); w.write(rows); w.write(rowLocations); w.write(location)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(name: try r.read(), key: try r.read(), rows: try r.read(), rowLocations: try r.read(), location: try r.read())
    }
}

extension FlowStep: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.write(id); w.write(question)
        w.writeCount(choices.count)
        for c in choices { w.write(c.value); w.write(c.label) }
        w.write(scores); w.write(role); w.write(also)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        let id: String = try r.read(), question: Localized = try r.read()
        var choices: [(value: String, label: Localized)] = []
        for _ in 0..<(try r.readCount(minimumSize: 12)) { choices.append((try r.read(), try r.read())) }
        self.init(id: id, question: question, choices: choices, scores: try r.read(), role: try r.read(), also: try r.read())
    }
}

extension FlowDefinition: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.write(id); w.write(startIntent); w.write(steps); w.write(recommendFrom); w.write(intro); w.write(result)
        w.write(letters); w.write(location)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(id: try r.read(), startIntent: try r.read(), steps: try r.read(), recommendFrom: try r.read(), intro: try r.read(),
                  result: try r.read(), letters: try r.read(), location: try r.read())
    }
}

extension MatchSettings: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.write(answerThreshold); w.write(clarifyThreshold); w.write(exampleWeight); w.write(modelWeight)
        w.write(modelTemperature); w.write(clarifyMargin); w.write(topicBoost); w.write(followUpBoost)
        w.write(longMessageWords); w.write(longMessageFactor); w.write(fallbackSuggestions); w.write(languages); w.write(abroadWords)
        w.write(employerWords); w.write(audienceBoost)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(answerThreshold: try r.read(), clarifyThreshold: try r.read(), exampleWeight: try r.read(), modelWeight: try r.read(),
                  modelTemperature: try r.read(), clarifyMargin: try r.read(), topicBoost: try r.read(), followUpBoost: try r.read(),
                  longMessageWords: try r.read(), longMessageFactor: try r.read(), fallbackSuggestions: try r.read(),
                  languages: try r.read(), abroadWords: try r.read(),
                  employerWords: try r.read(), audienceBoost: try r.read())
    }
}

extension KnowledgeBase: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.write(topics); w.write(intents); w.write(lexicon); w.write(synonyms); w.write(entities); w.write(spellings)
        w.write(tables); w.write(flows); w.write(outOfScope); w.write(referrals); w.write(settings); w.write(fingerprint)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        self.init(topics: try r.read(), intents: try r.read(), lexicon: try r.read(), synonyms: try r.read(), entities: try r.read(),
                  spellings: try r.read(), tables: try r.read(), flows: try r.read(), outOfScope: try r.read(),
                  referrals: try r.read(), settings: try r.read(), fingerprint: try r.read())
    }
}

extension PromptSet: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.write(texts) }
    init(from r: inout SnapshotReader) throws(SnapshotError) { self.init(texts: try r.read()) }
}

extension Diagnostic: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.write(severity); w.write(file); w.write(line); w.write(column); w.write(message); w.write(hint)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        let severity: Severity = try r.read(), file: String = try r.read(), line: Int = try r.read(), column: Int = try r.read()
        self.init(severity, file: file, line: line, column: column, try r.read(), hint: try r.read())
    }
}
