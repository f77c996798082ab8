import Foundation

extension Engine {
    /// Answers one message in the given session.
    /// - Parameters:
    ///   - text: the user's message, any size or content (it is cleaned and capped).
    ///   - session: the conversation so far; a fresh `Session()` for a new one.
    ///   - language: forces the answer language (otherwise detected, session as tie-breaker).
    ///   - explain: fill ``Reply/trace`` with the decision trace.
    public func respond(to text: String, in session: Session, language: Language? = nil, explain: Bool = false) -> Reply {
        var turn = Turn(engine: self, session: session, text: text, forced: language, explain: explain)
        return turn.run()
    }
}

/// One message being answered: the analysis, the decision and the reply.
struct Turn {
    let engine: Engine
    var session: Session
    let text: String
    let analysis: Analysis
    let language: Language
    let explain: Bool
    var ranking: Matcher.Ranking?
    var rule = ""
    /// A close runner-up to offer first among the suggestions.
    var alsoSuggest: Int?

    var kb: KnowledgeBase { engine.knowledge.base }
    var settings: MatchSettings { engine.knowledge.base.settings }

    init(engine: Engine, session: Session, text: String, forced: Language?, explain: Bool) {
        self.engine = engine
        self.session = session
        self.text = text
        self.explain = explain
        let analysis = engine.knowledge.analyzer.analyze(text, sessionLanguage: session.language)
        self.analysis = analysis
        let detected = forced ?? (analysis.tokens.isEmpty ? (session.language ?? .id) : analysis.language)
        let languages = engine.knowledge.base.settings.languages
        self.language = languages.contains(detected) ? detected : (languages.first ?? detected)
    }

