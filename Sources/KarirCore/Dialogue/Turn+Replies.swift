/// The replies a turn can give: an answer (for each value named, when several are), asking
/// back, the fallback, and the decision trace.
extension Turn {
    mutating func answer(intent i: Int, score: Double, entity: EntityMention?) -> Reply {
        // Right after a safety answer, a message a pleasantry holds only loosely ("maaf",
        // "is that right?", "yaudah lah") is not met with "Hello!" or "OK!": the safety
        // follow-up keeps the help in view. One said in so many words ("makasih") is answered.
        // ("matur nuwun mas" has the very words of "terima kasih" but the form of address.)
        if priority(of: i) == .low, let reply = safetyThanks(intent: i, score: score) { return reply }
        if priority(of: i) == .low, let c = ranking?.candidates.first(where: { $0.intent == i }), c.example < Self.plainPleasantryAfterSafety,
           !sameWordsBesidesAddress(c), let reply = safetyFollowUp() {
            return reply
        }
        if entity == nil, let reply = answerForEachValue(intent: i, score: score) { return reply }
        if let next = computingFollowUp(of: i) {
            rule = traced((rule.isEmpty ? "" : rule + "; ") + "the message's own figures for `\(kb.intents[next].id)`, the next step of `\(kb.intents[i].id)` that computes with them")
            return answer(intent: next, score: score, entity: entity)
        }
        if let other = contractKindReading(of: i) {
            rule = traced((rule.isEmpty ? "" : rule + "; ") + "the kind of contract the conversation shows: `\(kb.intents[other].id)`, which computes for it, instead of `\(kb.intents[i].id)`")
            return answer(intent: other, score: score, entity: entity)
        }
        let def = kb.intents[i]
        // The answer just given is not offered again as a suggestion ("syarat?" after "cara
        // bikin AK/1?" does not suggest how to get the card).
        let previous = session.lastIntent
        let previousTopic = session.activeTopic
        // Every entity an answered message names is remembered ("BLK di Semarang"), so that a
        // later "yg di Solo?" can be read as the same question about another city, and a later
        // slot can be filled from the conversation.
        for e in askedEntities { session.slots[e.type] = e.id }
        var values: [String: Any] = [:]
        if let source = def.source { values["source"] = source }
        if let asOf = def.asOf { values["as_of"] = asOf }
        var text: String
        // The value's own topic, when it has one (Skillhub is about training, whichever intent
        // describes it), is where the conversation continues.
        var topic = def.topic
        if let slot = def.slot?.value {
            let named = entity.flatMap { resolve($0, to: slot) } ?? slotMention(slot) ?? remembered(slot)
            let chosen = named?.value.id
            if let place = named?.place {
                values["place"] = mention(place.type, place.id)?.text ?? place.text
            }
            guard let valueID = chosen, let value = engine.entityValues[slot]?[valueID] else {
                session.pendingIntent = def.id
                session.activeTopic = def.topic
                if rule.isEmpty { rule = traced("slot `\(slot)` missing") }
                let ask = engine.knowledge.asks[i][language]?.render(values) ?? ""
                return finish(Reply(text: ask, kind: .ask, topic: def.topic, intent: def.id, confidence: score,
                                    language: language, session: session))
            }
            session.slots[slot] = valueID
            if let own = value.topic?.value { topic = own }
            values["slot"] = value.names.first ?? valueID
            values["slot_id"] = valueID
            if let lookup = def.lookup?.value {
                if let row = kb.tables[lookup]?.rows[valueID] {
                    values["row"] = row
                    // The year the message asks about ("ump jambi 2025"), and whether the row
                    // holds that year, so that an answer can say when it gives another year's
                    // figure.
                    if let year = askedYear {
                        values["asked_year"] = year
                        if row["year"] == year { values["asked_row_year"] = true }
                    }
                } else {
                    session.pendingIntent = nil
                    session.lastIntent = def.id
                    session.activeTopic = topic
                    let missing = engine.knowledge.missing[i][language]?.render(values)
                        ?? (language == .id ? "Maaf, data untuk \(values["slot"] ?? valueID) belum ada." : "Sorry, there is no data for \(values["slot"] ?? valueID) yet.")
                    return finish(Reply(text: missing.trimmedWhitespace(), kind: .answer, topic: topic,
                                        intent: def.id, confidence: score, language: language,
                                        suggestions: suggestions(for: def, besides: previous), source: def.source, asOf: def.asOf, session: session))
                }
            }
        }
        // An intent that reads a table without a slot (the wage against the minimum wage) gets
        // the row of a value the message or the conversation names, for an answer without
        // figures too ("gaji saya di bawah umk, saya di klaten": the UMP of Jawa Tengah, not
        // "type for example UMP Jawa Barat"; probe 27e u40).
        if def.slot == nil, values["row"] == nil, let row = calculationRow(def) { values["row"] = row }
        if let computed = calculated(def, row: values["row"] as? [String: String]) {
            values["calculation"] = computed
            var kept = (session.calculations ?? []).filter { $0 != def.id }
            kept.append(def.id)
            session.calculations = Array(kept.suffix(Session.calculationsKept))
        }
        text = engine.knowledge.answers[i][language]?.render(values) ?? ""
        session.pendingIntent = nil
        session.collectingFor = def.collectsMessage ? def.id : nil
        // The same safety answer right after itself ("gak ada yg peduli" after thoughts of ending
        // one's life) is not given word for word, as if nothing had been heard: one line that
        // hears the person comes first, then the help. (Not for a question whom to call: its
        // answer opens with the help itself.)
        let safetyAgain = priority(of: i) == .high && previous == def.id && session.safetyTurn == session.turn - 1
            && !asksWhomToContact(analysis.tokens)
        if priority(of: i) == .high { session.safetyTurn = session.turn; session.safetyIntent = def.id }
        // Pleasantries (a low-priority topic) do not change what the conversation is about:
        // "makasih" between "syarat ak1?" and "biayanya berapa?" keeps the AK/1 context.
        if priority(of: i) != .low {
            session.lastIntent = def.id
            session.activeTopic = topic
            // A follow-up answered through the subject keeps it: a third message still reads
            // with what the conversation is about.
            // So does a short one pointing back ("bayarnya brp" after "sertifikat bnsp buat barista
            // ada gk"): it names less of the subject than the message it points back to.
            // And so does a short one in the conversation's topic that names none of the topic's
            // words ("daftar" after "prakerja", "di daerah sukoharjo" after a BLK question): it
            // leans on the subject, so a third message still reads with what the conversation is about.
            let pointsBack = session.subject != nil && Self.words(analysis.tokens) <= Self.shortFollowUpWords
                && (refersBack(analysis.tokens) || (previousTopic == topic && !anchorsTopic(of: i)))
            // A number picking a choice says nothing of the subject: the choice's title does
            // ("1" then "is it free?" is about Karirhub, the choice picked).
            if pickedByNumber {
                session.subject = def.title[language]
            } else if !readWithSubject && !pointsBack {
                session.subject = String(self.text.prefix(Session.subjectLength))
            }
        }
        let suggestions = suggestions(for: def, besides: previous)
        // A pleasantry that offers nothing of its own ("ya", "oke" after a list of suggestions)
        // leaves the last numbered choices standing: "2" right after it still picks one.
        if !(suggestions.isEmpty && priority(of: i) == .low) { session.offeredChoices = suggestions.map(\.intent) }
        var reply = Reply(text: text, kind: .answer, topic: topic, intent: def.id, confidence: min(1, max(0, score)),
                          language: language, suggestions: suggestions, source: def.source, asOf: def.asOf, session: session)
        if let flow = kb.flows.first(where: { $0.startIntent == def.id }) {
            reply = FlowRunner.startOrOffer(flow, after: reply, turn: &self)
        }
        if safetyAgain {
            let lead = engine.promptOr("safety_again", language,
                                       id: "Saya dengar kamu, dan saya masih di sini.",
                                       en: "I hear you, and I'm still here.")
            reply.text = lead + "\n" + reply.text
        }
        return finish(reply)
    }

