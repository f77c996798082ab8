/// What a message and its conversation name: numbered choices, entities that fill a slot, and
/// the same question asked again about another value.
extension Turn {
    /// "2" after a menu picks the second choice.
    func numberedChoice() -> (intent: Int, entity: EntityMention?)? {
        guard analysis.tokens.count == 1, let n = Int(analysis.tokens[0].surface), n >= 1, n <= session.offeredChoices.count else { return nil }
        let choice = ChoiceCode(session.offeredChoices[n - 1])
        guard let i = engine.knowledge.intentIndex[choice.intent] else { return nil }
        let entity = choice.entity.flatMap { e in engine.entityValues[e.type]?[e.id].map { EntityMention(type: e.type, id: e.id, text: $0.names.first ?? e.id) } }
        return (i, entity)
    }

    /// "kalau Jawa Timur?" after a wage answer: the same intent with the new entity.
    func entityFollowUp(_ top: Candidate?) -> (intent: Int, entity: EntityMention)? {
        guard let last = session.lastIntent, let i = engine.knowledge.intentIndex[last], let slot = kb.intents[i].slot?.value,
              let named = slotMention(slot) else { return nil }
        let e = named.place ?? named.value
        let otherWords = analysis.tokens.filter { $0.entity == nil && $0.surface.count > 2 && !Self.fillers.contains($0.surface) }.count
        guard otherWords <= 2 else { return nil }
        // A clearly different question about the new entity wins; context boosts do not count
        // here, they favour exactly the intents this rule competes with.
        if let top, top.intent != i, top.score - top.boost >= settings.answerThreshold + 0.15, kb.intents[top.intent].slot?.value == slot {
            return nil
        }
        return (i, e)
    }

    /// "yg di Solo?" after a question about BLK in Semarang: the message names another value of
    /// an entity type the conversation already named (and otherwise only topic-neutral words),
    /// so it asks the last question again about the new value.
    /// A pattern, or another intent of the same topic that answers on its own ("requirements
    /// for a bank teller" after where to find bank teller jobs), is a new question about the
    /// new value: the ranking decides. The rule only overrides a ranking that the entity alone drags to another topic
    /// (every city is named in wage questions).
    /// "what about SMK graduates?" after "can fresh graduates join Magang Nasional?": a short
    /// message that opens with a joining phrase asks the last question again about something
    /// else, when the ranking would take it to another topic without a clear reason.
    func connectiveFollowUp(_ top: Candidate?) -> Int? {
        guard let last = session.lastIntent, let i = engine.knowledge.intentIndex[last], engine.matcher.eligible(i, session) else { return nil }
        let words = analysis.tokens.map(\.surface)
        guard let opener = Self.followUpOpeners.first(where: { words.starts(with: $0) }) else { return nil }
        let rest = analysis.tokens.dropFirst(opener.count).filter { $0.entity == nil && !Self.fillers.contains($0.surface) && $0.surface.count > 2 }
        guard rest.count <= 3 else { return nil }
        if let top, top.intent != i {
            // Another intent of the same topic is another question about the same subject
            // ("what about meals and pocket money?" after the cost of training); one of another
            // topic that answers on its own by a wide margin is a new question.
            if kb.intents[top.intent].topic == kb.intents[i].topic || top.score - top.boost >= settings.answerThreshold + 0.15 { return nil }
        }
        // The topic's best reading of the new words ("and a certificate when it's done?" after
        // apprentices' BPJS cover), else the last question itself.
        if let ranking, let inTopic = bestCandidate(in: kb.intents[i].topic, ranking), inTopic.score >= Self.conversationFloor {
            return inTopic.intent
        }
        return i
    }

    /// Words that open a follow-up about something else: "kalau …?", "what about …?".
    static let followUpOpeners: [[String]] = [["kalau"], ["and"], ["what", "about"], ["how", "about"], ["terus", "kalau"], ["lalu", "kalau"],
                                              ["bagaimana", "dengan"], ["gimana", "dengan"], ["bagaimana", "kalau"], ["gimana", "kalau"]]

    func entitySwap(_ top: Candidate?) -> (intent: Int, entity: EntityMention)? {
        guard let last = session.lastIntent, let i = engine.knowledge.intentIndex[last], engine.matcher.eligible(i, session) else { return nil }
        if let top, top.pattern != nil
            || (top.intent != i && kb.intents[top.intent].topic == kb.intents[i].topic && top.score >= settings.answerThreshold) { return nil }
        guard let e = analysis.entities.first(where: { e in session.slots[e.type].map { $0 != e.id } ?? false }) else { return nil }
        return (i, e)
    }

    /// What fills `slot` in this message: an entity of that type, or one that lies in such an
    /// entity ("Bekasi" fills `province` with Jawa Barat, and Bekasi is the `place`).
    func slotMention(_ slot: String) -> (value: EntityMention, place: EntityMention?)? {
        if let e = analysis.entities.first(where: { $0.type == slot }) { return (e, nil) }
        return analysis.entities.lazy.compactMap { resolve($0, to: slot) }.first
    }

    /// What fills `slot` from the conversation: a value remembered for it, else a remembered
    /// entity that lies in one ("BLK di Semarang" earlier, then "umr nya berapa?": Jawa Tengah,
    /// with Semarang as the place).
    func remembered(_ slot: String) -> (value: EntityMention, place: EntityMention?)? {
        func mention(_ type: String, _ id: String) -> EntityMention? {
            engine.entityValues[type]?[id].map { EntityMention(type: type, id: id, text: $0.names.first ?? id) }
        }
        if let id = session.slots[slot], let value = mention(slot, id) { return (value, nil) }
        for type in session.slots.keys.sorted() where type != slot {
            if let id = session.slots[type], let e = mention(type, id), let r = resolve(e, to: slot) { return r }
        }
        return nil
    }

    /// `e` itself when it is of type `slot`; else the `slot` entity it lies in, if any.
    func resolve(_ e: EntityMention, to slot: String) -> (value: EntityMention, place: EntityMention?)? {
        if e.type == slot { return (e, nil) }
        guard let id = engine.entityValues[e.type]?[e.id]?.within[slot]?.value, let larger = engine.entityValues[slot]?[id] else { return nil }
        return (EntityMention(type: slot, id: id, text: larger.names.first ?? id), e)
    }
}