    mutating func run() -> Reply {
        session.turn += 1
        session.language = language

        if analysis.tokens.isEmpty {
            rule = "empty message"
            return finish(Reply(text: engine.prompt("help", language), kind: .fallback, topic: BuiltInTopic.fallback, intent: nil,
                                confidence: 0, language: language, session: session))
        }
        if session.flow != nil, let reply = FlowRunner.handle(&self) { return reply }
        if let choice = numberedChoice() {
            rule = "numbered choice"
            return answer(intent: choice.intent, score: 1, entity: choice.entity)
        }

        let ranking = self.ranking ?? engine.matcher.rank(analysis, session: session)
        self.ranking = ranking
        let top = ranking.candidates.first

        if let pending = session.pendingIntent, let i = engine.knowledge.intentIndex[pending], let slot = kb.intents[i].slot?.value {
            if let e = slotMention(slot) {
                rule = "slot filled for \(pending)"
                return answer(intent: i, score: 1, entity: e.place ?? e.value)
            }
            session.pendingIntent = nil
            if (top?.score ?? 0) < settings.answerThreshold && analysis.tokens.count <= 3 {
                rule = "slot still missing for \(pending)"
                session.pendingIntent = pending
                let again = engine.prompt("ask_slot_again", language)
                let ask = engine.knowledge.asks[i][language]?.render() ?? ""
                return finish(Reply(text: [again, ask].filter { !$0.isEmpty }.joined(separator: " "), kind: .ask, topic: kb.intents[i].topic,
                                    intent: pending, confidence: 0, language: language, session: session))
            }
        }

        if let followUp = entityFollowUp(top) {
            rule = "same question, new \(followUp.entity.type)"
            return answer(intent: followUp.intent, score: max(top?.score ?? 0, settings.answerThreshold), entity: followUp.entity)
        }

        // Safety comes first: a high-priority intent wins when it is nearly as good as the best
        // candidate, and also, on a lower bar, when it is the best one; missing a cry for help
        // costs more than a caring answer to a question that did not need it.
        if let top, let safety = ranking.candidates.first(where: { isHighPriority($0.intent) }),
           (safety.score >= settings.clarifyThreshold && safety.score >= 0.75 * top.score)
            || (safety.intent == top.intent && safety.score >= 0.75 * settings.clarifyThreshold) {
            rule = safety.pattern.map { "pattern \($0)" } ?? "high-priority topic"
            return answer(intent: safety.intent, score: safety.score, entity: nil)
        }

        if ranking.entitySwap, let swap = entitySwap(top) {
            rule = "same question as the last one, about another \(swap.entity.type)"
            var reply = answer(intent: swap.intent, score: max(top?.score ?? 0, settings.answerThreshold), entity: swap.entity)
            // An answer that does not depend on the place or job says so, rather than repeating
            // itself as if the question had not been understood.
            if reply.kind == .answer, kb.intents[swap.intent].slot == nil {
                let name = engine.entityValues[swap.entity.type]?[swap.entity.id]?.names.first ?? swap.entity.text
                let lead = engine.prompt("same_answer_for", language, ["place": name])
                if !lead.isEmpty { reply.text = lead + "\n" + reply.text }
            }
            return reply
        }

        guard let top else { return fallback(reason: "no intent shares a word with the message") }
        if let pattern = top.pattern {
            rule = "pattern \(pattern)"
            return answer(intent: top.intent, score: 1, entity: nil)
        }
        // Pleasantries around a question never hide it: a low-priority topic (smalltalk) yields
        // to another topic's intent that answers on its own and that no out-of-scope example
        // beats.
        if priority(of: top.intent) == .low,
           let question = ranking.candidates.first(where: { priority(of: $0.intent) != .low && $0.score >= settings.answerThreshold }),
           ranking.outOfScope <= question.example + question.boost {
            rule = "a question inside pleasantries (score \(fmt(question.score)) ≥ answer threshold \(fmt(settings.answerThreshold)))"
            return answer(intent: question.intent, score: question.score, entity: nil)
        }
        // The conversation is evidence too: "how much does it cost?" after a certification
        // answer is not an out-of-scope question merely because an out-of-scope example
        // ("… umrah, how much does it cost") shares its generic words.
        if ranking.outOfScope > top.example + top.boost {
            return fallback(reason: "closest to an out-of-scope example: \(ranking.outOfScopeExample ?? "")")
        }
        // A short question inside a conversation ("syaratnya apa?", "berapa lama?") is about
        // the conversation's topic when that topic has a plausible answer at all. So is one made
        // only of words that do not tell topics apart ("how long does it take?"), even when
        // another topic happens to hold that very wording: then the wording of the topic's
        // nearest example decides, not the model (which learnt that wording from the other).
        if let active = session.activeTopic, top.pattern == nil, kb.intents[top.intent].topic != active {
            let short = analysis.tokens.filter({ !Self.fillers.contains($0.surface) }).count <= 3
            if short, let inTopic = bestCandidate(in: active, ranking),
               inTopic.score >= settings.clarifyThreshold, inTopic.score >= 0.6 * top.score {
                rule = "short follow-up kept in the conversation's topic `\(active)`"
                return answer(intent: inTopic.intent, score: inTopic.score, entity: nil)
            }
            // "lowongannya di mana?" after questions about the police: a short follow-up naming
            // nothing, whose wording one of the topic's intents holds closely, and that intent
            // asks about something the conversation already named (its slot is remembered).
            if short, analysis.entities.isEmpty,
               let named = ranking.candidates.first(where: { c in
                   kb.intents[c.intent].topic == active && c.example >= Self.ellipticalExampleBar
                       && kb.intents[c.intent].slot.map { remembered($0.value) != nil } == true
               }) {
                rule = "short follow-up about the \(kb.intents[named.intent].slot?.value ?? "value") the conversation named, in topic `\(active)`"
                return answer(intent: named.intent, score: max(named.score, settings.answerThreshold), entity: nil)
            }
            if ranking.elliptical, let inTopic = ranking.nearestInTopic {
                if inTopic.example >= Self.ellipticalExampleBar {
                    rule = "elliptical follow-up (only topic-neutral words) kept in the conversation's topic `\(active)`"
                    return answer(intent: inTopic.intent, score: max(inTopic.score, settings.answerThreshold), entity: nil)
                }
                // The topic has only a loose match: ask rather than jump to another topic's
                // answer that merely shares the generic words.
                if inTopic.example >= Self.ellipticalExampleBar / 2 {
                    return clarify([inTopic, top])
                }
            }
        }
        // The same wording taught to several topics ("berapa biayanya?"): the conversation's
        // context picks one; without context, ask which was meant.
        let bestExample = ranking.candidates.prefix(5).map(\.example).max() ?? 0
        let sameWording = ranking.candidates.prefix(5).filter { $0.example >= 0.8 && bestExample - $0.example < 0.03 }
        if sameWording.count >= 2, Set(sameWording.map { kb.intents[$0.intent].topic }).count >= 2 {
            let inContext = sameWording.filter { $0.boost > 0 }
            if inContext.count == 1 {
                rule = "same wording in several topics; the conversation's context decides"
                return answer(intent: inContext[0].intent, score: max(inContext[0].score, settings.answerThreshold), entity: nil)
            }
            return clarify(Array((inContext.isEmpty ? sameWording : inContext).prefix(3)))
        }
        // A pleasantry is never a competing reading of a question: when the best candidate is
        // not small talk, small-talk candidates take no part in asking back.
        let readings = priority(of: top.intent) == .low ? ranking.candidates : ranking.candidates.filter { priority(of: $0.intent) != .low }
        let others = readings.dropFirst()
        // A long message shares fewer of its words with any one short example, so its cosine is
        // lower for the same evidence: long messages get a lower bar.
        let known = analysis.tokens.filter { $0.known && !Self.fillers.contains($0.surface) }.count
        let scale = known >= settings.longMessageWords ? settings.longMessageFactor : 1
        let answerBar = settings.answerThreshold * scale, clarifyBar = settings.clarifyThreshold * scale
        if top.score >= answerBar {
            // Two close candidates from different topics are two different questions: ask.
            // Close candidates of one topic are neighbouring answers: answer the best and
            // offer the other first among the suggestions.
            // (When the conversation's context already favours the top one, it has decided.)
            if let second = others.first, kb.intents[second.intent].topic != kb.intents[top.intent].topic,
               top.score - second.score < settings.clarifyMargin, top.boost <= second.boost {
                return clarify(Array(readings.prefix { top.score - $0.score < settings.clarifyMargin * 2 }.prefix(3)))
            }
            if let second = others.first, top.score - second.score < settings.clarifyMargin {
                alsoSuggest = second.intent
            }
            rule = "nearest examples (score \(fmt(top.score)) ≥ answer threshold \(fmt(answerBar)))"
            return answer(intent: top.intent, score: top.score, entity: nil)
        }
        // Inside a conversation, a follow-up that matches nothing well ("will I get banned?"
        // after a question about quitting Magang Nasional) is most likely about the
        // conversation's topic: its best intent answers, if it is plausible at all, the message
        // is mostly known words, and no out-of-scope example is nearer.
        if let active = session.activeTopic,
           let inTopic = bestCandidate(in: active, ranking) ?? ranking.nearestInTopic,
           inTopic.score >= Self.conversationFloor, inTopic.knownFactor >= 0.8,
           ranking.outOfScope <= inTopic.example + inTopic.boost {
            rule = "follow-up matching nothing well, answered within the conversation's topic `\(active)`"
            return answer(intent: inTopic.intent, score: inTopic.score, entity: nil)
        }
        // Unsure between several answers: ask. Unsure about a single one: that is a fallback
        // that offers it among the suggestions.
        let plausible = readings.prefix { $0.score >= clarifyBar }
        if plausible.count >= 2 {
            return clarify(Array(plausible.prefix(3)))
        }
        if top.score >= clarifyBar {
            return fallback(reason: "best score \(fmt(top.score)) below answer threshold \(fmt(answerBar)) and no second candidate above \(fmt(clarifyBar))")
        }
        return fallback(reason: "best score \(fmt(top.score)) below clarify threshold \(fmt(clarifyBar))")
    }