    /// "UMP Jateng sama Jatim berapa?", "syarat jadi perawat dan bidan?": a question naming
    /// several values of the intent's slot is answered for each (up to three), one after the
    /// other; nil when it names fewer than two (or the intent starts a guided conversation).
    mutating func answerForEachValue(intent i: Int, score: Double) -> Reply? {
        guard let slot = kb.intents[i].slot?.value, !startsFlow(i) else { return nil }
        // One answer per value and place: a place inside a value named too ("Depok is in West
        // Java right?") stands for it, since its answer says more; two places in one value
        // ("umr depok sama bekasi") are two answers.
        var named: [(mention: EntityMention, value: String, place: String?)] = []
        for e in askedEntities {
            guard let r = resolve(e, to: slot) else { continue }
            let place = r.place?.id
            if named.contains(where: { $0.value == r.value.id && ($0.place == place || place == nil) }) { continue }
            if place != nil { named.removeAll { $0.value == r.value.id && $0.place == nil } }
            named.append((e, r.value.id, place))
        }
        guard named.count >= 2 else { return nil }
        var texts: [String] = []
        var last: Reply?
        for e in named.prefix(3).map(\.mention) {
            let reply = answer(intent: i, score: score, entity: e)
            // Two places may lead to one answer ("Depok is in West Java right?": both the West
            // Java minimum wage): it is given once.
            guard !texts.contains(reply.text) else { continue }
            texts.append(reply.text)
            last = reply
        }
        guard texts.count >= 2, var reply = last else { return nil }
        reply.text = texts.joined(separator: "\n\n")
        if explain { rule += (rule.isEmpty ? "" : "; ") + "answered for each \(slot) named" }
        return finish(reply)
    }

