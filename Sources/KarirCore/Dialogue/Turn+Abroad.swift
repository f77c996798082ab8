/// Work abroad named in a conversation: answers written for work in Indonesia open with their
/// topic's `abroad_note` (probes 29a, 29b, 29e, 29f: a helper in Singapore whose passport was
/// taken, a driver stuck in Saudi Arabia, a sister unpaid in Malaysia were told to ask HR, go to
/// the regency's Disnaker or compare with the city's minimum wage).
extension Turn {
    /// Whether the message names work abroad: a word or phrase of ``MatchSettings/abroadWords``,
    /// as read or as typed (a country name the knowledge does not know may be spell-corrected).
    func namesAbroad() -> Bool { names(engine.knowledge.abroadPhrases) }

    /// Whether the message holds one of `phrases` (by first word,
    /// ``CompiledKnowledge/phrasesByFirstWord(_:)``), each word as read or as typed. A named
    /// value counts by its words ("saya staf hrd": the occupation "staf hrd" after "saya").
    func names(_ phrases: [String: [[String]]]) -> Bool {
        guard !phrases.isEmpty else { return false }
        // Most messages hold no phrase's first word: look that up before collecting the words
        // (collecting them for every message and both phrase sets was 2–4% of an answer's time).
        let mayName = analysis.tokens.contains { t in
            if let entity = t.entity { return entity.text.lowercased().split(separator: " ").contains { phrases[String($0)] != nil } }
            return phrases[t.surface] != nil || t.typed.map { phrases[$0] != nil } == true
        }
        guard mayName else { return false }
        var words: [(read: String, typed: String?)] = []
        for t in analysis.tokens {
            if let entity = t.entity {
                words += entity.text.lowercased().split(separator: " ").map { (String($0), nil) }
            } else {
                words.append((t.surface, t.typed))
            }
        }
        for k in words.indices {
            for word in [words[k].read, words[k].typed].compactMap(\.self) {
                guard let candidates = phrases[word] else { continue }
                if candidates.contains(where: { Self.spells(words, from: k, phrase: $0) }) { return true }
            }
        }
        return false
    }

    /// Whether `phrase` is spelled by the words from `k` on (each as read or as typed).
    static func spells(_ words: [(read: String, typed: String?)], from k: Int, phrase: [String]) -> Bool {
        guard k + phrase.count <= words.count else { return false }
        return phrase.indices.allSatisfy { j in words[k + j].read == phrase[j] || words[k + j].typed == phrase[j] }
    }

    /// `reply` with its topic's `abroad_note` before the answer when this message or an earlier
    /// one named work abroad, and no later one named a place in Indonesia; the session
    /// remembers which.
    func withAbroadNote(_ reply: Reply, before: Session) -> Reply {
        var reply = reply
        let here = namesAbroad()
        // A place in Indonesia named without any abroad ("dibayar 100rb sehari di surabaya"
        // after "saya kerja di malaysia") brings the conversation home: no note from then on.
        if !here, analysis.entities.contains(where: { PlaceReference.placeTypes.contains($0.type) }) {
            reply.session.abroad = nil
            return reply
        }
        guard here || before.abroad == true else { return reply }
        reply.session.abroad = true
        guard reply.kind == .answer, let topic = engine.knowledge.topicIndex[reply.topic], let note = topic.abroadNote?[language],
              !note.isEmpty, !reply.text.contains(note) else { return reply }
        reply.text = note + "\n" + reply.text
        if explain { reply.trace?.rule += "; work abroad named in the conversation: the topic's abroad note first" }
        return reply
    }
}