    // MARK: decisions

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

    /// The best-ranked candidate of `topic` among the best ten, if any.
    func bestCandidate(in topic: String, _ ranking: Matcher.Ranking) -> Candidate? {
        ranking.candidates.first { kb.intents[$0.intent].topic == topic }
    }

    /// How close the conversation topic's nearest example must be to an elliptical follow-up.
    static let ellipticalExampleBar = 0.45
    /// The least score of the conversation topic's best intent for a follow-up that matches
    /// nothing well.
    static let conversationFloor = 0.08

    static let fillers = TopicNeutralFeatures.connectives

    func isHighPriority(_ intent: Int) -> Bool { priority(of: intent) == .high }
    func priority(of intent: Int) -> TopicPriority { engine.knowledge.topicIndex[kb.intents[intent].topic]?.priority ?? .normal }

    // MARK: replies

    mutating func answer(intent i: Int, score: Double, entity: EntityMention?) -> Reply {
        // "UMP Jateng sama Jatim berapa?", "syarat jadi perawat dan bidan?": a question naming
        // several values of the intent's slot is answered for each (up to three), one after the
        // other.
        if entity == nil, let slot = kb.intents[i].slot?.value, !kb.flows.contains(where: { $0.startIntent == kb.intents[i].id }) {
            var named: [EntityMention] = []
            var seen: Set<String> = []
            for e in analysis.entities {
                guard let r = resolve(e, to: slot), seen.insert(r.value.id + "|" + (r.place?.id ?? "")).inserted else { continue }
                named.append(e)
            }
            if named.count >= 2 {
                var texts: [String] = []
                var last: Reply?
                for e in named.prefix(3) {
                    let reply = answer(intent: i, score: score, entity: e)
                    texts.append(reply.text)
                    last = reply
                }
                if var reply = last {
                    reply.text = texts.joined(separator: "\n\n")
                    rule += (rule.isEmpty ? "" : "; ") + "answered for each \(slot) named"
                    return finish(reply)
                }
            }
        }
        let def = kb.intents[i]
        // Every entity an answered message names is remembered ("BLK di Semarang"), so that a
        // later "yg di Solo?" can be read as the same question about another city, and a later
        // slot can be filled from the conversation.
        for e in analysis.entities { session.slots[e.type] = e.id }
        var values: [String: Any] = [:]
        if let source = def.source { values["source"] = source }
        if let asOf = def.asOf { values["as_of"] = asOf }
        var text: String
        if let slot = def.slot?.value {
            let named = entity.flatMap { resolve($0, to: slot) } ?? slotMention(slot) ?? remembered(slot)
            let chosen = named?.value.id
            if let place = named?.place {
                values["place"] = engine.entityValues[place.type]?[place.id]?.names.first ?? place.text
            }
            guard let valueID = chosen, let value = engine.entityValues[slot]?[valueID] else {
                session.pendingIntent = def.id
                session.activeTopic = def.topic
                if rule.isEmpty { rule = "slot `\(slot)` missing" }
                let ask = engine.knowledge.asks[i][language]?.render(values) ?? ""
                return finish(Reply(text: ask, kind: .ask, topic: def.topic, intent: def.id, confidence: score,
                                    language: language, session: session))
            }
            session.slots[slot] = valueID
            values["slot"] = value.names.first ?? valueID
            values["slot_id"] = valueID
            if let lookup = def.lookup?.value {
                if let row = kb.tables[lookup]?.rows[valueID] {
                    values["row"] = row
                } else {
                    session.pendingIntent = nil
                    session.lastIntent = def.id
                    session.activeTopic = def.topic
                    let missing = engine.knowledge.missing[i][language]?.render(values)
                        ?? (language == .id ? "Maaf, data untuk \(values["slot"] ?? valueID) belum ada." : "Sorry, there is no data for \(values["slot"] ?? valueID) yet.")
                    return finish(Reply(text: missing.trimmedWhitespace(), kind: .answer, topic: def.topic,
                                        intent: def.id, confidence: score, language: language,
                                        suggestions: suggestions(for: def), source: def.source, asOf: def.asOf, session: session))
                }
            }
        }
        text = engine.knowledge.answers[i][language]?.render(values) ?? ""
        session.pendingIntent = nil
        // Pleasantries (a low-priority topic) do not change what the conversation is about:
        // "makasih" between "syarat ak1?" and "biayanya berapa?" keeps the AK/1 context.
        if priority(of: i) != .low {
            session.lastIntent = def.id
            session.activeTopic = def.topic
        }
        let suggestions = suggestions(for: def)
        session.offeredChoices = suggestions.map(\.intent)
        var reply = Reply(text: text, kind: .answer, topic: def.topic, intent: def.id, confidence: min(1, max(0, score)),
                          language: language, suggestions: suggestions, source: def.source, asOf: def.asOf, session: session)
        if let flow = kb.flows.first(where: { $0.startIntent == def.id }) {
            reply = FlowRunner.start(flow, after: reply, turn: &self)
        }
        return finish(reply)
    }