    /// This message is the one the answer of intent `asked` asked for
    /// (``IntentDefinition/collectsMessage``), and `reply` is how Karir read it. Taken for staff
    /// when Karir would fall back or ask back, or answers only weakly within the asking topic
    /// ("perusahaan minta orang dalam …" read as a callback request); a question Karir answers
    /// (not small talk) is answered and passed on as well ("pesangon saya belum dibayar 3
    /// bulan"). Not a message nearer an out-of-scope example than any intent's ("rekomendasi
    /// drakor" after "minta petugas"): that is declined as usual. A message with a phone number
    /// or an e-mail address (``ContactDetails``) is always taken, unless it is a cry for help:
    /// that gets its safety answer and is passed on too.
    func messageForStaff(asked: String, reply: Reply) -> Reply {
        guard !analysis.tokens.isEmpty, let askingIntent = engine.knowledge.intentIndex[asked] else { return reply }
        // A phone number or e-mail address is the details asked for, unless the message is a
        // cry for help.
        if !answersSafety(reply), ContactDetails.present(in: text) { return takeMessage(for: askingIntent, after: reply) }
        // A cry for help keeps its safety answer, and is passed on too: staff were asked for
        // ("Siti, Johor Bahru, WA +60…, majikan tahan paspor" after the offer to notify staff,
        // probe 25b u04).
        if answersSafety(reply) { return passedOn(reply, asked: asked) }
        guard ranking?.outOfScopeIsNearer != true else { return reply }
        let asking = kb.intents[askingIntent].topic
        // So is a message read as the asking answer given again ("sy di kota medan" right after
        // the answer that asked for one's name and city), or a short one naming a place
        // ("daerah sy di makassar"): it is more of what was asked for, not a question about
        // vacancies there.
        if reply.kind == .fallback || reply.kind == .clarify || (reply.topic == asking && reply.confidence < settings.answerThreshold)
            || (reply.kind == .answer && reply.intent == asked && reply.repeated)
            || statesOnlyAPlace() {
            return takeMessage(for: askingIntent, after: reply)
        }
        if reply.kind == .answer, reply.topic != asking, let i = reply.intent.flatMap({ engine.knowledge.intentIndex[$0] }),
           priority(of: i) == .normal {
            return passedOn(reply, asked: asked)
        }
        return reply
    }

    /// An answer asking for a message for staff after one was already taken or passed on in
    /// this conversation ("petugas" right after the person's name and number were passed on,
    /// probe 27d u39): the `message_already_passed` prompt before it, so that the person is not
    /// left thinking the first message was lost. Without the prompt, the answer as it is.
    func sayTheMessageWasPassed(_ reply: Reply, before: Session) -> Reply {
        guard reply.kind == .answer, !reply.passedToStaff, before.passedToStaffIn != nil,
              let i = reply.intent.flatMap({ engine.knowledge.intentIndex[$0] }), kb.intents[i].collectsMessage else { return reply }
        let lead = engine.prompt("message_already_passed", language, [:])
        guard !lead.isEmpty else { return reply }
        var said = reply
        said.text = lead + "\n" + reply.text
        return said
    }

    /// Whether the message adds a figure of the writer's own case anywhere in it, asking nothing
    /// ("oh btw kontrak aku diperpanjang 2x, yang pertama 12 bulan", "udah 3 tahun saya kerja
    /// disana"): no question mark and no question word, a first-person word and a number, and at
    /// most ``ownDetailWords`` words. (``statesOwnCase()`` wants the message to open with "I".)
    func statesOwnDetail() -> Bool {
        let tokens = analysis.tokens
        return hasNoQuestionMarkOrWord(tokens.map(\.surface)) && tokens.contains { Self.firstPerson.contains($0.surface) }
            && tokens.contains { TextAnalyzer.isNumber($0.surface) } && Self.words(tokens) <= Self.ownDetailWords
    }

    static let ownDetailWords = 14

    /// Whether the message only says where the person is: a place, and otherwise only words of
    /// stating one's whereabouts ("daerah sy di makassar", "I'm in Medan"; not "lowongan di
    /// bekasi", which asks about vacancies there).
    func statesOnlyAPlace() -> Bool {
        analysis.entities.contains { PlaceReference.placeTypes.contains($0.type) } && analysis.tokens.allSatisfy { t in
            (t.entity.map { PlaceReference.placeTypes.contains($0.type) } ?? false) || Self.whereaboutsWords.contains(t.surface)
                || Self.firstPerson.contains(t.surface) || AskingPreamble.addressWords.contains(t.surface)
        }
    }

