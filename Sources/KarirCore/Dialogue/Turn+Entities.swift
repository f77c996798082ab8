/// What a message and its conversation name: numbered choices, entities that fill a slot, and
/// the same question asked again about another value.
extension Turn {
    /// "2" (or "yang kedua", ``ChoiceNumber``) after a menu picks the second choice.
    func numberedChoice() -> (intent: Int, entity: EntityMention?)? {
        guard !session.offeredChoices.isEmpty, let n = ChoiceNumber.read(analysis.tokens), n >= 1, n <= session.offeredChoices.count else { return nil }
        let choice = ChoiceCode(session.offeredChoices[n - 1])
        guard let i = engine.knowledge.intentIndex[choice.intent] else { return nil }
        return (i, choice.entity.flatMap { mention($0.type, $0.id) })
    }

    /// "kalau Jawa Timur?" after a wage answer: the same intent with the new entity.
    func entityFollowUp(_ top: Candidate?) -> (intent: Int, entity: EntityMention)? {
        guard let last = session.lastIntent, let i = engine.knowledge.intentIndex[last], let slot = kb.intents[i].slot?.value,
              let named = slotMention(slot) else { return nil }
        guard contentWords(analysis.tokens[...]) <= 2 else { return nil }
        // The place the conversation already names is no new one ("is there a BLK there?" after
        // Central Java's minimum wage, read as "… a BLK in Central Java"). Nor is another value
        // it already names when the ranking reads the message clearly as another question
        // ("warehouse staff minimum wage in Tangerang?" after openings for warehouse staff);
        // a vaguer message about it is still the last question ("what about pipe welders?").
        let specific = named.place ?? named.value
        if session.slots[specific.type] == specific.id,
           PlaceReference.placeTypes.contains(specific.type) || top.map(isClearlyAnotherQuestion) == true { return nil }
        // Nearer an out-of-scope example than any intent's example, it is another question about
        // the place ("cuaca manado besok gmn" after the minimum wage of North Sulawesi).
        if ranking?.outOfScopeIsNearer == true { return nil }
        // A clearly different question about the new entity wins.
        if let top, top.intent != i, isClearlyAnotherQuestion(top), kb.intents[top.intent].slot?.value == slot { return nil }
        return (i, named.place ?? named.value)
    }

    /// "what about SMK graduates?" after "can fresh graduates join Magang Nasional?": a short
    /// message that opens with a joining phrase asks the last question again about something
    /// else, when the ranking would take it to another topic without a clear reason.
    func connectiveFollowUp(_ top: Candidate?) -> Int? {
        guard let i = lastEligibleIntent() else { return nil }
        guard isShortJoiningFollowUp() else { return nil }
        // Another intent of the same topic is another question about the same subject ("what
        // about meals and pocket money?" after the cost of training); one of another topic that
        // answers on its own by a wide margin is a new question.
        if let top, top.intent != i, kb.intents[top.intent].topic == kb.intents[i].topic || isClearlyAnotherQuestion(top) { return nil }
        // So is one naming a job (or another value that is no place) that another topic's answer
        // takes and the last answer does not ("kalau mau jadi barista gimana?" after what SMA
        // graduates can do: the barista's requirements). A place is no new question: "kalau
        // saya di Sleman?" after where to get the AK/1 card is still about the card.
        if let top, top.intent != i, top.score >= settings.answerThreshold, let slot = kb.intents[top.intent].slot?.value,
           !PlaceReference.placeTypes.contains(slot), kb.intents[i].slot?.value != slot, slotMention(slot) != nil { return nil }
        // The topic's best reading of the new words ("and a certificate when it's done?" after
        // apprentices' BPJS cover), else the last question itself: a reading below
        // ``joiningFollowUpFloor`` is noise, and the last answer usually covers the new case
        // ("kalau umur 19?" after the age rule for working abroad, "kalau umur saya 46?" after
        // who may join BLK training).
        if let ranking, let inTopic = bestCandidate(in: kb.intents[i].topic, ranking), inTopic.score >= Self.joiningFollowUpFloor {
            return inTopic.intent
        }
        return i
    }