    func suggestions(for def: IntentDefinition) -> [Choice] {
        var ids = def.followUps.map(\.value)
        if let extra = alsoSuggest.map({ kb.intents[$0].id }), extra != def.id, !ids.contains(extra) { ids.insert(extra, at: 0) }
        return ids.prefix(4).enumerated().compactMap { n, id in
            guard let j = engine.knowledge.intentIndex[id] else { return nil }
            return Choice(number: n + 1, intent: id, topic: kb.intents[j].topic, title: kb.intents[j].title[language])
        }
    }

    mutating func clarify(_ candidates: [Candidate]) -> Reply {
        rule = "top candidates too close (margin < \(fmt(settings.clarifyMargin))) or below answer threshold"
        let choices = candidates.enumerated().map { n, c in
            Choice(number: n + 1, intent: kb.intents[c.intent].id, topic: kb.intents[c.intent].topic,
                   title: kb.intents[c.intent].title[language], confidence: (c.score * 1000).rounded() / 1000)
        }
        session.offeredChoices = choices.map(\.intent)
        let text = engine.prompt("clarify", language, ["choices": choices.map { ["number": $0.number, "title": $0.title] }])
        return finish(Reply(text: text, kind: .clarify, topic: BuiltInTopic.clarify, intent: nil,
                            confidence: candidates.first?.score ?? 0, language: language, candidates: choices, session: session))
    }