    static let whereaboutsWords: Set<String> = [
        "di", "dari", "daerah", "kota", "kabupaten", "kab", "provinsi", "tinggal", "domisili", "asal", "wilayah", "lokasi", "posisi", "sekarang",
        "in", "from", "live", "living", "based", "am", "city", "area", "region", "now",
    ]

    /// The message the answer of intent `i` asked for (``IntentDefinition/collectsMessage``):
    /// acknowledged with the `message_taken` prompt (which receives `message`), and answered as
    /// that intent, in its topic, so that the host reports it like the intent's own answer (a
    /// `handoff` event for the shipped handoff intents, carrying the message as its question).
    func takeMessage(for i: Int, after decided: Reply) -> Reply {
        let def = kb.intents[i]
        var taken = decided.session
        taken.activeTopic = def.topic
        taken.lastIntent = def.id
        taken.pendingIntent = nil
        taken.offeredChoices = []
        taken.collectingFor = nil
        // The request for a person is settled: a later question is not read together with it
        // ("meanwhile, what training can I take for data analytics?" after the message was
        // taken is no second request for a person, probe 25b u18).
        taken.subject = nil
        taken.passedToStaffIn = def.topic
        let quoted = String(text.trimmedWhitespace().prefix(Self.quotedMessageLength))
        var body = engine.promptOr("message_taken", language, ["message": quoted],
                                   id: "Terima kasih, pesanmu sudah diteruskan ke petugas:\n\"\(quoted)\"",
                                   en: "Thank you, your message has been passed to a staff member:\n\"\(quoted)\"")
        // A message that only says where the person is ("I'm in Surabaya") is passed on, but
        // staff cannot act on a city alone: Karir asks for the rest (prompt `message_more`) and
        // takes the next message for staff too (probe 21a a38).
        if statesOnlyAPlace() {
            let more = engine.prompt("message_more", language)
            if !more.isEmpty {
                body += "\n" + more
                taken.collectingFor = def.id
            }
        }
        var reply = Reply(text: body, kind: .answer, topic: def.topic, intent: def.id, confidence: 1, language: language, session: taken)
        reply.passedToStaff = true
        if explain {
            reply.trace = trace()
            reply.trace?.rule = "taken as the message for staff that `\(def.id)` asked for (read alone: \(decided.kind.rawValue), \(fmt(decided.confidence)))"
        }
        return reply
    }

    /// An answer to the message the answer of intent `asked` asked for
    /// (``IntentDefinition/collectsMessage``), when Karir could answer it: it says the message
    /// was passed on too (prompt
    /// `message_also_passed`), and the host reports a handoff as well (``Reply/passedToStaff``).
    func passedOn(_ answer: Reply, asked: String) -> Reply {
        var reply = answer
        reply.passedToStaff = true
        reply.session.passedToStaffIn = engine.knowledge.intentIndex[asked].map { kb.intents[$0].topic }
        reply.text += "\n\n" + engine.promptOr("message_also_passed", language, id: "Pesanmu juga sudah diteruskan ke petugas.",
                                                en: "Your message has also been passed to a staff member.")
        if let rule = reply.trace?.rule { reply.trace?.rule = rule + "; also passed on to staff as the message `\(asked)` asked for" }
        return reply
    }

    /// A message taken for staff is quoted back up to this many characters.
    static let quotedMessageLength = 300

    /// The intent's follow-ups as numbered choices (with ``alsoSuggest`` first), leaving out
    /// `previous`, the intent answered just before this one: the user has just read it.
    func suggestions(for def: IntentDefinition, besides previous: String? = nil) -> [Choice] {
        var ids = def.followUps.map(\.value).filter { $0 != previous }
        if let extra = alsoSuggest.map({ kb.intents[$0].id }), extra != def.id, !ids.contains(extra) { ids.insert(extra, at: 0) }
        return ids.prefix(4).enumerated().compactMap { n, id in
            guard let j = engine.knowledge.intentIndex[id] else { return nil }
            return choice(j, number: n + 1)
        }
    }

    /// The year the message names (a number from 2000 to 2099), if any.
    var askedYear: String? {
        analysis.tokens.first { $0.surface.utf8.count == 4 && $0.surface.hasPrefix("20") && Int($0.surface) != nil }?.surface
    }

    /// Intent `i` offered as choice 1, before up to three of `others` (without it), renumbered.
    func choices(leadingWith i: Int, _ others: [Choice]) -> [Choice] {
        let rest = others.filter { $0.intent != kb.intents[i].id }.prefix(3)
        return [choice(i, number: 1)] + rest.enumerated().map { n, c in
            var c = c
            c.number = n + 2
            return c
        }
    }

