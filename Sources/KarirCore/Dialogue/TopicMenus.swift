/// The topics' menus (``TopicMenu``) by the words that open them: a message that does nothing
/// but name a topic ("gaji", "soal kontrak dong", "bpjs?") gets the topic's choices. A kiosk
/// user who types one word has not said which of a dozen wage questions they have; guessing one
/// (late wages, for "gaji") answers a question nobody asked.
struct TopicMenus: Sendable {
    /// Topic positions (in the knowledge base's `topics`) by the words of a menu word as the
    /// analyser reads them, joined by spaces.
    private let topics: [String: Int]
    /// Topic positions by the entity type a menu word `@type` names ("@occupation": a message
    /// that is only a job's name, "operator produksi").
    private let entityTopics: [String: Int]

    init(_ kb: KnowledgeBase, analyzer: TextAnalyzer) {
        var topics: [String: Int] = [:]
        var entityTopics: [String: Int] = [:]
        for (n, topic) in kb.topics.enumerated() {
            for word in topic.menu?.words ?? [] {
                if word.value.hasPrefix("@") {
                    let type = String(word.value.dropFirst())
                    if entityTopics[type] == nil { entityTopics[type] = n }
                    continue
                }
                let key = Self.key(analyzer.analyze(word.value, sessionLanguage: nil).tokens)
                if !key.isEmpty, topics[key] == nil { topics[key] = n }
            }
        }
        self.topics = topics
        self.entityTopics = entityTopics
    }

    /// The topic and the value a message of these tokens only names through an entity of a
    /// type a menu names (`@occupation`): "operator produksi", "barista?", "info kerja satpam
    /// dong".
    func topic(namingAValue tokens: [Token]) -> (topic: Int, entity: EntityMention)? {
        guard !entityTopics.isEmpty, tokens.count <= Self.longestMessage else { return nil }
        let left = tokens.filter { !Self.framingWords.contains($0.surface) && !Self.valueFramingWords.contains($0.surface) }
        guard left.count == 1, let entity = left[0].entity, let n = entityTopics[entity.type] else { return nil }
        return (n, entity)
    }

    /// Words around a value's name that only say what kind of thing it is ("kerja satpam?").
    /// Not "jadi"/"become" ("mau jadi perawat" asks how to become one), "lowongan" ("lowongan
    /// satpam" asks where the vacancies are) nor "pekerjaan"/"profesi" ("info seputar pekerjaan
    /// teknisi AC" asks what the job is).
    static let valueFramingWords: Set<String> = ["kerja", "kerjaan", "job", "a", "an", "work"]

    /// The topic a message of these tokens only names, if any: its words without those that
    /// merely frame a subject ("mau tanya soal …", "… dong kak", "info …") are one of a menu's
    /// words.
    func topic(named tokens: [Token]) -> Int? {
        guard !topics.isEmpty, tokens.count <= Self.longestMessage else { return nil }
        let key = Self.key(tokens.filter { !Self.framingWords.contains($0.surface) })
        return key.isEmpty ? nil : topics[key]
    }

    private static func key(_ tokens: [Token]) -> String {
        tokens.map(\.surface).joined(separator: " ")
    }

    /// A message longer than this says more than a topic's name.
    static let longestMessage = 6

    /// Words around a topic's name that add no subject of their own.
    static let framingWords: Set<String> = AskingPreamble.openers
        .union(AskingPreamble.trailing)
        .union(AskingPreamble.addressWords)
        .union(AskingPreamble.fillers)
        .union(AskingPreamble.askingSurfaces)
        .union(["soal", "tentang", "masalah", "mengenai", "perihal", "seputar", "info", "informasi", "about", "regarding",
                "pertanyaan", "help", "bantuan", "tolong", "the",
                // "duit bpjs sy gimana", "how about my salary": asks about the topic without
                // saying what.
                "bagaimana", "gimana", "gmn", "how", "duit", "uang", "money", "my", "punya", "urusan"])
}

extension Turn {
    /// The menu of the topic the message only names (``TopicMenus``): the topic's choices,
    /// asked back like a clarify, and the topic becomes the conversation's, so that a follow-up
    /// in words ("yang telat") is read within it.
    /// - Parameter values: whether the menus opened by a value's name (`@occupation`) are tried
    ///   (after the rule that asks the last question again about a new value) rather than those
    ///   opened by words.
    mutating func topicMenu(values: Bool = false) -> Reply? {
        let named: (topic: Int, entity: EntityMention?)?
        if values {
            named = engine.topicMenus.topic(namingAValue: analysis.tokens).map { ($0.topic, $0.entity) }
        } else {
            named = engine.topicMenus.topic(named: analysis.tokens).map { ($0, nil) }
        }
        guard let (n, entity) = named, let menu = kb.topics[n].menu else { return nil }
        let topic = kb.topics[n]
        let choices = menu.choices.compactMap { engine.knowledge.intentIndex[$0.value] }.enumerated().map { k, i in
            choice(i, number: k + 1)
        }
        guard choices.count >= 2 else { return nil }
        rule = traced(entity.map { "the message only names \($0.type) `\($0.id)`: the menu of topic `\(topic.id)`" }
            ?? "the message only names topic `\(topic.id)`: its menu")
        // A value named is remembered, so that the choice picked answers about it.
        if let entity { session.slots[entity.type] = entity.id }
        session.offeredChoices = choices.map(\.intent)
        session.activeTopic = topic.id
        session.lastIntent = nil
        session.subject = nil
        session.pendingIntent = nil
        let name = entity.map { mention($0.type, $0.id)?.text ?? $0.text } ?? topic.title[language]
        let values: [String: Any] = ["topic": name, "choices": Choice.templateValues(choices)]
        var text = engine.prompt("topic_menu", language, values)
        if text.isEmpty { text = engine.prompt("clarify", language, values) }
        return finish(Reply(text: text, kind: .clarify, topic: BuiltInTopic.clarify, intent: nil, confidence: 1,
                            language: language, candidates: choices, session: session))
    }
}