    /// The least score at which another intent of the last answer's topic reads a follow-up
    /// opening with a joining word. Measured over the 8,603 evaluation questions asked in one
    /// session: the conversation floor (0.08) against 0.15 changed three replies, each to the
    /// better (the last question's intent instead of a sibling read at 0.08–0.15); 0.2 and 0.25
    /// changed nothing more, and no evaluation row moved.
    static let joiningFollowUpFloor = 0.15

    /// Words that open a follow-up about something else: "kalau …?", "what about …?".
    static let followUpOpeners: [[String]] = [["kalau"], ["and"], ["what", "about"], ["how", "about"], ["terus", "kalau"], ["lalu", "kalau"],
                                              ["bagaimana", "dengan"], ["gimana", "dengan"], ["bagaimana", "kalau"], ["gimana", "kalau"]]

    /// "yg di Solo?" after a question about BLK in Semarang: the message names another value of
    /// an entity type the conversation already named (and otherwise only topic-neutral words),
    /// so it asks the last question again about the new value. A pattern, or another intent of
    /// the same topic that answers on its own ("requirements for a bank teller" after where to
    /// find bank teller jobs), is a new question about the new value: the ranking decides. The
    /// rule only overrides a ranking that the entity alone drags to another topic (every city
    /// is named in wage questions). Cities and provinces count as one type here: both are places.
    func entitySwap(_ top: Candidate?) -> (intent: Int, entity: EntityMention)? {
        // A correction that negates more than a place says the last question was misread, so
        // the message is not that question again ("bukan luar negeri, pabrik di karawang" after
        // pay abroad); one negating only a place still is ("bukan jakarta, bekasi").
        guard let i = lastEligibleIntent(), negatedWords().isEmpty else { return nil }
        if let top, top.pattern != nil
            || (top.intent != i && kb.intents[top.intent].topic == kb.intents[i].topic && top.score >= settings.answerThreshold) { return nil }
        guard let e = analysis.entities.first(where: { e in
            if let named = session.slots[e.type] { return named != e.id }
            // A city after a province, or a province after a city, is another place too
            // ("kalau di Sleman?" after AK/1 in Jogja).
            return PlaceReference.placeTypes.contains(e.type)
                && (PlaceReference.placeTypes.contains { $0 != e.type && session.slots[$0] != nil }
                    || onlyNamesAPlace(after: i))
        }) else { return nil }
        // Another job, when another answer reads the message at the answer threshold on its
        // own, the conversation's boost aside, is that answer's question: "kerjaan satpam itu
        // ngapain aja?" asks what guards do, whatever was asked before. (Another place is still
        // the last question again: "kalau di sleman?" after where to get the AK/1 card in Jogja.)
        if !PlaceReference.placeTypes.contains(e.type), let top, top.intent != i,
           top.score - top.boost >= settings.answerThreshold { return nil }
        return (i, e)
    }

    /// "jakarta" typed alone after the answer about where to look for work: a message naming
    /// only a place, after an ordinary answer that takes no place and while the conversation
    /// names none, asks that answer again for the place (it said how to search in a given
    /// city); read alone, every place name goes to its minimum wage (probe 23c c01, c36).
    func onlyNamesAPlace(after i: Int) -> Bool {
        kb.intents[i].slot == nil && priority(of: i) == .normal
            && !PlaceReference.placeTypes.contains { session.slots[$0] != nil }
            && contentWords(analysis.tokens[...]) <= 2
    }

    /// The last answered intent, when it may be answered again here (its context holds).
    func lastEligibleIntent() -> Int? {
        guard let last = session.lastIntent, let i = engine.knowledge.intentIndex[last], engine.matcher.eligible(i, session) else { return nil }
        return i
    }