    /// Intent `i` offered as numbered choice `number`.
    func choice(_ i: Int, number: Int) -> Choice {
        Choice(number: number, intent: kb.intents[i].id, topic: kb.intents[i].topic, title: kb.intents[i].title[language])
    }

    /// Asks which of the candidates was meant; `reason` is the rule that asks, for the trace.
    mutating func clarify(_ candidates: [Candidate], reason: String) -> Reply {
        rule = traced(reason)
        let choices = candidates.enumerated().map { n, c in
            Choice(number: n + 1, intent: kb.intents[c.intent].id, topic: kb.intents[c.intent].topic,
                   title: kb.intents[c.intent].title[language], confidence: (c.score * 1000).rounded() / 1000)
        }
        session.offeredChoices = choices.map(\.intent)
        let text = engine.prompt("clarify", language, ["choices": Choice.templateValues(choices)])
        return finish(Reply(text: text, kind: .clarify, topic: BuiltInTopic.clarify, intent: nil,
                            confidence: candidates.first?.score ?? 0, language: language, candidates: choices, session: session))
    }

    /// - Parameter about: the topic the message reads as a question about, which has no answer
    ///   for it (the callers decide; see ``whereToAsk(_:outOfScope:picks:)``).
    mutating func fallback(reason: @autoclosure () -> String, about: String? = nil) -> Reply {
        rule = traced("fallback: \(reason())")
        if let reply = safetyFollowUp() { return reply }
        var picks: [Choice] = []
        var topics: Set<String> = []
        // A message nearer an out-of-scope example than any example of an intent, or one with
        // many words the knowledge does not know (a football question after an AK/1 answer), is
        // about another matter.
        let outOfScope = ranking.map { r in
            r.outOfScope >= r.nearestExample || (r.candidates.first?.knownFactor ?? 0) < 0.8
        } ?? true
        if let reply = referral() { return reply }
        // Not safety (it answers on its own) nor a pleasantry: "Salam" is no answer to a
        // question that only opened with a greeting. Not for a message about another matter
        // either: the intents it reaches share a word by chance ("lapor SPT pajak" is no scam
        // report, a holiday visa no work on public holidays); it gets the general suggestions.
        for c in ranking?.candidates ?? [] where !outOfScope && c.score >= 0.15 && picks.count < 3 {
            let def = kb.intents[c.intent]
            guard priority(of: c.intent) == .normal, topics.insert(def.topic).inserted else { continue }
            picks.append(choice(c.intent, number: picks.count + 1))
        }
        // The first question of a conversation that Karir cannot answer but reads in a topic
        // (its best reading is offered) still starts the conversation there: its topic and its
        // words are what a short follow-up continues ("brkas nya apa aja" after "mau ambil jht
        // almarhum suami sy gmn caranya", which fell just short of the heirs' answer).
        if session.activeTopic == nil, let first = picks.first, let c = ranking?.candidates.first,
           kb.intents[c.intent].id == first.intent, c.knownFactor >= Self.fallbackTopicKnownFactor {
            session.activeTopic = kb.intents[c.intent].topic
            session.subject = String(self.text.prefix(Session.subjectLength))
        }
        // Inside a conversation, a question Karir cannot answer still offers what it can say
        // about the conversation's topic: its intents nearest to the message, then the last
        // answer's follow-ups; not for a message about another matter.
        // The message reads as a question about `about`, and no other topic came close: the reply
        // says where such questions are answered, in place of the general "I help with jobs,
        // training and careers" (``whereToAsk(_:outOfScope:picks:)``).
        let askElsewhere = about.flatMap { whereToAsk($0, outOfScope: outOfScope, picks: picks) }
        if picks.isEmpty, !outOfScope, let active = session.activeTopic {
            let last = session.lastIntent.flatMap { engine.knowledge.intentIndex[$0] }
            let nearest = (ranking?.candidates ?? []).map(\.intent).filter { kb.intents[$0].topic == active && $0 != last }
            let followUps = last.map { kb.intents[$0].followUps.compactMap { engine.knowledge.intentIndex[$0.value] } } ?? []
            for i in nearest + followUps where picks.count < 3 && !isHighPriority(i) && !picks.contains(where: { $0.intent == kb.intents[i].id }) {
                picks.append(choice(i, number: picks.count + 1))
            }
        }
        if picks.isEmpty {
            for id in settings.fallbackSuggestions.prefix(3) {
                guard let j = engine.knowledge.intentIndex[id] else { continue }
                picks.append(choice(j, number: picks.count + 1))
            }
        }
        session.offeredChoices = picks.map(\.intent)
        let suggestions = Choice.templateValues(picks)
        var text = ""
        if let (topic, place) = askElsewhere {
            text = engine.prompt("fallback_in_topic", language, ["topic": topic.title[language], "where_to_ask": place, "suggestions": suggestions])
            if explain, !text.isEmpty { rule += "; said where to ask about `\(topic.id)`" }
        }
        // A message clearly about another matter (nearer an out-of-scope example than any
        // intent's) gets an honest decline that does not invite a rephrasing ("resep rendang yg
        // enak gmn"; probe 24d u30).
        if text.isEmpty, let r = ranking, r.outOfScope > 0, r.outOfScope >= r.nearestExample {
            text = engine.prompt("fallback_out_of_scope", language, ["suggestions": suggestions])
            if explain, !text.isEmpty { rule += "; declined as another matter" }
        }
        if text.isEmpty { text = engine.prompt("fallback", language, ["suggestions": suggestions]) }
        return finish(Reply(text: text, kind: .fallback, topic: BuiltInTopic.fallback, intent: nil,
                            confidence: ranking?.candidates.first?.score ?? 0, language: language, suggestions: picks, session: session))
    }