    mutating func fallback(reason: String) -> Reply {
        rule = "fallback: \(reason)"
        var picks: [Choice] = []
        var topics: Set<String> = []
        for c in ranking?.candidates ?? [] where c.score >= 0.15 && picks.count < 3 {
            let def = kb.intents[c.intent]
            guard topics.insert(def.topic).inserted, !isHighPriority(c.intent) else { continue }
            picks.append(Choice(number: picks.count + 1, intent: def.id, topic: def.topic, title: def.title[language]))
        }
        if picks.isEmpty {
            for id in settings.fallbackSuggestions.prefix(3) {
                guard let j = engine.knowledge.intentIndex[id] else { continue }
                picks.append(Choice(number: picks.count + 1, intent: id, topic: kb.intents[j].topic, title: kb.intents[j].title[language]))
            }
        }
        session.offeredChoices = picks.map(\.intent)
        let text = engine.prompt("fallback", language, ["suggestions": picks.map { ["number": $0.number, "title": $0.title] }])
        return finish(Reply(text: text, kind: .fallback, topic: BuiltInTopic.fallback, intent: nil,
                            confidence: ranking?.candidates.first?.score ?? 0, language: language, suggestions: picks, session: session))
    }

    /// Adds the decision trace when it was asked for.
    func finish(_ reply: Reply) -> Reply {
        guard explain else { return reply }
        var reply = reply
        reply.trace = trace()
        return reply
    }

    func trace() -> Trace {
        let candidates = (ranking?.candidates ?? []).prefix(5).map { c in
            Trace.ScoredCandidate(
                intent: kb.intents[c.intent].id, topic: kb.intents[c.intent].topic, score: (c.score * 1000).rounded() / 1000,
                detail: c.pattern.map { "pattern: \($0)" }
                    ?? "(example \(fmt(c.example)) × \(fmt(settings.exampleWeight)) + centroid \(fmt(c.centroid)) × \(fmt(1 - settings.exampleWeight))) × model \(fmt(c.modelFactor)) × known words \(fmt(c.knownFactor)) + context \(fmt(c.boost)); nearest: \"\(c.nearest)\"")
        }
        var stems: [String] = []
        for t in analysis.tokens where t.stem != t.surface { stems.append("\(t.surface)→\(t.stem)") }
        for t in analysis.tokens { if let typed = t.typed { stems.append("typo \(typed)→\(t.surface)") } }
        var oos = ""
        if let r = ranking, r.outOfScope > 0 { oos = "; nearest out-of-scope example \(fmt(r.outOfScope))" }
        let unknown = analysis.tokens.filter { !$0.known }.map(\.surface)
        return Trace(normalized: analysis.normalized, tokens: analysis.tokens.map(\.surface), stems: stems,
                     entities: analysis.entities.map { "\($0.type)=\($0.id) (\"\($0.text)\")" }, language: language,
                     languageScores: ["id_minus_en": (analysis.languageScore * 100).rounded() / 100],
                     rule: rule + oos + (unknown.isEmpty ? "" : "; unknown words: \(unknown.joined(separator: ", "))"),
                     candidates: Array(candidates))
    }
}

/// Three decimals, for decision traces ("0.230"). By hand: `String(format:)` went through
/// Foundation on every answer and cost 2% of the answering time.
func fmt(_ x: Double) -> String {
    guard x.isFinite else { return "\(x)" }
    let scaled = Int((abs(x) * 1000).rounded())
    let fraction = scaled % 1000
    let padding = fraction < 10 ? "00" : fraction < 100 ? "0" : ""
    return (x < 0 && scaled != 0 ? "-" : "") + String(scaled / 1000) + "." + padding + String(fraction)
}

/// A menu choice remembered in the session: `intent` or `intent@type=id`.
struct ChoiceCode {
    var intent: String
    var entity: (type: String, id: String)?
    init(_ code: String) {
        let parts = code.split(separator: "@", maxSplits: 1)
        intent = String(parts.first ?? "")
        if parts.count == 2 {
            let kv = parts[1].split(separator: "=", maxSplits: 1)
            if kv.count == 2 { entity = (String(kv[0]), String(kv[1])) }
        }
    }
    static func encode(intent: String, type: String, id: String) -> String { "\(intent)@\(type)=\(id)" }
}