    /// A candidate that answers on its own by a wide margin, context boosts not counted (they
    /// favour exactly the intents the follow-up rules compete with).
    func isClearlyAnotherQuestion(_ c: Candidate) -> Bool {
        c.score - c.boost >= settings.answerThreshold + 0.15
    }

    /// Words of `tokens` that carry content: not entities, joining words or two-letter words.
    func contentWords(_ tokens: ArraySlice<Token>) -> Int {
        tokens.count { $0.entity == nil && $0.surface.count > 2 && !Self.fillers.contains($0.surface) }
    }

    /// What fills `slot` in this message: an entity of that type, or one that lies in such an
    /// entity ("Bekasi" fills `province` with Jawa Barat, and Bekasi is the `place`).
    /// A place that lies in the value named ("umr semarang dan jawa tengah") is kept as the place:
    /// its answer says more.
    func slotMention(_ slot: String) -> (value: EntityMention, place: EntityMention?)? {
        if let e = askedEntities.first(where: { $0.type == slot }) {
            let inside = askedEntities.lazy.compactMap { self.resolve($0, to: slot) }.first { $0.place != nil && $0.value.id == e.id }
            return inside ?? (e, nil)
        }
        return askedEntities.lazy.compactMap { resolve($0, to: slot) }.first
    }

    /// Whether answering intent `i` now would ask back for its slot's value: neither the
    /// message nor the conversation names one ("nomor yg bisa dihubungi apa" for the contact
    /// channels).
    func asksForItsValue(_ i: Int) -> Bool {
        guard let slot = kb.intents[i].slot?.value else { return false }
        return slotMention(slot) == nil && remembered(slot) == nil
    }

    /// What fills `slot` from the conversation: a value remembered for it, else a remembered
    /// entity that lies in one ("BLK di Semarang" earlier, then "umr nya berapa?": Jawa Tengah,
    /// with Semarang as the place).
    func remembered(_ slot: String) -> (value: EntityMention, place: EntityMention?)? {
        if let id = session.slots[slot], let value = mention(slot, id) { return (value, nil) }
        for type in session.slots.keys.sorted() where type != slot {
            if let id = session.slots[type], let e = mention(type, id), let r = resolve(e, to: slot) { return r }
        }
        return nil
    }

    /// `e` itself when it is of type `slot`; else the `slot` entity it lies in, if any.
    func resolve(_ e: EntityMention, to slot: String) -> (value: EntityMention, place: EntityMention?)? {
        if e.type == slot { return (e, nil) }
        guard let id = engine.entityValues[e.type]?[e.id]?.within[slot]?.value, let larger = mention(slot, id) else { return nil }
        return (larger, e)
    }

    /// A known entity value as a mention, named by its first (display) name; nil when the
    /// knowledge has no such value (an old session, a changed file).
    func mention(_ type: String, _ id: String) -> EntityMention? {
        engine.entityValues[type]?[id].map { EntityMention(type: type, id: id, text: $0.names.first ?? id) }
    }

    /// An earlier message (the subject, the question referred, the previous message) read
    /// together with this one, in this message's language.
    func joined(after earlier: String) -> Analysis {
        reading(of: engine.knowledge.analyzer.analyze(earlier, sessionLanguage: session.language).tokens + analysis.tokens)
    }

    /// Some tokens read as a message of their own, in this message's language (a part of it, or
    /// it joined with an earlier one).
    func reading(of tokens: [Token]) -> Analysis {
        Analysis(tokens: tokens, language: analysis.language, languageScore: analysis.languageScore)
    }

    /// Whether the message opens with a joining phrase (``followUpOpeners``: "kalau", "what
    /// about" …) followed by at most three words of content: "kalau JHT nya?", "what about
    /// someone who's 60?".
    func isShortJoiningFollowUp() -> Bool {
        let words = analysis.tokens.map(\.surface)
        guard let opener = Self.followUpOpeners.first(where: { words.starts(with: $0) }) else { return false }
        return contentWords(analysis.tokens.dropFirst(opener.count)) <= 3
    }
}