    /// A message nearer an example of a `referrals:` group than any intent's example is a
    /// question another office answers ("gaji 6 juta kena pph 21 brp"): the reply says so and
    /// where to ask (prompt `fallback_referral`, which receives `referral`), without suggestions
    /// that would only share a word with it. Still a fallback: staff see it among the
    /// unanswered questions, with its ``Reply/referral``.
    mutating func referral() -> Reply? {
        guard let r = ranking, r.outOfScope > 0, r.outOfScope >= r.nearestExample, let example = r.outOfScopeExample,
              let k = engine.knowledge.referralOfExample[example] else { return nil }
        let group = kb.referrals[k]
        let place = group.text[language]
        if explain { rule += "; another office answers it: `\(group.id)`" }
        let text = engine.promptOr("fallback_referral", language, ["referral": place],
                                   id: "Maaf, soal itu di luar yang bisa saya bantu. " + place,
                                   en: "Sorry, that is outside what I can help with. " + place)
        return referralReply(group.id, text: text, confidence: r.candidates.first?.score ?? 0)
    }

    /// A fallback naming referral group `id`'s office: no choices offered, and the session
    /// remembers the referral for the next message (``Session/referral``).
    mutating func referralReply(_ id: String, text: String, confidence: Double, repeated: Bool = false) -> Reply {
        session.offeredChoices = []
        session.referral = id
        session.referralQuestion = String(self.text.prefix(Session.subjectLength))
        var reply = Reply(text: text, kind: .fallback, topic: BuiltInTopic.fallback, intent: nil, confidence: confidence,
                          language: language, suggestions: [], session: session)
        reply.referral = id
        reply.repeated = repeated
        return finish(reply)
    }

    /// A short follow-up right after a referral ("is there a penalty if I'm late?" after the tax
    /// office was named for "how do i lapor SPT tahunan?") that, read together with the question
    /// referred, is nearer an example of the same referral group than any intent's, goes to that
    /// office again, unless an intent's example holds the follow-up itself closely, it holds a
    /// word anchoring a topic, or an intent answers it alone without asking back (a new
    /// question of Karir's: "how about JKP then?", "PKWT maximum is how many years?").
    mutating func referralFollowUp(_ id: String, question: String, top: Candidate?) -> Reply? {
        guard Self.words(analysis.tokens) <= Self.referralFollowUpWords, (top?.example ?? 0) < Self.answersOnItsOwnExample,
              !engine.knowledge.topicNeutral.anchors(engine.knowledge.index.query(analysis.tokens), topic: -1).other else { return nil }
        // Read alone, without the conversation's boosts, it answers nothing, or it would only ask
        // back between topics.
        // (A ranking of its own: the boosts also move the model's odds. Only right after a referral.)
        let alone = engine.matcher.rank(analysis, session: Session(language: session.language)).candidates
        if let first = alone.first, first.score >= settings.answerThreshold {
            guard alone.count > 1, first.score - alone[1].score < settings.clarifyMargin,
                  kb.intents[alone[1].intent].topic != kb.intents[first.intent].topic else { return nil }
        }
        let reading = engine.matcher.rank(joined(after: question), session: Session(language: session.language), patterns: false)
        guard reading.outOfScope >= reading.nearestExample,
              let example = reading.outOfScopeExample, let k = engine.knowledge.referralOfExample[example],
              kb.referrals[k].id == id else { return nil }
        rule = traced("a follow-up of the question referred to `\(id)`, read with it (nearest out-of-scope example \(fmt(reading.outOfScope))): that office again")
        return referralReply(id, text: kb.referrals[k].text[language], confidence: top?.score ?? 0, repeated: true)
    }

    /// The most words of a follow-up read with the question referred (``referralFollowUp(_:question:top:)``).
    static let referralFollowUpWords = 8

    /// The office the last reply referred to, named again for a message that only asks where
    /// to ask ("ok ke mana nanyanya", "where do I go then") right after it.
    mutating func referralAgain(_ id: String) -> Reply? {
        guard Self.words(analysis.tokens) <= Self.contactQuestionWords,
              asksWhomToContact(analysis.tokens) || asksOnlyForAContact(analysis.tokens),
              let group = kb.referrals.first(where: { $0.id == id }) else { return nil }
        rule = traced("asking where to ask right after the referral `\(id)`: its office again")
        return referralReply(id, text: group.text[language], confidence: 0, repeated: true)
    }

    /// After a safety answer, a message Karir cannot answer ("ini pinjem hp orang", "i just need
    /// money"), or one a pleasantry holds only loosely ("maaf"), gets no cold "I can't answer
    /// that" or "Hello!": the `safety_followup` prompt says Karir is still there and offers the
    /// safety answer's contacts again and a staff member, as numbered choices. It stays a
    /// fallback (the host reports it as unanswered), in the conversation's safety topic for as
    /// long as that topic lasts. Nil when the prompt is not defined.
    mutating func safetyFollowUp() -> Reply? {
        guard let last = lastEligibleIntent(), priority(of: last) == .high, session.activeTopic == kb.intents[last].topic else { return nil }
        let picks = safetyChoices(last)
        let suggestions = Choice.templateValues(picks)
        // Thanks that no pleasantry reads at the answer threshold ("thank you for listening to
        // me") are thanked warmly too (``safetyThanks(intent:score:)``).
        let thanks = Self.holdsThanks(analysis.tokens) && engine.knowledge.prompts["safety_thanks"] != nil
        var text = engine.prompt(thanks ? "safety_thanks" : "safety_followup", language, ["suggestions": suggestions])
        guard !text.isEmpty else { return nil }
        // A message clearly about another matter ("can you recommend a good laptop?" after the
        // harassment answer) is told so in one line after the help (care comes first): otherwise
        // the reply reads as if it had not been heard. (Only on the out-of-scope examples: a
        // message of unknown, perhaps regional, words may be part of the crisis.)
        if let r = ranking, r.outOfScope >= r.nearestExample + Self.clearlyOutOfScope {
            let aside = engine.promptOr("safety_followup_out_of_scope", language,
                                        id: "(Soal pertanyaanmu tadi, itu di luar yang bisa saya bantu: saya hanya menjawab seputar pekerjaan, pelatihan, dan karier.)",
                                        en: "(As for your last question, that is outside what I can help with: I only answer questions about jobs, training and careers.)")
            text = text + "\n" + aside
        } else if !thanks, let (topic, place) = questionInTopicAfterSafety() {
            // A question about a matter of work that Karir cannot answer ("gaji selama saya ga
            // masuk tetep dibayar ga?" after the work-accident answer) is not left unheard
            // either: after the help, one line says where that is answered (probe 29a 05/5).
            let aside = engine.promptOr("safety_followup_where_to_ask", language, ["topic": topic.title[language], "where_to_ask": place],
                                        id: "(Soal pertanyaanmu tentang \(topic.title[language]): \(place))",
                                        en: "(As for your question about \(topic.title[language]): \(place))")
            text = text + "\n" + aside
            if explain { rule += "; a question about `\(topic.id)`: where to ask" }
        }
        if explain { rule += thanks ? "; thanks right after a safety answer" : "; right after a safety answer: the safety follow-up" }
        session.offeredChoices = picks.map(\.intent)
        return finish(Reply(text: text, kind: .fallback, topic: BuiltInTopic.fallback, intent: nil,
                            confidence: ranking?.candidates.first?.score ?? 0, language: language, suggestions: picks, session: session))
    }

    /// The topic, and where its questions are answered, of a message that asks something (a
    /// question mark or word) and reads best, though below the clarify threshold, in a topic of
    /// ordinary priority that says where to ask (`where_to_ask`): the safety follow-up adds it.
    func questionInTopicAfterSafety() -> (TopicDefinition, String)? {
        // (Read in the topic as a whole, its centroid, and well nearer an example of it than any
        // out-of-scope example: "Will it rain in Surabaya this weekend?" shares only "weekend"
        // with a job-fair example, "kartu BPJS kesehatan anak saya hilang" is nearly as near
        // an out-of-scope example as the lost AK/1 card.)
        guard let r = ranking, let top = r.candidates.first, top.score >= Self.questionAfterSafetyFloor,
              priority(of: top.intent) == .normal, top.knownFactor >= 1, top.centroid >= Self.questionAfterSafetyCentroid,
              top.example - r.outOfScope >= Self.questionAfterSafetyMargin,
              !hasNoQuestionMarkOrWord(analysis.tokens.map(\.surface)) else { return nil }
        return whereToAsk(kb.intents[top.intent].topic, outOfScope: false, picks: [])
    }

    /// The least score of the best reading for ``questionInTopicAfterSafety()``.
    static let questionAfterSafetyFloor = 0.08
    /// The least centroid similarity of that reading.
    static let questionAfterSafetyCentroid = 0.25
    /// How much nearer than any out-of-scope example that reading's nearest example must be.
    static let questionAfterSafetyMargin = 0.1

    /// Thanks right after a safety answer ("makasih udah dengerin", "thank you"): neither the
    /// plain "Sama-sama!" nor the safety follow-up word for word again (probe 21a a20 got the
    /// same text twice), but the `safety_thanks` prompt: thanked warmly, the door kept open, the
    /// help and a staff member as choices 1 and 2. The conversation stays where it was, as after
    /// any pleasantry. Without the prompt, the rules before it apply.
    mutating func safetyThanks(intent i: Int, score: Double) -> Reply? {
        guard Self.holdsThanks(analysis.tokens), let last = lastEligibleIntent(), priority(of: last) == .high,
              session.activeTopic == kb.intents[last].topic else { return nil }
        let picks = safetyChoices(last)
        let text = engine.prompt("safety_thanks", language, ["suggestions": Choice.templateValues(picks)])
        guard !text.isEmpty else { return nil }
        if explain { rule += "; thanks right after a safety answer" }
        session.offeredChoices = picks.map(\.intent)
        return finish(Reply(text: text, kind: .answer, topic: kb.intents[i].topic, intent: kb.intents[i].id, confidence: score,
                            language: language, suggestions: picks, session: session))
    }

    /// The choices offered right after safety answer `last`: that answer again, and a staff
    /// member (``staffIntent``) when the knowledge has one.
    func safetyChoices(_ last: Int) -> [Choice] {
        var picks = [choice(last, number: 1)]
        // The way to a person the safety answer itself offers (a handoff written for a crisis,
        // which keeps the emergency advice), else the general one.
        let staff = engine.knowledge.intentIndex[Self.staffIntent]
        let handoffTopic = staff.map { kb.intents[$0].topic }
        let own = engine.knowledge.followUpIndices[last].first { kb.intents[$0].topic == handoffTopic }
        if let person = own ?? staff { picks.append(choice(person, number: 2)) }
        return picks
    }

    /// Whether the message thanks: "makasih", "terima kasih", "thanks", "thank you", "suwun",
    /// "nuhun" and their short forms.
    static func holdsThanks(_ tokens: [Token]) -> Bool {
        tokens.indices.contains { k in
            let w = tokens[k].surface
            return thanksWords.contains(w) || (w == "kasih" && k > 0 && tokens[k - 1].surface == "terima")
        }
    }

    static let thanksWords: Set<String> = [
        "makasih", "makasi", "mksh", "terimakasih", "trims", "tengkyu", "thanks", "thank", "thx", "tq", "ty", "suwun", "nuwun",
        "nuhun", "tarimo",
    ]

    /// How closely a pleasantry's example must hold a message for the pleasantry to answer it
    /// right after a safety answer.
    static let plainPleasantryAfterSafety = 0.8

    /// The intent that connects a person with staff, offered after a safety answer.
    static let staffIntent = "handoff_human"

    /// `topic` and its `where_to_ask` text, for a fallback that reads as a question about that
    /// topic: also not out of scope by the fallback's own measure (not nearer an out-of-scope
    /// example than any intent's example, mostly known words), and every other reading offered
    /// is of the same topic. ("I forgot which email I used" after a question about the JHT
    /// balance: "ask BPJS Ketenagakerjaan: call centre 175 …".)
    func whereToAsk(_ id: String, outOfScope: Bool, picks: [Choice]) -> (TopicDefinition, String)? {
        guard !outOfScope, picks.allSatisfy({ $0.topic == id }),
              let topic = engine.knowledge.topicIndex[id], let place = topic.whereToAsk?[language] else { return nil }
        return (topic, place)
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
        if ranking?.selfContained == true { oos += "; a question of its own (it names another topic, or is long): no context boosts" }
        if !corrected.isEmpty {
            oos += "; a correction: left out \"\(corrected.all.map(\.surface).joined(separator: " "))\""
            if leftConversation {
                oos += rejectedLastAnswer ? ", which rejects the last answer: read without the conversation"
                    : ", which names the conversation's topic: read without the conversation"
            } else if misreadLastAnswer {
                oos += ", which the last answer answers: read without that answer's lift"
            }
        }
        if !preamble.isEmpty { oos += "; left out the words announcing the question: \"\(preamble.map(\.surface).joined(separator: " "))\"" }
        if takesBack, leftConversation, corrected.isEmpty { oos += ", which take back the last question: read without the conversation" }
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
