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
    /// The entities the message asks about (``OwnRole/asked(in:)``): those that fill slots and
    /// are remembered.
    let askedEntities: [EntityMention]
    let language: Language
    let explain: Bool
    var ranking: Matcher.Ranking?
    var rule = ""
    /// The words a correction said it did not mean ("bukan saldo jht" in "bukan saldo jht,
    /// maksudnya saldo prakerja") and those saying what it means, left out of ``analysis``
    /// (``Correction``).
    let corrected: Correction.LeftOut
    /// The opening words that only announce a question ("min, mau nanya dong"), left out of
    /// ``analysis`` (``AskingPreamble``).
    let preamble: [Token]
    /// The message opens by taking back what was asked before ("gak jadi deh, …", "never mind
    /// that. …"): what follows is read without the conversation.
    let takesBack: Bool
    /// The correction negated the conversation's topic, or the last answer as a whole
    /// (``rejectedLastAnswer``): the message was read without the conversation.
    var leftConversation = false
    var rejectedLastAnswer = false
    /// The intent of the last answer, when a correction negated what it was about within the
    /// conversation's topic (``negatesLastAnswer()``): the message was read without that answer's
    /// lift, and no rule keeping the message in the conversation's topic gives it again.
    var misreadIntent: Int?
    /// Whether a correction called the last answer a misreading (``misreadIntent``).
    var misreadLastAnswer: Bool { misreadIntent != nil }
    /// A close runner-up to offer first among the suggestions.
    var alsoSuggest: Int?
    /// The message was answered by reading it together with the conversation's subject.
    var readWithSubject = false
    /// The message was a number picking one of the offered choices.
    var pickedByNumber = false
    /// The message cut into figures (``Figures/tokens(_:)``), once: ``rememberFigures()`` cuts a
    /// message that holds figures; ``messageFigures`` reads it.
    var figureWords: [Figures.Word]?

    /// The rule that decided, for the decision trace: the text is only built when a trace was
    /// asked for (otherwise empty).
    func traced(_ text: @autoclosure () -> String) -> String {
        explain ? text() : ""
    }

    var kb: KnowledgeBase { engine.knowledge.base }
    var settings: MatchSettings { engine.knowledge.base.settings }

    init(engine: Engine, session: Session, text: String, forced: Language?, explain: Bool) {
        self.engine = engine
        self.session = session
        self.text = text
        self.explain = explain
        var analysis = engine.knowledge.analyzer.analyze(text, sessionLanguage: session.language)
        // "umk di sana berapa?" after a message naming Bekasi is read as "umk di bekasi berapa"
        // (the language stays the one the message was written in), when that reading's best
        // answer takes a place and is of the topic the message read as it stands goes to: the
        // place picks the more specific answer, never another topic ("ada blk di sana?" after
        // a minimum-wage answer stays a training question).
        if !session.slots.isEmpty,
           let named = PlaceReference.resolved(analysis.tokens, slots: session.slots, values: engine.entityValues) {
            let placed = Analysis(tokens: engine.knowledge.analyzer.analyze(named, sessionLanguage: session.language).tokens,
                                  language: analysis.language, languageScore: analysis.languageScore)
            let knowledge = engine.knowledge
            let asTyped = engine.matcher.rank(analysis, session: session).candidates.first
            let asPlaced = engine.matcher.rank(placed, session: session).candidates.first
            if let asTyped, let asPlaced, knowledge.base.intents[asPlaced.intent].slot.map({ PlaceReference.placeTypes.contains($0.value) }) == true,
               knowledge.base.intents[asPlaced.intent].topic == knowledge.base.intents[asTyped.intent].topic {
                analysis = placed
            }
        }
        // Inside a conversation, a correction's negated words are not what the message is about;
        // also after a reply that answered nothing ("bukan bpjs tk, yg kesehatan" after the
        // BPJS Kesehatan referral).
        var corrected = Correction.LeftOut()
        if session.lastIntent != nil || session.turn > 0 {
            let analyzer = engine.knowledge.analyzer, language = session.language
            let knowledge = engine.knowledge, topic = session.activeTopic.flatMap { knowledge.topicNumber[$0] }
            (analysis.tokens, corrected) = Correction.read(analysis.tokens, clauseStarts: {
                Correction.clauseStarts(of: text) { analyzer.analyze($0, sessionLanguage: language).tokens.count }
            }, namesTopic: topic.map { topic in { words in knowledge.topicNeutral.anchors(knowledge.index.query(words), topic: topic).own } },
            readsElsewhere: { kept in
                let alone = engine.matcher.rank(Analysis(tokens: kept, language: analysis.language, languageScore: analysis.languageScore),
                                                session: Session(language: language)).candidates.first
                return alone.map { $0.score >= knowledge.base.settings.answerThreshold && knowledge.base.intents[$0.intent].topic != session.activeTopic } ?? false
            })
        }
        // "permisi, saya mau tanya. …": the words announcing a question are not part of it.
        self.takesBack = AskingPreamble.cancelLength(analysis.tokens) != nil
        (analysis.tokens, self.preamble) = AskingPreamble.strip(analysis.tokens)
        self.corrected = corrected
        self.analysis = analysis
        self.askedEntities = OwnRole.asked(in: analysis)
        // A courtesy of up to three words that both languages' speakers type ("thanks", "sorry",
        // "bye") keeps the conversation's language: "thanks" after four Indonesian questions is
        // answered "Sama-sama!", and so is "oke noted, thanks" (probe 23e e34).
        let courtesy = analysis.tokens.count <= 3 && analysis.tokens.allSatisfy { Self.courtesyWords.contains($0.surface) }
        var detected = forced ?? (analysis.tokens.isEmpty || courtesy ? (session.language ?? analysis.language) : analysis.language)
        // In an Indonesian conversation, a message mixing English words with at least two
        // Indonesian function words is an Indonesian speaker's code-mixing ("any recommendation
        // training yg legit dan affordable?", probe 23d d26): the answer stays Indonesian.
        if forced == nil, session.language == .id, detected == .en,
           analysis.tokens.count(where: { Self.indonesianFunctionWords.contains($0.surface) }) >= 2 { detected = .id }
        let languages = engine.knowledge.base.settings.languages
        self.language = languages.contains(detected) ? detected : (languages.first ?? detected)
    }

    /// Answers the message; an unanswered or clarified reply notes the conversation's topic.
    mutating func run() -> Reply {
        let topic = session.activeTopic
        // The last answer asked for a message for staff: this is it, unless Karir can answer it.
        let collecting = session.collectingFor
        session.collectingFor = nil
        // The writer says they employ people: from now on, answers written for employers first.
        if names(engine.knowledge.employerPhrases) { session.employer = true }
        let before = session
        let pointed = listItemReply(before: before)
        var reply = pointed ?? decide()
        if reply.kind == .clarify, let answered = answerAskedBack(reply, before: before) { reply = answered }
        reply = answerTheOnlyQuestion(reply, before: before)
        reply = answerTheQuestionAfterAPleasantry(reply, before: before)
        reply = answerBesidesRefusedStaff(reply, before: before)
        reply = answerOtherQuestions(reply)
        if let collecting { reply = messageForStaff(asked: collecting, reply: reply) }
        let given = reply.kind == .answer ? AnswerAgain.digest(reply.text) : nil
        reply.session.timesRepeated = nil
        reply = answerGivenAgain(reply, before: before)
        reply = sayTheMessageWasPassed(reply, before: before)
        reply.session.lastAnswerDigest = given
        if reply.unanswered || reply.kind == .clarify { reply.conversationTopic = topic }
        // What a message names is remembered even when Karir could not answer it or asked back:
        // "kak gaji sy 2jt, kerja di minimarket di medan" was asked back, and the next questions
        // about the minimum wage are about Medan (probe 30b 11, 16 asked for the province again);
        // so is what a message announcing a question names ("min mau tanya, saya kerja di bali").
        if reply.kind == .fallback || reply.kind == .clarify || reply.kind == .ask {
            for e in askedEntities { reply.session.slots[e.type] = e.id }
        }
        reply.session.previousMessage = String(text.prefix(Session.subjectLength))
        reply = withAbroadNote(reply, before: before)
        // The numbered items a next message may point at: the answer's own, or, for an item shown
        // again, the list it came from.
        let items = reply.kind == .answer ? ListReference.items(of: reply.text) : []
        reply.session.lastAnswerItems = !items.isEmpty ? items : (pointed != nil && reply.intent == before.lastIntent ? before.lastAnswerItems : nil)
        // A fallback's choices are guesses at a message Karir could not answer (``Session/choicesAreGuesses``).
        reply.session.choicesAreGuesses = reply.kind == .fallback && !reply.session.offeredChoices.isEmpty ? true : nil
        return reply
    }

    private mutating func decide() -> Reply {
        session.turn += 1
        session.language = language
        let referredBefore = session.referral, referredQuestion = session.referralQuestion
        session.referral = nil
        session.referralQuestion = nil
        if rememberFigures(), let reply = computeAgain() ?? computeWithTheseFigures() { return reply }
        if let reply = placeForLastCalculation() ?? monthlyPayAsked() ?? amountAgain() ?? yearForLastLookup() { return reply }
        if let reply = dailyPayStated() { return reply }

        if analysis.tokens.isEmpty {
            // Silence ("...", an emoji) right after a safety answer is not met with the help
            // menu: the safety follow-up says Karir is still there (probe 33f 08/4: "..." after
            // a suicidal message got the list of commands).
            rule = traced("empty message")
            if let reply = safetyFollowUp() { return reply }
            return finish(Reply(text: engine.prompt("help", language), kind: .fallback, topic: BuiltInTopic.fallback, intent: nil,
                                confidence: 0, language: language, session: session))
        }
        if session.flow != nil, let reply = FlowRunner.handle(&self) { return reply }
        if let choice = numberedChoice() {
            rule = traced("numbered choice")
            pickedByNumber = true
            return answer(intent: choice.intent, score: 1, entity: choice.entity)
        }
        // A lone small number that picks nothing ("2" after a reply that offered no second
        // choice) is not a question to read with the conversation's subject: Karir says which
        // numbers there are, if any, and keeps the conversation as it is.
        if analysis.tokens.count == 1, let n = Int(analysis.tokens[0].surface), n >= 1, n <= Self.choiceNumbers {
            rule = traced("numbered choice \(n) not offered (\(session.offeredChoices.count) offered)")
            let offered = session.offeredChoices.count
            let text = offered > 0
                ? engine.promptOr("choice_not_offered", language, ["number": n, "count": offered, "single": offered == 1],
                                  id: offered == 1 ? "Pilihan nomor \(n) tidak ada. Ketik 1, atau tulis pertanyaanmu."
                                      : "Pilihan nomor \(n) tidak ada. Ketik nomor 1–\(offered), atau tulis pertanyaanmu.",
                                  en: offered == 1 ? "There is no choice \(n). Type 1, or write your question."
                                      : "There is no choice \(n). Type a number from 1 to \(offered), or write your question.")
                : engine.promptOr("no_choices_offered", language, ["number": n],
                                  id: "Saat ini tidak ada pilihan bernomor. Tulis pertanyaanmu dengan kata-kata, atau ketik \"bantuan\" untuk melihat contoh.",
                                  en: "There are no numbered choices right now. Write your question in words, or type \"help\" to see examples.")
            return finish(Reply(text: text, kind: .fallback, topic: BuiltInTopic.fallback, intent: nil, confidence: 0,
                                language: language, session: session))
        }

        if let reply = questionAnnounced() { return reply }
        if let reply = goOnAsked() { return reply }
        // "ok ke mana nanyanya" right after a referral: that office again.
        if let id = referredBefore, let reply = referralAgain(id) { return reply }
        // "gaji", "soal kontrak dong": a message that only names a topic gets the topic's menu.
        if self.ranking == nil, let reply = topicMenu() { return reply }

        // "bukan lembur, maksudnya gaji pokok minimal" after an overtime answer: a correction
        // that says it did not mean the conversation's topic leaves the conversation, which was a
        // misreading; what it does mean is read on its own.
        // So does one that rejects the last answer as a whole ("bukan itu, maksud sy skck itu
        // syarat wajib ga"): the answer was a misreading, and the suggestions it offered are no
        // better guesses at what the message means.
        let answeredBefore = session.lastIntent.flatMap { engine.knowledge.intentIndex[$0] }
        let rejects = self.ranking == nil && (rejectsLastAnswer() || (takesBack && session.activeTopic != nil))
        if self.ranking == nil, rejects || negatesConversationTopic() {
            rejectedLastAnswer = rejects
            leftConversation = true
            session.activeTopic = nil
            session.lastIntent = nil
            session.subject = nil
            // (Nor do the choices the misread answer offered lift a reading.)
            session.offeredChoices = []
        } else if self.ranking == nil, negatesLastAnswer() {
            misreadIntent = answeredBefore
            session.lastIntent = nil
            session.offeredChoices = []
        }
        let ranking = messageRanking()
        self.ranking = ranking
        let top = ranking.candidates.first
        if let id = referredBefore, let question = referredQuestion, let reply = referralFollowUp(id, question: question, top: top) {
            return reply
        }

        if let pending = session.pendingIntent, let i = engine.knowledge.intentIndex[pending], let slot = kb.intents[i].slot?.value {
            if let e = slotMention(slot) {
                rule = traced("slot filled for \(pending)")
                return answer(intent: i, score: 1, entity: e.place ?? e.value)
            }
            session.pendingIntent = nil
            if (top?.score ?? 0) < settings.answerThreshold && analysis.tokens.count <= 3 {
                rule = traced("slot still missing for \(pending)")
                session.pendingIntent = pending
                let again = engine.prompt("ask_slot_again", language)
                let ask = engine.knowledge.asks[i][language]?.render() ?? ""
                return finish(Reply(text: [again, ask].filter { !$0.isEmpty }.joined(separator: " "), kind: .ask, topic: kb.intents[i].topic,
                                    intent: pending, confidence: 0, language: language, session: session))
            }
        }

        if let followUp = entityFollowUp(top) {
            rule = traced("same question, new \(followUp.entity.type)")
            return answer(intent: followUp.intent, score: max(top?.score ?? 0, settings.answerThreshold), entity: followUp.entity)
        }
        // "operator produksi": a message that only names a value whose type opens a menu
        // (`@occupation`) gets that menu about it, when it asks no last question again.
        if let reply = topicMenu(values: true) { return reply }

        // Safety comes first: a high-priority intent wins when it is nearly as good as the best
        // candidate, and also, on a lower bar, when it is the best one; missing a cry for help
        // costs more than a caring answer to a question that did not need it.
        // A message that is nearly one of the high-priority examples ("majikan ngancam bakal
        // nyakitin saya kalau lapor") is a cry for help too, even when the evidence is split
        // between several safety answers and none of them scores high on its own.
        // (A message of a few generic words, "lapornya ke mana?", can be that close to a
        // safety example by chance: at least four content words.)
        // (Closures read the priorities from a local: calling a method of the turn inside one
        // copies the whole turn on every call.)
        let priorities = engine.knowledge.intentPriority
        let nearSafetyExample = ranking.candidates.contains { priorities[$0.intent] == .high && $0.example >= Self.safetyExampleBar }
            && ranking.outOfScope < Self.safetyExampleBar && contentWords(analysis.tokens[...]) >= 4
        let bestSafety = ranking.candidates.first { priorities[$0.intent] == .high }
        // On scores: near enough to the best candidate, or on a lower bar when safety is the
        // best candidate ("tolong, I'm stuck di apartment di Sihanoukville, gak boleh keluar":
        // its nearest example is only 0.25) or, with a fairly close example, when nothing else
        // would answer; never when an out-of-scope example is nearer than safety's own nearest
        // example, for then the words are used in another sense ("les bahasa inggris buat anak
        // SD", "paspor online").
        let lowerBar = safetyLowerBarScore
        func closeOnLowerBar(_ safety: Candidate) -> Bool { safety.score >= lowerBar && safety.example >= Self.safetyLowerBarExample }
        // A safety reading that would only give the last answer again does not win on scores
        // over a better reading that this very answer offers as its next step ("sy ga berani
        // lapor, takut dipecat" after the harassment answer: keeping a report confidential).
        let lastSafety = session.lastIntent.flatMap { engine.knowledge.intentIndex[$0] }
        let offeredAfterLast = lastSafety.map { engine.knowledge.followUpIndices[$0] } ?? []
        /// An ordinary reading that the last answer offers as its next step.
        func isOfferedNext(_ c: Candidate) -> Bool { priorities[c.intent] == .normal && offeredAfterLast.contains(c.intent) }
        func offeredNext(_ safety: Candidate, _ top: Candidate) -> Bool {
            safety.intent == lastSafety && top.intent != safety.intent && top.score > safety.score && isOfferedNext(top)
        }
        // Nor does one that would give the last safety answer again only on the conversation's
        // boost, over an ordinary reading that answers the message on its own and reads it better
        // ("ada tips biar lamaran ga ditolak trs?" after the self-harm answer and its follow-up
        // is a question about applications, 0.36 on its own against the answer's 0.15; probe 24d
        // u29). Not for a message asking where to report or whom to call: "sy harus lapor
        // kemana" after a trafficking answer asks how to report that. A message that itself
        // reads as the crisis keeps its safety answer.
        let bestOrdinary = ranking.candidates.first { priorities[$0.intent] == .normal }
        func repeatsOnBoost(_ safety: Candidate) -> Bool {
            guard safety.intent == lastSafety, let other = bestOrdinary else { return false }
            return other.score - other.boost >= settings.answerThreshold && other.score - other.boost > safety.score - safety.boost
                && !asksToReport(analysis.tokens) && !asksWhomToContact(analysis.tokens) && !asksWhoCanHelp(analysis.tokens)
        }
        let safetyWinsOnScores = bestSafety.map { safety in
            guard let top else { return false }
            if offeredNext(safety, top) || repeatsOnBoost(safety) { return false }
            // Below the answer threshold and behind another reading, a safety reading needs a
            // word of its own topic: "can i claim it all?" is near "I want to end it all" only
            // through common words. (Looked at last: it reads the message's features again.)
            func anchored() -> Bool {
                safety.intent == top.intent || safety.score >= settings.answerThreshold || anchorsTopic(of: safety.intent)
            }
            let strong = safety.score >= settings.clarifyThreshold && safety.score >= Self.safetyShareOfBest * top.score && anchored()
            let weak = (safety.intent == top.intent && safety.score >= lowerBar)
                || (top.score < settings.answerThreshold && closeOnLowerBar(safety) && anchored())
            return (strong || weak) && ranking.outOfScope <= safety.example
        } ?? false
        // A safety pattern that would give the last safety answer again, in a message that
        // denies the danger ("aku ga mau nyakitin diri kok, cuma capek aja. gimana biar cepet
        // dapet kerja" after the self-harm answer, probe 25a u26), lets an ordinary reading
        // that answers the message on its own answer it, the safety answer offered first.
        // (The denial may have set the conversation's topic aside: the answer given before counts.)
        // The rest of the message is read without the denied words.
        if let safety = bestSafety, let pattern = safety.pattern, safety.intent == answeredBefore,
           let rest = withoutDeniedDanger(ofPattern: pattern),
           let other = engine.matcher.rank(rest, session: session, patterns: false).candidates.first(where: { priorities[$0.intent] == .normal }),
           other.score - other.boost >= settings.answerThreshold {
            rule = traced("the message denies the danger of pattern \(pattern) after its answer; `\(kb.intents[other.intent].id)` reads it on its own (\(fmt(other.score - other.boost)))")
            alsoSuggest = safety.intent
            return answer(intent: other.intent, score: other.score, entity: nil)
        }
        // "tolong saya harus bagaimana", "aku harus gimana", "what do we do" right after a safety
        // answer: the person has told what is happening and asks what to do now. That answer's
        // steps again, not the general cry for help asking what happened, nor the follow-up menu
        // (probes 29e 14/3, 29f 17/3).
        if let last = lastEligibleIntent(), priorities[last] == .high, session.activeTopic == kb.intents[last].topic,
           Self.words(analysis.tokens) <= Self.contactQuestionWords, asksOnlyWhatToDo(analysis.tokens) {
            rule = traced("asking only what to do right after a safety answer: its steps again")
            var reply = answer(intent: last, score: max(bestSafety?.score ?? 0, settings.answerThreshold), entity: nil)
            if reply.kind == .answer { sayItIsTheSame(&reply) }
            return reply
        }
        if let safety = bestSafety, safetyWinsOnScores || nearSafetyExample {
            // A message asking for nothing but a contact, right after another safety answer, asks
            // for that answer's contacts: "aku harus lapor kemana" after a child's forced work
            // is no question about trafficking, whose example "… harus lapor ke mana" it shares.
            if safety.pattern == nil, let last = lastEligibleIntent(), priorities[last] == .high, safety.intent != last,
               Self.words(analysis.tokens) <= Self.contactQuestionWords, asksOnlyForAContact(analysis.tokens) {
                return contactsAgain(last, score: safety.score)
            }
            rule = traced(safety.pattern.map { "pattern \($0)" } ?? "high-priority topic")
            return answer(intent: safety.intent, score: safety.score, entity: nil)
        }
        // The same holds when the safety answer is the best reading only through the boost.
        if let safety = bestSafety, safety.intent == top?.intent, repeatsOnBoost(safety), let other = bestOrdinary {
            rule = traced("`\(kb.intents[other.intent].id)` reads the message on its own (\(fmt(other.score - other.boost))) better than the last safety answer does without the conversation's boost (\(fmt(safety.score - safety.boost)))")
            alsoSuggest = safety.intent
            return answer(intent: other.intent, score: other.score, entity: nil)
        }
        // A plausible safety reading that did not win is still offered, first among the
        // suggestions, whatever else answers (on the lower bar too when one of its examples is
        // close: "majikan gak kasih gaji dan ngancam terus, takut banget" gets the answer about
        // trouble abroad, with abuse by an employer abroad offered first).
        if let safety = bestSafety, safety.score >= settings.clarifyThreshold || closeOnLowerBar(safety) {
            alsoSuggest = safety.intent
        }
        // Right after a safety answer, a short message asking whom to call or where to report
        // ("who do I call?", "nomornya brp", "lapor kemana"), that no other answer holds closely
        // ("kalo lapor ke disnaker identitas sy dirahasiain gak" is the question about keeping
        // a reporter's name secret, 0.6 near its example), asks for that answer's contacts
        // (the embassy, BP3MI …), not for the office-hours callback form: the safety answer
        // again, said to be the same.
        if let last = safetyThread(),
           // (Another safety answer does not take a message asking for nothing but a contact:
           // "aku harus lapor kemana" after a child's forced work is no trafficking question.)
           top.map({ priorities[$0.intent] != .high || $0.score < settings.clarifyThreshold || asksOnlyForAContact(analysis.tokens) }) ?? true,
           // (Longer when it asks for nothing but a contact: "I'm in Bandung. is there a number
           // I can call?" after the self-harm answer, probe 26a u13.)
           Self.words(analysis.tokens) <= Self.contactQuestionWords || asksOnlyForAContact(analysis.tokens),
           // (A reading that would only ask back which channel is meant, the contact menu, does
           // not answer on its own: the safety answer's contacts are the ones meant.)
           // Nor does a general contact answer for a message that asks for nothing but a contact
           // ("is there a hotline" after a passport held abroad is not about the ministry's
           // call centre).
           top.map({ $0.score < settings.answerThreshold || $0.example < Self.answersOnItsOwnExample || asksForItsValue($0.intent)
                   || asksOnlyForAContact(analysis.tokens) }) ?? true,
           asksWhomToContact(analysis.tokens) || asksWhoCanHelp(analysis.tokens),
           !asksToReport(analysis.tokens) || answerSpeaksOfReporting(last),
           // (A question about reporting that a follow-up the answer offers reads at the answer
           // threshold, other than a form taking a message for staff, is that follow-up: "can I
           // report without losing my job" after the harassment answer, "bisa lapor kmn tanpa
           // ketahuan" is about keeping the reporter's name secret. Not a message asking for
           // nothing but a contact: "who can I report to?", "sy di bandung, ada yg bisa
           // dihubungi?".)
           !(top.map({ $0.score >= settings.answerThreshold && isOfferedNext($0) && !kb.intents[$0.intent].collectsMessage }) ?? false)
               || asksOnlyForAContact(analysis.tokens) {
            return contactsAgain(last, score: top?.score ?? 0)
        }
        // The message right after a safety answer is part of the crisis when it asks nothing on
        // its own (its best reading, context aside, below the answer threshold) or would start a
        // guided conversation: "I just feel useless. ortu nanya terus kapan kerja" after
        // thoughts of ending one's life must not start an interest quiz, nor get a lukewarm
        // answer about choosing a career. The safety answer is given again, opening with its
        // help. (Once: the message after that reads as usual. Pleasantries, messages matching
        // nothing and messages nearer an out-of-scope example keep their own replies; a question
        // that answers on its own, "lapor kemana lagi" about the agency that took the money, is
        // answered.)
        if let last = lastEligibleIntent(), priorities[last] == .high, session.activeTopic == kb.intents[last].topic,
           let safetyTurn = session.safetyTurn, session.turn == safetyTurn + 1,
           let top, top.pattern == nil, priorities[top.intent] == .normal, top.score >= settings.clarifyThreshold,
           top.score - top.boost < settings.answerThreshold || startsFlow(top.intent), ranking.outOfScope <= top.example,
           // (The safety answer's own next step, read at the answer threshold, answers instead:
           // one written for this situation, only eligible after it, on the boost too, "I'm
           // scared, what should I do" after the harassment answer; a general one such as the
           // counsellor form only on its own reading, not "no one can help me" after thoughts of
           // ending one's life, probe 23c c20.)
           !(top.score >= settings.answerThreshold && isOfferedNext(top)
             && (top.score - top.boost >= settings.answerThreshold || engine.knowledge.hasContext[top.intent])) {
            rule = traced("right after a safety answer, a message that asks nothing on its own: the safety answer again")
            var reply = answer(intent: last, score: max(top.score, settings.answerThreshold), entity: nil)
            if reply.kind == .answer { sayItIsTheSame(&reply) }
            reply.session.safetyTurn = safetyTurn
            return reply
        }

        // Inside a conversation, a message clearly nearer an out-of-scope example than any
        // intent's example ("kalo kartu kuning di sepak bola dua kali jadi merah kan?" after
        // questions about the AK/1 card, "kalau kontrak kos setahun bayar di muka ya?" after a
        // contract question) is out of scope: no follow-up rule reads it into the conversation.
        // (Not a follow-up of two words or fewer that the conversation's reading holds whole:
        // "dendanya brp" after late wages is nearer "bpjs kesehatan mandiri nunggak setahun,
        // dendanya berapa" only by its question word; probe 31b 20.2.)
        if session.activeTopic != nil, let top, top.pattern == nil,
           ranking.outOfScope >= ranking.nearestExample + Self.clearlyOutOfScope, !conversationHoldsTheFollowUp(top) {
            return fallback(reason: "inside a conversation, clearly closest to an out-of-scope example (\(fmt(ranking.outOfScope)) against \(fmt(ranking.nearestExample))): \(ranking.outOfScopeExample ?? "")")
        }
        if ranking.entitySwap, let swap = entitySwap(top) {
            rule = traced("same question as the last one, about another \(swap.entity.type)")
            var reply = answer(intent: swap.intent, score: max(top?.score ?? 0, settings.answerThreshold), entity: swap.entity)
            // An answer that does not depend on the place or job says so, rather than repeating
            // itself as if the question had not been understood.
            if reply.kind == .answer, kb.intents[swap.intent].slot == nil {
                let name = mention(swap.entity.type, swap.entity.id)?.text ?? swap.entity.text
                let lead = engine.prompt("same_answer_for", language, ["place": name])
                if !lead.isEmpty { reply.text = lead + "\n" + reply.text }
            }
            return reply
        }

        if let reply = lastQuestionAbout(top) { return reply }
        if let i = connectiveFollowUp(top) {
            rule = traced("a follow-up opening with a joining word stays in the last answer's topic")
            return answer(intent: i, score: max(top?.score ?? 0, settings.answerThreshold), entity: nil)
        }

        guard let top else { return fallback(reason: "no intent shares a word with the message") }
        if let pattern = top.pattern {
            if let reply = computeInsteadOfPattern(top) { return reply }
            rule = traced("pattern \(pattern)")
            return answer(intent: top.intent, score: 1, entity: nil)
        }
        // A pleasantry's words are no pleasantry where an answer written for this very point of
        // the conversation (one with a `context`, eligible only here) reads the message at the
        // clarify threshold: "iya" after the safety follow-up's offer of a staff member accepts
        // the offer (`handoff_accept_offer`, "ya mau"), it is no "Oke!" (probe 23e e36).
        if priority(of: top.intent) == .low,
           let written = ranking.candidates.first(where: { engine.knowledge.hasContext[$0.intent] && priorities[$0.intent] != .low
               && $0.score >= settings.clarifyThreshold }) {
            rule = traced("`\(kb.intents[written.intent].id)`, written for this point of the conversation, reads the message (\(fmt(written.score))): no pleasantry")
            return answer(intent: written.intent, score: max(written.score, settings.answerThreshold), entity: nil)
        }
        // A message of a few words nearest to a pleasantry's example, and at least
        // ``plainPleasantryExample`` near it, is that pleasantry whatever the model and the
        // conversation favour ("good night!" after interview tips: 0.72 near "good night, bye",
        // while the interview intent only holds "the night before an interview"). (A longer one,
        // "oh iya, cara bikin kartu kuning gimana ya?", is a question with a pleasantry around it.)
        // (When the best reading is a pleasantry already, only one scoring at least half as
        // well: "makasih yo" is thanks, 0.51, though the greeting holds a bare "yo" at 0.80 and
        // scores 0.09; probe 24a b16.)
        if top.pattern == nil, priority(of: top.intent) != .high,
           Self.words(analysis.tokens) <= 3,
           let pleasantry = ranking.candidates.first(where: { priorities[$0.intent] == .low && isPlainPleasantry($0) }),
           pleasantry.intent != top.intent, pleasantry.example >= ranking.nearestExample,
           priority(of: top.intent) == .normal || pleasantry.score >= 0.5 * top.score,
           // (Not one asking with a question word its example lacks: "oh gitu. kalo daftarnya
           // gmn" after a Prakerja answer asks how to register; probe 25c u05.)
           priority(of: top.intent) == .low || questionBeyond(pleasantry) == nil {
            rule = traced("a pleasantry said in so many words (nearest example \(fmt(pleasantry.example)))")
            return answer(intent: pleasantry.intent, score: max(pleasantry.score, settings.answerThreshold), entity: nil)
        }
        // "ok nanti sy tanya disnaker aja", "oke saya coba dulu": an acknowledgement that says
        // what the person will do next, asking nothing, closes the exchange. It is no follow-up
        // to read with the conversation's subject (that gave the minimum wage again, probe 24a
        // b10): the pleasantry that reads it best answers.
        if session.activeTopic != nil, top.pattern == nil, closesTheExchange(),
           let pleasantry = ranking.candidates.first(where: { priorities[$0.intent] == .low && $0.score >= Self.closingPleasantryScore }) {
            rule = traced("an acknowledgement saying what the person will do next, asking nothing: `\(kb.intents[pleasantry.intent].id)`")
            return answer(intent: pleasantry.intent, score: max(pleasantry.score, settings.answerThreshold), entity: nil)
        }
        // Pleasantries around a question never hide it: a low-priority topic (smalltalk) yields
        // to another topic's intent that answers on its own (on the bar the message would face
        // without them: lower for a long message) and that no out-of-scope example beats. The
        // question must hold a word the pleasantry's example lacks: a question about Karir
        // itself ("jawabanmu bisa salah gak", near "kalo jawaban kamu salah gimana") is no
        // pleasantry around a complaint that shares its words ("jawaban bot ini salah").
        let questionBar = settings.answerThreshold * lengthScale(analysis.tokens)
        if priority(of: top.intent) == .low,
           let question = ranking.candidates.first(where: { priorities[$0.intent] != .low && $0.score >= questionBar }),
           ranking.outOfScope <= question.example + question.boost, holdsWordsBesides(question, top) {
            rule = traced("a question inside pleasantries (score \(fmt(question.score)) ≥ answer threshold \(fmt(questionBar)))")
            return answer(intent: question.intent, score: question.score, entity: nil)
        }
        // "makasih, aku udah agak lega", "ok sy coba daftar. makasih ya nak": thanks that ask
        // nothing, whose best reading is a pleasantry, get it even below the answer threshold
        // (the fallback said "I can't answer that" to a thank-you; probes 27a u13, 27d u34).
        if priority(of: top.intent) == .low, top.pattern == nil, top.score >= Self.closingPleasantryScore, thanksAskingNothing() {
            rule = traced("thanks that ask nothing: `\(kb.intents[top.intent].id)`")
            return answer(intent: top.intent, score: max(top.score, settings.answerThreshold), entity: nil)
        }
        // A long message that a pleasantry matches only through a few of its words ("cucu sy
        // lulus smp …, baiknya kerja dulu apa kursus dulu ya" and "udah dulu ya") is a question,
        // not a goodbye: the honest answer is the fallback, with its suggestions. So is one that
        // asks with a question word the pleasantry's example does not hold ("halo selamat sore,
        // pendaftaran tes SIM di polres bisa booking lewat apa?", 0.55 near "halo selamat sore").
        if priority(of: top.intent) == .low, case let content = contentWords(analysis.tokens[...]), content >= Self.longForPleasantry {
            if top.example < Self.pleasantryExampleBar {
                // Unless another answer holds the message clearly more closely than the
                // pleasantry does ("BOT GAK GUNA!!! udah ngelamar 50 loker gak ada yg manggil …":
                // 0.66 near a job-search example, 0.36 near an insult): the model, trained on
                // single questions, favoured the insult's words; the person wants the help.
                if let question = ranking.candidates.first(where: { priorities[$0.intent] == .normal && $0.example >= Self.pleasantryExampleBar
                       && $0.example >= top.example + Self.heldMoreClosely && ranking.outOfScope <= $0.example }) {
                    rule = traced("a long message held far more closely by `\(kb.intents[question.intent].id)` (nearest example \(fmt(question.example))) than by the pleasantry (\(fmt(top.example)))")
                    return answer(intent: question.intent, score: max(question.score, settings.answerThreshold), entity: nil)
                }
                return fallback(reason: "a long message that only a pleasantry's words match (nearest example \(fmt(top.example)) < \(fmt(Self.pleasantryExampleBar)))")
            }
            if content >= Self.longForQuestionBeyond, let word = questionBeyond(top) {
                return fallback(reason: "a long message asking (\"\(word)\") beyond the pleasantry it holds (\"\(top.nearest)\")")
            }
        }
        // The conversation is evidence too: "how much does it cost?" after a certification
        // answer is not an out-of-scope question merely because an out-of-scope example
        // ("… umrah, how much does it cost") shares its generic words.
        if ranking.outOfScope > top.example + conversationMargin(top) {
            return fallback(reason: "closest to an out-of-scope example: \(ranking.outOfScopeExample ?? "")")
        }
        // A short question inside a conversation ("syaratnya apa?", "berapa lama?") is about
        // the conversation's topic when that topic has a plausible answer at all. So is one made
        // only of words that do not tell topics apart ("how long does it take?"), even when
        // another topic happens to hold that very wording: then the wording of the topic's
        // nearest example decides, not the model (which learnt that wording from the other).
        // (A pleasantry said in so many words, "makasih ya min" after a Prakerja answer, is not a
        // follow-up: its own intent answers below.)
        // A short statement of the person's own case inside a conversation ("I'm permanent
        // staff, 4 years" after "I was fired through a WhatsApp message … is that legal?") asks
        // nothing of its own: it is a fact for the question before, so it is read with the
        // conversation's subject first (it got the PKWT/PKWTT definitions on "permanent staff").
        // Held-out +3 rows, no development row changes. (Not one that an example holds closely:
        // "i forgot my siapkerja pasword" is a problem of its own, 0.79 near "forgot pasword".)
        // So is a figure of one's case anywhere in a message asking nothing ("udah 6 tahun saya
        // kerja disana" after "kena phk, pesangon dapet berapa?" got the PKWT limit at 0.32),
        // unless the message read alone gives the last answer anyway.
        let plainPleasantry = isPlainPleasantry(top)
        // A wage and little else, whose best reading is a calculation the conversation does not
        // lead to, resembles it only by its figures: "upah terakhir saya 9 juta sebulan" after
        // the pension answer got the JKP benefit (which excludes retirement), "His monthly salary
        // is 3 million rupiah. How much exactly?" after a THR question got overtime (probe 28c
        // 22/3, 10/3). It is read with the conversation's subject first.
        // When that reading lands on the same calculation, the last answer is given again: the
        // knowledge has nothing more specific for the case.
        if session.activeTopic != nil, top.pattern == nil, resemblesOnlyByFigures(top) {
            if let reply = answerWithSubject(top, repeating: true, byFigures: true) { return reply }
            if let last = session.lastIntent.flatMap({ engine.knowledge.intentIndex[$0] }), priority(of: last) == .normal,
               engine.matcher.eligible(last, session) {
                rule = traced("a wage resembling only by its figures `\(kb.intents[top.intent].id)`, which the conversation does not lead to: the last answer again")
                var reply = answer(intent: last, score: settings.answerThreshold, entity: nil)
                if reply.kind == .answer { sayItIsTheSame(&reply) }
                return reply
            }
        }
        if session.activeTopic != nil, top.pattern == nil, top.example < Self.ownCaseHeldBar, !plainPleasantry,
           statesOwnCase() || (statesOwnDetail() && kb.intents[top.intent].id != session.lastIntent),
           let reply = answerWithSubject(top, repeating: true, ownCase: true) { return reply }
        // "itu boleh gak sih" right after "ijazah sy ditahan pabrik …": a short question pointing
        // at what was just said, in words that tell no topic apart, asks about the subject. An
        // intent that reaches the answer threshold only through the conversation's boost ("orang
        // hamil boleh di phk ga sih" shares "boleh … ga sih") does not answer it before the
        // reading with the subject is tried.
        if session.activeTopic != nil, top.pattern == nil, ranking.elliptical, !plainPleasantry,
           Self.words(analysis.tokens) <= Self.shortFollowUpWords, analysis.tokens.contains(where: { QuestionParts.pointingBack.contains($0.surface) }),
           top.boost > 0, top.score - top.boost < settings.answerThreshold, kb.intents[top.intent].id != session.lastIntent,
           let reply = answerWithSubject(top, repeating: true) { return reply }
        if let active = session.activeTopic, top.pattern == nil, kb.intents[top.intent].topic != active, !plainPleasantry {
            // A follow-up pointing back that the last answer offers as its next step, and one
            // that answers on its own and holds the words closely ("cara klaimnya gmn" after the
            // PHK answer, which offers the JKP claim: 0.79 near "bagaimana cara klaim JKP?"), is
            // where the conversation goes: it is not read back into the conversation's topic.
            // (Of another topic, an intent continuing the conversation is one of those follow-ups.)
            if refersBack(analysis.tokens), continuesConversation(top.intent),
               top.score - top.boost >= settings.answerThreshold, top.example >= Self.answersOnItsOwnExample {
                rule = traced("`\(kb.intents[top.intent].id)`, which the last answer offers as its next step, answers on its own (nearest example \(fmt(top.example)))")
                return answer(intent: top.intent, score: top.score, entity: nil)
            }
            let words = Self.words(analysis.tokens)
            let short = words <= Self.shortFollowUpWords
            // (Not when it names another topic and not the conversation's: "daftar prakerja
            // step2nya gimana" after a BLK question is about Prakerja.)
            // (Nor the answer a correction just called a misreading: "bukan pelatihan pak. saya
            // tanya lowongan satpam utk orang tua" after the training eligibility, probe 27a u23.)
            if short, !ranking.anchorsOnlyAnotherTopic, let inTopic = bestCandidate(in: active, ranking), inTopic.intent != misreadIntent,
               inTopic.score >= settings.clarifyThreshold, inTopic.score >= 0.6 * top.score,
               // (Not when the other topic's answer reads the message twice as well on its own:
               // "lulusan sma bisa?" after a factory job search asks what SMA graduates can do,
               // 0.53 on its own against the job fair's 0.22 without the boost, probe 23b b07.)
               !readsTwiceAsWellAlone(top, than: inTopic) {
                rule = traced("short follow-up kept in the conversation's topic `\(active)`")
                return answer(intent: inTopic.intent, score: inTopic.score, entity: nil)
            }
            // "kapan cair?" after a question about the Prakerja incentive: a follow-up of a few
            // words, naming nothing, that the conversation topic's nearest example holds word
            // for word ("insentif prakerjaku kapan cair sih") is about the topic, even when
            // another topic uses those words more ("jht kpn bs cair").
            // (Not words of acknowledgement only, "oh oke", which an example opening "oh oke, blk
            // itu gimana sih" holds too; probe 30c 16/3.)
            if short, words >= 2, analysis.entities.isEmpty, let inTopic = ranking.nearestInTopic, !onlyAcknowledges(),
               inTopic.example >= Self.heldWordForWordBar, ranking.outOfScope <= inTopic.example + conversationMargin(inTopic), holdsEveryWord(inTopic) {
                rule = traced("short follow-up held word for word by an example of the conversation's topic `\(active)` (\"\(inTopic.nearest)\")")
                return answer(intent: inTopic.intent, score: max(inTopic.score, settings.answerThreshold), entity: nil)
            }
            // "and how long is it valid?" after AK/1 answers: a follow-up of a few words whose
            // wording an intent of the conversation's topic holds nearly as closely as the other
            // topic's does. The conversation supplies the subject the message leaves out; the
            // model, trained on single questions, cannot see it.
            // (Not one naming another topic and not the conversation's: "yang jkp itu berapa lama
            // cairnya" after JHT answers is about JKP.)
            if words <= Self.followUpWords, !ranking.anchorsOnlyAnotherTopic, !onlyAcknowledges(), let inTopic = ranking.nearestInTopic,
               inTopic.intent != misreadIntent, inTopic.example >= Self.followUpExampleBar, top.example - inTopic.example < Self.followUpExampleMargin,
               ranking.outOfScope < inTopic.example {
                rule = traced("follow-up worded like an intent of the conversation's topic `\(active)` (nearest example \(fmt(inTopic.example)) against \(fmt(top.example)))")
                return answer(intent: inTopic.intent, score: max(inTopic.score, settings.answerThreshold), entity: nil)
            }
            // "lowongannya di mana?" after questions about the police: a short follow-up naming
            // nothing, whose wording one of the topic's intents holds closely, and that intent
            // asks about something the conversation already named (its slot is remembered).
            if short, analysis.entities.isEmpty,
               let named = ranking.candidates.first(where: { c in
                   kb.intents[c.intent].topic == active && c.example >= Self.ellipticalExampleBar
                       && kb.intents[c.intent].slot.map { remembered($0.value) != nil } == true
               }) {
                rule = traced("short follow-up about the \(kb.intents[named.intent].slot?.value ?? "value") the conversation named, in topic `\(active)`")
                return answer(intent: named.intent, score: max(named.score, settings.answerThreshold), entity: nil)
            }
            if ranking.elliptical, let inTopic = ranking.nearestInTopic {
                if inTopic.example >= Self.ellipticalExampleBar {
                    rule = traced("elliptical follow-up (only topic-neutral words) kept in the conversation's topic `\(active)`")
                    return answer(intent: inTopic.intent, score: max(inTopic.score, settings.answerThreshold), entity: nil)
                }
                // The topic has only a loose match: read the message with the conversation's
                // subject ("itu sah gak?" after a probation extended again), else ask rather
                // than jump to another topic's answer that merely shares the generic words.
                if inTopic.example >= Self.ellipticalExampleBar / 2 {
                    if let reply = answerWithSubject(top, repeating: true) { return reply }
                    // (Only a plausible other reading is offered: "trus aku hrs gmn" after the
                    // answer for a 16-year-old got a choice with "how to press a claim with HR",
                    // 0.05, probe 23a a13. Below the clarify threshold the rules below decide.)
                    // (Nor asked when the other reading answers on its own and holds the words
                    // closely: "uang bisa balik gak??" after a trafficking answer about an agent
                    // who took the money is the question about getting paid money back, 0.64 near
                    // "ketipu loker, uangku bisa balik gak", probe 23d d36.)
                    if top.score - top.boost >= settings.answerThreshold, top.example >= Self.answersOnItsOwnExample {
                        rule = traced("a follow-up the conversation's topic `\(active)` holds only loosely; `\(kb.intents[top.intent].id)` answers on its own (nearest example \(fmt(top.example)))")
                        return answer(intent: top.intent, score: top.score, entity: nil)
                    }
                    if top.score >= settings.clarifyThreshold {
                        return clarify([inTopic, top], reason: "follow-up that the conversation's topic `\(active)` holds only loosely (nearest example \(fmt(inTopic.example))) and another reading holds better: asking which")
                    }
                }
            }
            // "berapa lama prosesnya?" after questions about working in Taiwan, "berapa biayanya?"
            // after a JHT answer: a short follow-up that points back at the conversation's
            // subject ("-nya", "it") and names no other topic is about that subject, whichever
            // topic holds the same words ("berapa lama prosesnya?" is an AK/1 example). The
            // topic's nearest intent answers, or Karir asks, or says it has no answer there and
            // offers the topic's answers.
            if !ranking.namesAnotherTopic, refersBack(analysis.tokens), words <= Self.backReferenceWords {
                let inTopic = ranking.nearestInTopic
                if let inTopic, inTopic.example >= Self.ellipticalExampleBar {
                    rule = traced("follow-up about the conversation's subject, answered in its topic `\(active)`")
                    return answer(intent: inTopic.intent, score: max(inTopic.score, settings.answerThreshold), entity: nil)
                }
                // Else the message read with the conversation's subject ("who pays it?" after
                // the Magang Nasional allowance) answers when it can, before asking; before
                // saying where to ask, only when it lands on another answer than the last one
                // (a repeat says no more than the fallback that points to the right office).
                if let inTopic, inTopic.example >= Self.ellipticalExampleBar / 2 {
                    if let reply = answerWithSubject(top, repeating: true) { return reply }
                    return clarify([inTopic, top], reason: "follow-up that the conversation's topic `\(active)` holds only loosely (nearest example \(fmt(inTopic.example))) and another reading holds better: asking which")
                }
                if let reply = answerWithSubject(top, repeating: false) { return reply }
                // Unless another topic holds it closely and answers on its own: "ok what's the
                // phone number" after a severance question (0.63 near "Disnaker phone number").
                if top.score >= settings.answerThreshold, top.example >= Self.answersOnItsOwnExample {
                    rule = traced("a follow-up about the conversation's subject that its topic `\(active)` has no answer for; `\(kb.intents[top.intent].id)` answers on its own (nearest example \(fmt(top.example)))")
                    return answer(intent: top.intent, score: top.score, entity: nil)
                }
                return fallback(reason: "a follow-up about the conversation's subject that its topic `\(active)` has no answer for", about: active)
            }
        }
        // The same wording taught to several topics ("berapa biayanya?"): the conversation's
        // context picks one; without context, ask which was meant.
        let bestExample = ranking.candidates.prefix(5).map(\.example).max() ?? 0
        var sameWording = ranking.candidates.prefix(5).filter { $0.example >= 0.8 && bestExample - $0.example < 0.03 }
        // A reading that needs a value nobody named is not one of them when a complete one is.
        if sameWording.contains(where: { !lacksSlot($0) }) { sameWording.removeAll(where: lacksSlot) }
        if sameWording.count >= 2, Set(sameWording.map { kb.intents[$0.intent].topic }).count >= 2 {
            // (A message read without the context boosts, "which LSP certifies baristas?" after
            // questions about baristas, is still placed by the conversation here: the wording is
            // the same, only the conversation tells the readings apart.)
            let inContext = sameWording.filter { $0.boost > 0 || (ranking.selfContained && continuesConversation($0.intent)) }
            // None of them is the conversation's, but the conversation's own intent answers well
            // enough ("biayanya?" after BLK questions, while Prakerja and AK/1 hold "ada
            // biayanya?" word for word): it answers.
            if inContext.isEmpty, top.boost > 0, top.score >= settings.answerThreshold,
               kb.intents[top.intent].topic == session.activeTopic, top.example >= Self.ellipticalExampleBar {
                rule = traced("same wording in other topics; the conversation's own intent answers")
                return answer(intent: top.intent, score: top.score, entity: nil)
            }
            if inContext.count == 1 {
                rule = traced("same wording in several topics; the conversation's context decides")
                return answer(intent: inContext[0].intent, score: max(inContext[0].score, settings.answerThreshold), entity: nil)
            }
            return clarify(Array((inContext.isEmpty ? sameWording : inContext).prefix(3)), reason: "same wording in several topics (examples ≥ 0.8), and the conversation does not pick one")
        }
        // A pleasantry is never a competing reading of a question: when the best candidate is
        // not small talk, small-talk candidates take no part in asking back.
        let readings = priority(of: top.intent) == .low ? ranking.candidates : ranking.candidates.filter { priorities[$0.intent] != .low }
        let others = readings.dropFirst()
        let scale = lengthScale(analysis.tokens)
        let answerBar = settings.answerThreshold * scale, clarifyBar = settings.clarifyThreshold * scale
        if top.score >= answerBar {
            // A guided conversation (an interest quiz) is not started on the conversation's
            // boost alone when another topic's reading answers on its own ("ada pelatihannya
            // gratis gak?" after career questions is about free training, not a quiz).
            // (On the clarify threshold: a quiz started by mistake traps the person. "aku pengen
            // ngobrol sama orang aja kak" after career answers asks for a person, 0.21, not the
            // quiz that only the boost lifted; probe 25a u39.)
            if top.score - top.boost < answerBar, startsFlow(top.intent),
               let other = others.first(where: { kb.intents[$0.intent].topic != kb.intents[top.intent].topic && $0.score >= clarifyBar }) {
                rule = traced("`\(kb.intents[top.intent].id)` starts a guided conversation only on the conversation's boost; `\(kb.intents[other.intent].id)` reads the message on its own (\(fmt(other.score)))")
                return answer(intent: other.intent, score: max(other.score, answerBar), entity: nil)
            }
            // Within one topic the conversation cannot tell two answers apart: only the last
            // answer's follow-up link lifts the best one. Another answer of the same topic that
            // holds the message's words far more closely answers instead ("suami dpt cuti
            // juga?" after maternity leave: 0.40 near an annual-leave example, 0.71 near one
            // about leave when a wife gives birth).
            if top.boost > settings.topicBoost,
               let closer = others.first(where: { kb.intents[$0.intent].topic == kb.intents[top.intent].topic
                   && $0.example >= Self.followUpExampleBar && $0.example - top.example >= Self.muchCloserElsewhere }) {
                rule = traced("`\(kb.intents[top.intent].id)` leads on the follow-up link alone; `\(kb.intents[closer.intent].id)` of the same topic holds the words far more closely (\(fmt(closer.example)) against \(fmt(top.example)))")
                return answer(intent: closer.intent, score: max(closer.score, answerBar), entity: nil)
            }
            // Two close candidates from different topics are two different questions: ask.
            // Close candidates of one topic are neighbouring answers: answer the best and
            // offer the other first among the suggestions.
            // (When the conversation's context already favours the top one, it has decided.)
            if let second = others.first, kb.intents[second.intent].topic != kb.intents[top.intent].topic,
               top.score - second.score < settings.clarifyMargin, top.boost <= second.boost {
                // A reading that needs a value nobody named ("where are the vacancies for
                // <occupation>?" when the message and the conversation name no occupation) is
                // the weaker one: the other answers without asking twice.
                switch (lacksSlot(top), lacksSlot(second)) {
                case (false, true):
                    rule = traced("nearest examples; `\(kb.intents[second.intent].id)` was as close but needs a \(kb.intents[second.intent].slot?.value ?? "value") nobody named")
                    return answer(intent: top.intent, score: top.score, entity: nil)
                case (true, false):
                    rule = traced("nearest examples; `\(kb.intents[top.intent].id)` was as close but needs a \(kb.intents[top.intent].slot?.value ?? "value") nobody named")
                    return answer(intent: second.intent, score: second.score, entity: nil)
                default:
                    // A message that names only one of the two topics, with a word of its own
                    // ("jht" in "kena phk dr toko retail, jht sy bs dicairin gak? caranya gmn",
                    // probe 26a u16; the shop and "caranya" are near an example about applying to
                    // shops), asks about that one.
                    let topAnchored = anchorsTopic(of: top.intent), secondAnchored = anchorsTopic(of: second.intent)
                    if topAnchored != secondAnchored, !lacksSlot(topAnchored ? top : second) {
                        let named = topAnchored ? top : second
                        rule = traced("top candidates of different topics too close; only `\(kb.intents[named.intent].topic)` is named by a word of its own")
                        return answer(intent: named.intent, score: max(named.score, answerBar), entity: nil)
                    }
                    return clarify(Array(readings.prefix { top.score - $0.score < settings.clarifyMargin * 2 }.prefix(3)), reason: "top candidates of different topics too close (margin < \(fmt(settings.clarifyMargin)))")
                }
            }
            if let second = others.first, top.score - second.score < settings.clarifyMargin {
                if alsoSuggest == nil { alsoSuggest = second.intent }
            }
            // A reading of another topic that answers the message on its own too is most likely
            // a second question in it ("cara bikin cv sama tips interview sama gaji fresh grad
            // brp yg wajar": the pay answers, the CV reads it at 0.35): offered first among the
            // suggestions, so one number answers it (probe 24b u27).
            if alsoSuggest == nil, let other = others.first(where: { kb.intents[$0.intent].topic != kb.intents[top.intent].topic
                && priority(of: $0.intent) == .normal && $0.score - $0.boost >= settings.answerThreshold }) {
                alsoSuggest = other.intent
            }
            rule = traced("nearest examples (score \(fmt(top.score)) ≥ answer threshold \(fmt(answerBar)))")
            return answer(intent: top.intent, score: top.score, entity: nil)
        }
        if let reply = answerWithSubject(top) { return reply }
        // Two messages after a safety answer, with one answer about reporting or contacts in
        // between, a message that matches nothing well is still the crisis: "gimana kalau saya
        // kabur aja dari rumah majikan" after the answer on violence at work and one on reporting
        // without losing the job (probe 26b u38) gets the violence answer again, not the form
        // asking for a message for staff.
        if let safetyTurn = session.safetyTurn, session.turn == safetyTurn + 2,
           let id = session.safetyIntent, let safety = engine.knowledge.intentIndex[id], engine.matcher.eligible(safety, session),
           session.activeTopic != kb.intents[safety].topic, top.pattern == nil, priorities[top.intent] != .low,
           top.score - top.boost < settings.answerThreshold, !ranking.outOfScopeIsNearer,
           // (It must still sound like a crisis: one of the safety examples holds it fairly
           // closely, "kabur … majikan" 0.50 near "majikan di malaysia ngancam bunuh sy kalau
           // kabur dari rumahnya".)
           ranking.candidates.contains(where: { priorities[$0.intent] == .high && $0.example >= Self.crisisStillExample }) {
            rule = traced("two messages after a safety answer, a message that matches nothing well: the safety answer again")
            var reply = answer(intent: safety, score: max(top.score, settings.answerThreshold), entity: nil)
            if reply.kind == .answer { sayItIsTheSame(&reply) }
            return reply
        }
        // Inside a conversation, a follow-up that matches nothing well ("will I get banned?"
        // after a question about quitting Magang Nasional) is most likely about the
        // conversation's topic: its best intent answers, if it is plausible at all, the message
        // is mostly known words, and no out-of-scope example is nearer.
        // (Not one whose wording another topic holds far more closely: "is there free training
        // while I look for work?" after JHT answers, 0.66 near a training example, 0.21 near a
        // JHT one.)
        if let active = session.activeTopic,
           let inTopic = bestCandidate(in: active, ranking) ?? ranking.nearestInTopic,
           top.example - inTopic.example < Self.muchCloserElsewhere,
           inTopic.score >= Self.conversationFloor, inTopic.knownFactor >= 0.9,
           top.intent == inTopic.intent || top.score < Self.clearlyBetterElsewhere * inTopic.score,
           // (A question of its own, long or naming another topic, gets no margin from the
           // conversation against an out-of-scope example: "saya bisa pinjem modal buat beli
           // motor baru ga lewat sini?" after Prakerja questions, 0.26 near an out-of-scope
           // example, got the Prakerja balance at 0.08, probe 29b 06/6.)
           // (One pointing back, "can that be done online too or only in person" after the AK/1
           // renewal, keeps it.)
           ranking.outOfScope <= inTopic.example + (ranking.selfContained && !pointsBack(analysis.tokens) ? 0 : conversationMargin(inTopic)) {
            // A statement of one's own case or place that reads that weakly ("aku di Bekasi btw"
            // after the answer on a held diploma got the resignation answer at 0.13, probe 27f
            // u08) is a detail for the last answer: that answer again, said to be the same, its
            // lines bearing on the detail first.
            if (inTopic.score < settings.clarifyThreshold && (statesOwnCase() || statesOnlyAPlace()))
                || (inTopic.score < settings.answerThreshold && statesOwnDetail()),
               let last = session.lastIntent.flatMap({ engine.knowledge.intentIndex[$0] }), last != inTopic.intent,
               kb.intents[last].topic == active, priority(of: last) == .normal {
                rule = traced("a statement of one's own case matching nothing well: the last answer again")
                var reply = answer(intent: last, score: settings.clarifyThreshold, entity: nil)
                if reply.kind == .answer { sayItIsTheSame(&reply) }
                return reply
            }
            rule = traced("follow-up matching nothing well, answered within the conversation's topic `\(active)`")
            return answer(intent: inTopic.intent, score: inTopic.score, entity: nil)
        }
        // Unsure between several answers: ask. Unsure about a single one: that is a fallback
        // that offers it among the suggestions.
        let plausible = readings.prefix { $0.score >= clarifyBar }
        if plausible.count >= 2 {
            return clarify(Array(plausible.prefix(3)), reason: "no reading reaches the answer threshold \(fmt(answerBar)); several reach the clarify threshold \(fmt(clarifyBar))")
        }
        // Inside a conversation, a weak best reading of the conversation's own topic, in words
        // the knowledge mostly knows, is a question about that topic it has no answer for: the
        // fallback says where to ask (the topic's `where_to_ask`). (Outside a conversation, the
        // one plausible reading's topic was tried too: on the development sets 4 of the 6
        // messages it caught were in scope, and a wedding permit got "ask BPJS": not adopted.)
        let about = session.activeTopic.flatMap { active in
            kb.intents[top.intent].topic == active && top.knownFactor >= Self.subjectKnownFactor ? active : nil
        }
        if top.score >= clarifyBar {
            return fallback(reason: "best score \(fmt(top.score)) below answer threshold \(fmt(answerBar)) and no second candidate above \(fmt(clarifyBar))",
                            about: about)
        }
        return fallback(reason: "best score \(fmt(top.score)) below clarify threshold \(fmt(clarifyBar))", about: about)
    }

    /// A follow-up that matches nothing well on its own ("bisa report kemana, takut
    /// di-blacklist" after "uang lembur sy gak dibayar 3 bulan") read together with the
    /// conversation's subject (``Session/subject``, the last message answered on its own words):
    /// the subject supplies what the follow-up leaves out. The joined reading answers when its
    /// best intent continues the conversation, scores at the answer threshold, is not nearer an
    /// out-of-scope example, and the follow-up itself is mostly words the knowledge knows (a
    /// question about cats after a BLK question is not a BLK question).
    /// - Parameter repeating: whether the reading may land on the answer just given (said so
    ///   before it); when not, only another answer of the conversation is taken.
    mutating func answerWithSubject(_ top: Candidate, repeating: Bool = true, ownCase: Bool = false, byFigures: Bool = false) -> Reply? {
        // (A wage resembling a calculation only by its figures may name that calculation's
        // topic, "upah terakhir": it still reads with the subject.)
        guard let subject = session.subject, session.activeTopic != nil, let ranking, !ranking.selfContained || byFigures,
              top.knownFactor >= Self.subjectKnownFactor,
              // (Not a pleasantry said in so many words; "what should I do?" is only worded
              // like small talk's "what should I ask".)
              !isPlainPleasantry(top),
              // (Nor a request for a person, or a danger, that the message makes on its own: "saya
              // mau ngomong sama petugas aja" after questions about working hours, 0.40 alone,
              // was the working hours again, probe 29a 20/6.)
              !(standsOnItsOwn(top) && top.score - top.boost >= settings.answerThreshold),
              // (Nor the figures for a calculation that the last answer offers as its next step,
              // when that reading is first: "aku udah kerja 2 tahun, gajinya 3,8 juta" right
              // after the THR answer is the THR amount worked out, not the THR answer again.)
              !computesForTheLastAnswersNextStep(top),
              ranking.outOfScope <= top.example + conversationMargin(top) else { return nil }
        let joined = joined(after: subject)
        let reading = engine.matcher.rank(joined, session: session, patterns: false)
        // The reading continues the conversation, or it agrees with the message read alone,
        // which answers on its own ("berlaku brp lama" after a barista's BNSP certificate: the
        // certificate's validity both ways, though the conversation was about the occupation).
        let agrees = reading.candidates.first.map { $0.intent == top.intent && top.score >= settings.answerThreshold * lengthScale(analysis.tokens) } ?? false
        guard let best = reading.candidates.first, continuesConversation(best.intent) || agrees, !isHighPriority(best.intent),
              reading.outOfScope <= best.example, !byFigures || best.intent != top.intent else { return nil }
        // Nor a guided conversation (the interest quiz) started again from the subject's words
        // when the message answers on its own with another intent: "aku suka gambar sama main hp"
        // after leaving the quiz that "bingung mau kuliah apa kerja" started is about jobs for
        // people who like drawing (0.47), not the quiz's first question again.
        if startsFlow(best.intent), best.intent != top.intent, top.score - top.boost >= settings.answerThreshold * lengthScale(analysis.tokens) {
            return nil
        }
        // Not when another topic holds a longer follow-up's own wording far more closely than
        // the reading's topic does ("is there free training while I look for work?" after a
        // JHT answer): the subject's words would decide alone. (A short one, "is it free?",
        // is worded like many topics' examples and needs the subject.)
        let topic = kb.intents[best.intent].topic
        if Self.words(analysis.tokens) > Self.followUpWords, kb.intents[top.intent].topic != topic {
            let own = ranking.candidates.first { kb.intents[$0.intent].topic == topic }?.example ?? ranking.nearestInTopic?.example ?? 0
            guard top.example - own < Self.muchCloserElsewhere else { return nil }
        }
        let bar = settings.answerThreshold * lengthScale(joined.tokens)
        // The answer just given, again, only when repeating is allowed and for a message no
        // out-of-scope example holds more closely than an intent's ("how to get a tourist visa
        // then" after questions about finding work: the joined reading's words are mostly the
        // subject's).
        let repeats = kb.intents[best.intent].id == session.lastIntent
        guard best.score >= bar, !repeats || (repeating && ranking.outOfScope < top.example) else { return nil }
        // Nor the answer just given again when another answer of the conversation's topic reads
        // the message itself at the answer threshold (with the conversation's boost) and at the
        // clarify threshold without it: "itu brp" after "prakerja masih ada ga 2026" asks for the
        // Prakerja amounts (0.44), not for the programme again (probe 24b u25).
        if repeats, !ownCase, !byFigures, top.intent != best.intent, kb.intents[top.intent].id != session.lastIntent,
           priority(of: top.intent) == .normal, top.score >= settings.answerThreshold, kb.intents[top.intent].topic == session.activeTopic,
           top.score - top.boost >= settings.clarifyThreshold { return nil }
        // Nor, for a statement of one's own case, the answer just given again when another
        // answer reads the statement well enough: one that holds it closely and reads it on its
        // own, the conversation's boost aside ("sy cuma tamat sd" after a question about changing
        // careers at 52: 0.57 near "buruh tani cuma tamat sd, …", the answer about manual work
        // without a diploma), or, for a statement naming a place, one of the conversation's topic
        // at the answer threshold ("i'm in Kupang" after free language courses asks where the
        // training centres there are, 0.38, not for the courses again; probe 23c c29).
        if repeats, ownCase, top.intent != best.intent, priority(of: top.intent) == .normal {
            let ownBar = settings.answerThreshold * lengthScale(analysis.tokens)
            let heldClosely = top.example >= Self.ownCaseOwnReading && top.score - top.boost >= ownBar
            let placeInTopic = kb.intents[top.intent].topic == session.activeTopic && top.score >= ownBar
                && analysis.entities.contains(where: { PlaceReference.placeTypes.contains($0.type) })
            if heldClosely || placeInTopic { return nil }
        }
        rule = traced("read with the conversation's subject \"\(subject)\" (score \(fmt(best.score)) ≥ \(fmt(bar)))")
        readWithSubject = true
        var reply = answer(intent: best.intent, score: best.score, entity: nil)
        // Read with the subject, the follow-up lands on the answer just given: the knowledge has
        // nothing more specific. Said so before the answer (which often covers the case: "even if
        // it's a small shop?" after the minimum wage), with the way to a person.
        if reply.kind == .answer, repeats { sayItIsTheSame(&reply) }
        return reply
    }

    /// Marks an answer given again as such (``Reply/repeated``); at the end of the turn
    /// ``answerGivenAgain(_:before:)`` says so and puts the lines bearing on the message first
    /// (not for a safety answer, which opens with its help).
    func sayItIsTheSame(_ reply: inout Reply) {
        reply.repeated = true
    }

    /// Puts the way to a person first among the suggestions of an answer given again, so that
    /// its lead can name the number (one keystroke, not a phrase to type): the values for the
    /// `same_answer_…` prompts.
    func offerStaffFirst(_ reply: inout Reply) -> [String: Any] {
        guard let staff = engine.knowledge.intentIndex[Self.staffIntent], reply.intent != Self.staffIntent else { return [:] }
        reply.suggestions = choices(leadingWith: staff, reply.suggestions)
        reply.session.offeredChoices = reply.suggestions.map(\.intent)
        return ["staff_number": 1]
    }

    /// Whether a correction negated nothing but the last answer itself: "bukan itu", "bukan yang
    /// itu kak", "not that" before what it does mean.
    func rejectsLastAnswer() -> Bool {
        guard !corrected.negated.isEmpty, session.lastIntent != nil else { return false }
        return negatedWords().isEmpty && !corrected.negated.contains { $0.entity != nil }
    }

    /// Whether what a correction negated, read on its own, is best answered by the last answer:
    /// "gajinya bukan kurang, tapi ga dibayar sama sekali" after the answer about pay below the
    /// minimum. The conversation's topic stands (the message refines it); the last answer and
    /// the choices it offered lift no reading.
    func negatesLastAnswer() -> Bool {
        guard let last = session.lastIntent.flatMap({ engine.knowledge.intentIndex[$0] }) else { return false }
        let words = negatedWords()
        guard !words.isEmpty else { return false }
        let alone = engine.matcher.rank(reading(of: words), session: Session(language: session.language)).candidates.first
        return alone.map { $0.intent == last && $0.score >= Self.negatedReadingFloor } ?? false
    }

    /// The words a correction negated that say what was negated: not the negating words, words
    /// pointing at the last answer ("itu", "yang") or addressing Karir ("kak"), nor places and
    /// jobs. Empty for "bukan itu", "bukan jakarta".
    func negatedWords() -> [Token] {
        corrected.negated.filter { t in
            t.entity == nil && !Correction.negators.contains(t.surface) && !Correction.pointingWords.contains(t.surface)
                && !AskingPreamble.addressWords.contains(t.surface)
        }
    }

    /// A word or two negated in a correction reads low against any example ("kurang" alone: 0.17
    /// for pay below the minimum); from this score, the plausibility floor of a context boost, its
    /// best reading counts.
    static let negatedReadingFloor = 0.15

    /// Whether the words a correction negated (``corrected``) hold a word anchoring the
    /// conversation's topic ("bukan saldo jht" inside a JHT conversation).
    func negatesConversationTopic() -> Bool {
        guard !corrected.negated.isEmpty, let active = session.activeTopic, let topic = engine.knowledge.topicNumber[active] else { return false }
        let q = engine.knowledge.index.query(corrected.negated)
        return engine.knowledge.topicNeutral.anchors(q, topic: topic).own
    }

    /// The factor on the answer and clarify thresholds for a message of these words: a long
    /// message shares fewer of its words with any one short example, so its cosine is lower for
    /// the same evidence, and it gets a lower bar.
    func lengthScale(_ tokens: [Token]) -> Double {
        // (A named place or job counts its words: "tukang listrik" is two words typed, one token.)
        let known = tokens.reduce(0) { n, t in
            guard t.known, !Self.fillers.contains(t.surface) else { return n }
            return n + (t.entity.map { $0.text.split(separator: " ").count } ?? 1)
        }
        return known >= settings.longMessageWords ? settings.longMessageFactor : 1
    }

    /// The least share of known words (``Candidate/knownFactor``) of a follow-up read with the
    /// conversation's subject, and of one whose fallback says where to ask about the
    /// conversation's topic.
    static let subjectKnownFactor = 0.9
    /// The least share of known words of a first question that falls back for it still to
    /// start the conversation in its best reading's topic: regional speech leaves words unknown
    /// ("beta su lulus kuliah S1 taong lalu, bisa iko magang nasional ka seng?").
    static let fallbackTopicKnownFactor = 0.75

    /// Whether the message is nothing but words of acknowledgement and forms of address ("oh
    /// oke", "ok kak"): no follow-up question, whatever example opens with them.
    func onlyAcknowledges() -> Bool {
        analysis.tokens.allSatisfy { AskingPreamble.fillers.contains($0.surface) || AskingPreamble.addressWords.contains($0.surface) }
    }

    /// Whether the message points back at something the conversation named: a possessive
    /// "-nya" on a word that has a root ("biayanya"), or "it", "its", "them", "the" ("what are
    /// the requirements?"). ("itu" and "that" also open questions of their own: "tes psikolog
    /// itu apa?")
    func refersBack(_ tokens: [Token]) -> Bool {
        tokens.contains { t in
            Self.referringWords.contains(t.surface)
                || (t.surface.hasSuffix("nya") && t.surface != t.stem && !Self.adverbsInNya.contains(t.surface))
        }
    }

    /// Adverbs ending in "-nya" that point at nothing said before ("takutnya anak sy dipecat
    /// kalo lapor" fears for the worker, probe 30a 12/7; "lowongan HR di jakarta
    /// biasanya cari dimana ya?" after JKP answers asks where HR vacancies are, probe 27a u01).
    static let adverbsInNya: Set<String> = [
        "biasanya", "sebenarnya", "sebetulnya", "sebaiknya", "seharusnya", "harusnya", "mestinya", "semestinya", "akhirnya",
        "rupanya", "katanya", "misalnya", "sepertinya", "kayaknya", "kyknya", "keknya", "soalnya", "pokoknya", "tampaknya",
        "nampaknya", "rasanya", "umumnya", "intinya", "sayangnya", "untungnya", "agaknya", "takutnya", "ujungnya",
    ]

    static let referringWords: Set<String> = ["it", "its", "them", "the"]

    /// Whether the message points at something said before: ``refersBack(_:)``, or a word that
    /// points back at what was just said ("itu", "that", ``QuestionParts/pointingBack``; "tadi").
    func pointsBack(_ tokens: [Token]) -> Bool {
        refersBack(tokens) || tokens.contains { QuestionParts.pointingBack.contains($0.surface) || $0.surface == "tadi" }
    }

    /// A question word of the message ("apa", "gmn" → "bagaimana", "how") that the candidate's
    /// nearest example does not hold, if any.
    func questionBeyond(_ c: Candidate) -> String? {
        let asked = analysis.tokens.map(\.surface).filter { QuestionParts.questionWords.contains($0) }
        guard !asked.isEmpty else { return nil }
        let example = Set(nearestExampleTokens(c).map(\.surface))
        return asked.first { !example.contains($0) }
    }

    /// The candidate's nearest example, analysed as a message is.
    func nearestExampleTokens(_ c: Candidate) -> [Token] {
        engine.knowledge.analyzer.analyze(c.nearest, sessionLanguage: language).tokens
    }

    /// A message of this many content words or more is answered with a pleasantry (small talk)
    /// only when a pleasantry's example is at least ``pleasantryExampleBar`` near it. On every
    /// evaluation question, the only small-talk answers this changes: a 15-word question about a
    /// grandchild's schooling that got "goodbye" for its "dulu ya" (long thanks and greetings
    /// have examples 0.47–0.67 near). 0.45 rather than 0.4: a greeting before an out-of-scope
    /// question ("halo selamat pagi, jadwal tes SIM di Polres Bekasi …", 0.405 near "selamat
    /// pagi") is not a greeting; no evaluation answer was lost.
    static let longForPleasantry = 8
    /// How much more closely another answer's example must hold a long message than the
    /// pleasantry's does for that answer to be given instead of a fallback.
    static let heldMoreClosely = 0.2
    /// A message of this many content words or more that asks with a question word its nearest
    /// pleasantry example does not hold is not that pleasantry (``questionBeyond(_:)``). Ten,
    /// not eight: "who are you? are you real person or robot?" asks about Karir itself.
    static let longForQuestionBeyond = 10
    static let pleasantryExampleBar = 0.45
    /// A message this near a pleasantry's example (small talk) is that pleasantry, inside a
    /// conversation too: the rules that keep short follow-ups in the conversation's topic do not
    /// apply to it ("makasih ya min" after a Prakerja answer: 0.82 near "makasih ya").
    static let plainPleasantryExample = 0.7

    /// A follow-up that refers back has at most this many words (joining words not counted).
    /// Five rather than four: "how long is the waiting time?" after a question about the Korea
    /// programme went to the AK/1 processing time (follow-ups 84.9 → 85.4%, out-of-scope
    /// follow-ups unchanged); six lost "all of it or only part?" after a JHT question.
    static let backReferenceWords = 5

    /// A lone number up to this is read as a choice (numbers of suggestions and clarify menus
    /// stay small); a larger one ("2026", "175") may be a question.
    static let choiceNumbers = 9

    /// A follow-up of this many words or fewer ("syaratnya apa?") is short: it leans on the
    /// conversation for its subject.
    static let shortFollowUpWords = 3

    /// The least similarity of the example that holds a short follow-up word for word.
    static let heldWordForWordBar = 0.4

    /// Whether the message is the candidate's pleasantry said in so many words: a low-priority
    /// intent whose example is at least ``plainPleasantryExample`` near, or one whose nearest
    /// example holds every word of the message but forms of address and particles ("makasih
    /// mas" is 0.66 near "terima kasih": the "mas" is not another subject).
    func isPlainPleasantry(_ c: Candidate) -> Bool {
        guard priority(of: c.intent) == .low else { return false }
        if c.example >= Self.plainPleasantryExample { return true }
        return c.example >= Self.addressedPleasantryExample && holdsEveryWord(c, besides: AskingPreamble.addressWords)
    }

    /// Whether the message is an acknowledgement announcing the person's next step ("ok nanti
    /// saya coba", "siap, besok saya ke disnaker aja", "ok I'll try that"): it opens with "ok"
    /// (or "oke", "siap", "baik" …), holds a word of intention (``intentionWords``), has no
    /// question mark and no question word, and at most ``closingWords`` words.
    func closesTheExchange() -> Bool {
        let words = analysis.tokens.map(\.surface)
        guard let first = words.first, Self.acknowledgementWords.contains(first), words.contains(where: { Self.intentionWords.contains($0) })
        else { return false }
        return isShortAndAsksNothing(words)
    }

    /// Whether the message, cut into `words`, has at most ``closingWords`` of them, no question
    /// mark, and no question word or asking word.
    func isShortAndAsksNothing(_ words: [String]) -> Bool {
        words.count <= Self.closingWords && hasNoQuestionMarkOrWord(words) && !words.contains(where: Self.askingWords.contains)
    }

    /// Whether the message has no question mark and its `words` no question word.
    func hasNoQuestionMarkOrWord(_ words: [String]) -> Bool {
        !text.contains("?") && !words.contains(where: QuestionParts.questionWords.contains)
    }

    /// Whether the message thanks ("terima kasih", "thanks", "thank you") in at most
    /// ``closingWords`` words, without a question mark, question word or asking word.
    func thanksAskingNothing() -> Bool {
        Self.holdsThanks(analysis.tokens) && isShortAndAsksNothing(analysis.tokens.map(\.surface))
    }

    /// Words that make a message without a question mark ask ("ok nanti bisa daftar lagi").
    static let askingWords: Set<String> = ["bisa", "boleh", "ada", "kah", "can", "could", "should", "do", "does", "is", "are"]

    static let acknowledgementWords: Set<String> = AskingPreamble.fillerHeads.union(["siap", "sip", "baik", "baiklah", "noted", "alright"])
    /// Words announcing what one will do ("nanti", "coba", "dulu", "aja", "will", "try", "later").
    static let intentionWords: Set<String> = ["nanti", "coba", "dulu", "besok", "aja", "saja", "will", "try", "later", "tomorrow", "first"]
    static let closingWords = 8
    /// The least score of the pleasantry that answers a closing (``closesTheExchange()``).
    static let closingPleasantryScore = 0.1

    /// Indonesian words that carry no subject (as the analyser spells them): two of them mark a
    /// code-mixed message as Indonesian inside an Indonesian conversation.
    static let indonesianFunctionWords: Set<String> = ["yang", "dan", "aja", "saja", "sih", "dong", "tidak", "bagaimana", "kalau",
                                                       "juga", "sudah", "tapi", "deh", "kok", "atau", "gitu", "banget"]

    /// Courtesies typed alike in Indonesian and English chats.
    static let courtesyWords: Set<String> = ["thanks", "thank", "you", "thx", "tq", "sorry", "bye", "please", "pls", "ok", "oke", "okay", "sip", "hi", "hello", "halo",
                                             "noted"]

    /// Whether the message states the writer's own case rather than asking: it opens with "I"
    /// or "my" ("saya", "aku", …), has no question mark and no question word, and has at most
    /// ``ownCaseWords`` words.
    func statesOwnCase() -> Bool {
        guard let first = analysis.tokens.first?.surface, Self.firstPerson.contains(first) else { return false }
        return hasNoQuestionMarkOrWord(analysis.tokens.map(\.surface)) && Self.words(analysis.tokens) <= Self.ownCaseWords
    }

    static let firstPerson: Set<String> = ["saya", "sy", "aku", "gue", "gw", "i", "im", "my", "kami"]
    static let ownCaseWords = 8
    /// A statement of one's case that an example holds at least this closely is read on its own.
    static let ownCaseHeldBar = 0.6
    /// A statement of one's case that another answer than the last one holds this closely, and
    /// reads at the answer threshold on its own, is not answered by repeating the last answer.
    /// (Any such reading, whatever its nearest example: development the same, held-out −1, and
    /// "aku tamat SMA nya" got the answer about having no diploma.)
    static let ownCaseOwnReading = 0.5

    /// The least similarity of a pleasantry's example that holds every word of a message but
    /// its forms of address.
    static let addressedPleasantryExample = 0.5

    /// Whether `c`'s nearest example holds a word of the message (joining words aside) that
    /// `other`'s nearest example does not.
    func holdsWordsBesides(_ c: Candidate, _ other: Candidate) -> Bool {
        let theirs = Set(nearestExampleTokens(other).map(\.stem))
        let mine = Set(nearestExampleTokens(c).map(\.stem))
        return analysis.tokens.contains { !Self.fillers.contains($0.surface) && mine.contains($0.stem) && !theirs.contains($0.stem) }
    }

    /// Whether the candidate's nearest example holds every word of the message (by root), but
    /// those in `ignored` (by surface); false when no other word is left.
    func holdsEveryWord(_ c: Candidate, besides ignored: Set<String> = []) -> Bool {
        let own = analysis.tokens.filter { !ignored.contains($0.surface) }
        guard !own.isEmpty else { return false }
        let example = Set(nearestExampleTokens(c).map(\.stem))
        return own.allSatisfy { example.contains($0.stem) }
    }

    /// Whether the message and the candidate's nearest example have the same words, forms of
    /// address aside ("matur nuwun mas" and "terima kasih").
    func sameWordsBesidesAddress(_ c: Candidate) -> Bool {
        let address = AskingPreamble.addressWords
        let own = Set(analysis.tokens.filter { !address.contains($0.surface) }.map(\.stem))
        return !own.isEmpty && own == Set(nearestExampleTokens(c).filter { !address.contains($0.surface) }.map(\.stem))
    }

    /// Whether the message asks whom to contact: a contact word, not followed by "me" ("tolong
    /// telepon saya besok" and "call me" ask to be called back, which the callback answers).
    /// Nor one said not to be done ("sy ga berani lapor, takut dipecat", "afraid to report"):
    /// a fear, not a question where to.
    func asksWhomToContact(_ tokens: [Token]) -> Bool {
        tokens.indices.contains { i in
            let next = i + 1 < tokens.count ? tokens[i + 1].surface : ""
            let before = tokens[max(0, i - 2)..<i].map(\.surface)
            return (Self.contactWords.contains(tokens[i].surface) || Self.contactWords.contains(tokens[i].stem))
                && !Self.askersThemselves.contains(next) && !before.contains(where: Self.notDoing.contains)
        }
    }

    /// The safety answer the conversation is about: the last answer when it is one, or the one
    /// an answer given only after it continues ("police? no, too scared" after the harassment
    /// answer: its `context` names that answer), so that "is there any hotline" gets its contacts.
    func safetyThread() -> Int? {
        guard let last = lastEligibleIntent() else { return nil }
        let priorities = engine.knowledge.intentPriority
        if priorities[last] == .high { return last }
        return engine.knowledge.intentContexts[last].lazy.compactMap { self.engine.knowledge.intentIndex[$0] }.first { priorities[$0] == .high }
    }

    /// The safety answer `last` given again for a question about whom to contact: its contacts,
    /// said to be the same answer (a safety answer opens with its help).
    mutating func contactsAgain(_ last: Int, score: Double) -> Reply {
        rule = traced("asking whom to contact right after a safety answer: its contacts again")
        var reply = answer(intent: last, score: max(score, settings.answerThreshold), entity: nil)
        if reply.kind == .answer { sayItIsTheSame(&reply) }
        return reply
    }

    /// Whether the message asks for nothing but someone to contact: a contact word or who/where,
    /// and otherwise only question words, places, numbers and words that carry no matter of their
    /// own ("who can I report to?", "sy di bandung, ada yg bisa dihubungi?", "is there a
    /// hotline"; not "bisa lapor kmn tanpa ketahuan", which asks about staying unknown). Right
    /// after a safety answer such a message gets that answer's contacts again, whatever
    /// follow-up or general contact answer it resembles.
    func asksOnlyForAContact(_ tokens: [Token]) -> Bool {
        func isContact(_ t: Token) -> Bool {
            Self.whoOrWhere.contains(t.surface) || Self.contactWords.contains(t.surface) || Self.contactWords.contains(t.stem)
        }
        return tokens.contains(where: isContact) && tokens.allSatisfy { t in
            isContact(t) || t.entity != nil || t.surface.allSatisfy(\.isNumber) || Self.fillers.contains(t.surface)
                || QuestionParts.questionWords.contains(t.surface) || Self.firstPerson.contains(t.surface) || Self.contactRequestWords.contains(t.surface)
        }
    }

    /// Whether the message asks who can help and nothing else: "who can help me", "siapa yang
    /// bisa bantu saya", "ke mana saya minta tolong".
    func asksWhoCanHelp(_ tokens: [Token]) -> Bool {
        tokens.contains { Self.whoOrWhere.contains($0.surface) } && tokens.contains { Self.helpWords.contains($0.surface) }
            && asksOnlyForAContact(tokens)
    }

    static let helpWords: Set<String> = ["help", "bantu", "membantu", "menolong", "nolong", "tolong"]

    /// Whether the message asks what to do and nothing else: "tolong saya harus bagaimana", "aku
    /// harus gimana sekarang", "what should I do", "what do we do now".
    func asksOnlyWhatToDo(_ tokens: [Token]) -> Bool {
        tokens.contains { Self.whatToDoWords.contains($0.surface) } && tokens.allSatisfy { t in
            Self.whatToDoWords.contains(t.surface) || Self.contactRequestWords.contains(t.surface) || Self.firstPerson.contains(t.surface)
                || Self.fillers.contains(t.surface) || AskingPreamble.addressWords.contains(t.surface) || Self.nowWords.contains(t.surface)
        }
    }

    static let whatToDoWords: Set<String> = ["bagaimana", "ngapain", "what", "gimana"]
    /// Words of such a message that neither ``contactRequestWords`` nor ``firstPerson`` hold.
    static let nowWords: Set<String> = ["sekarang", "skrg", "now", "kita", "must"]

    /// Words that carry no matter of their own in a request for a contact.
    static let contactRequestWords: Set<String> = Set([
        "is", "are", "there", "a", "an", "any", "the", "can", "could", "do", "does", "should", "to", "we", "me", "us", "you", "please",
        "ada", "bisa", "boleh", "harus", "mau", "minta", "tolong", "yang", "ke", "di", "dia", "kakak", "adik", "ya", "tidak", "nya", "ini",
        // "ok ke mana nanyanya", "where do I ask then".
        "tanya", "nanya", "nanyanya", "bertanya", "menanyakan", "ask", "asking", "go", "then", "ok", "oke", "jadi", "terus", "trus",
        "lalu", "so", "am", "in",
    ]).union(helpWords) // "who can help me", "siapa yang bisa bantu saya" (probe 21a a40)

    static let whoOrWhere: Set<String> = ["who", "whom", "where", "siapa", "mana", "dimana", "kemana"]

    /// Words before a contact word that say it is not being done.
    static let notDoing: Set<String> = ["tidak", "takut", "enggan", "malu", "afraid", "scared", "not", "dont", "too"]

    /// Whether the message asks where to report a wrong ("lapor kemana", "where do I report
    /// it"): a report word, which only an answer that says where to report can answer.
    func asksToReport(_ tokens: [Token]) -> Bool {
        tokens.contains(where: Self.isReportWord)
    }

    /// Whether the intent's answer, in the reply's language, speaks of reporting. The self-harm
    /// answer gives people to talk to, not a place to report: "lapor kemana lagi" after it, from
    /// someone who lost money to an agency, asks where to report the agency.
    func answerSpeaksOfReporting(_ intent: Int) -> Bool {
        let answers = kb.intents[intent].answer
        guard let text = answers[language]?.value ?? answers.values.first?.value else { return false }
        return engine.knowledge.analyzer.analyze(text, sessionLanguage: language).tokens.contains(where: Self.isReportWord)
    }

    /// Words asking where to report (surface or root); a subset of the contact words.
    static let reportWords: Set<String> = ["report", "lapor", "mengadu", "adu"]
    static func isReportWord(_ t: Token) -> Bool { reportWords.contains(t.surface) || reportWords.contains(t.stem) }

    /// "me" after a contact word: the writer asks to be contacted.
    static let askersThemselves: Set<String> = ["saya", "aku", "sy", "gue", "gw", "kami", "me", "us"]

    /// Words asking whom to contact (surface or root).
    /// (Telling someone counts: "aku harus cerita ke siapa" from a child forced to work, "who
    /// should I tell".)
    static let contactWords: Set<String> = ["call", "contact", "number", "phone", "hotline", "report", "hubungi", "hubung", "telepon",
                                            "telpon", "nomor", "nomer", "kontak", "lapor", "mengadu", "adu", "cerita", "curhat", "tell"]

    /// How many times the conversation topic's score another reading must reach for a follow-up
    /// matching nothing well to be left out of the conversation ("katanya hrs beli tiket 50rb
    /// di web nya" after a job fair question: 0.19 for the job-fair fee scam against 0.12 for
    /// the portal list; it gets the fallback that offers the scam answer). 1.3 lost two
    /// development rows, 1.5 gained one.
    static let clearlyBetterElsewhere = 1.5

    /// How much nearer another topic's example must be than the conversation's best one for a
    /// follow-up matching nothing well to be left out of the conversation.
    static let muchCloserElsewhere = 0.3

    /// Whether the candidate's intent needs a value (its slot) that neither the message nor the
    /// conversation gives.
    func lacksSlot(_ c: Candidate) -> Bool {
        guard let slot = kb.intents[c.intent].slot?.value else { return false }
        return slotMention(slot) == nil && remembered(slot) == nil
    }

    /// Whether the intent is of the conversation's topic or one of the last answer's follow-ups
    /// (the intents the context boosts raise).
    func continuesConversation(_ intent: Int) -> Bool {
        if kb.intents[intent].topic == session.activeTopic { return true }
        guard let last = session.lastIntent, let l = engine.knowledge.intentIndex[last] else { return false }
        return engine.knowledge.followUpIndices[l].contains(intent)
    }

    /// Whether `top` reads the message at the answer threshold on its own (the conversation's
    /// boost aside) and at least twice as well as `inTopic` does on its own, through a nearer
    /// example. ("yg shift malem ada?" after a job search: night work for women reads it 0.33
    /// on its own against part-time jobs' 0.19, less than twice: the conversation keeps it.)
    func readsTwiceAsWellAlone(_ top: Candidate, than inTopic: Candidate) -> Bool {
        top.intent != inTopic.intent && top.score - top.boost >= settings.answerThreshold
            && top.score - top.boost >= 2 * (inTopic.score - inTopic.boost)
            && top.example > inTopic.example
    }

    /// The best-ranked candidate of `topic` among the best ten, if any.
    /// In a `priority: high` topic only the last answer's intent counts as the topic's reading:
    /// "sy takut pak" after the answer about violence at work is not the sexual-harassment answer
    /// merely because that sibling holds "takut" more closely.
    func bestCandidate(in topic: String, _ ranking: Matcher.Ranking) -> Candidate? {
        if engine.knowledge.topicIndex[topic]?.priority == .high {
            let last = session.lastIntent.flatMap { engine.knowledge.intentIndex[$0] }
            return ranking.candidates.first { $0.intent == last && kb.intents[$0.intent].topic == topic }
        }
        return ranking.candidates.first { kb.intents[$0.intent].topic == topic }
    }

    /// A follow-up of at most this many words (joining words not counted) may stay in the
    /// conversation's topic on the wording of its nearest example.
    static let followUpWords = 6
    /// Right after a safety answer, a question about whom to contact of at most this many words
    /// gets that answer's contacts again: eight, for "kami di medan, siapa yg hrs kami hubungi"
    /// from a family whose cousin is held in a scam compound abroad.
    static let contactQuestionWords = 8
    /// How closely a safety example must hold a message two messages after a safety answer for
    /// the message to continue the crisis.
    static let crisisStillExample = 0.45
    /// How close that nearest example must be, and how much nearer the other topic's may be.
    static let followUpExampleBar = 0.5
    static let followUpExampleMargin = 0.08

    /// How close a high-priority (safety) example must be for its topic to answer whatever
    /// the scores say.
    static let safetyExampleBar = 0.6
    /// A safety intent at least this share of the best candidate's score (and at the clarify
    /// threshold) answers.
    static let safetyShareOfBest = 0.7
    /// The lower bar, as a share of the clarify threshold.
    static let safetyLowerBar = 0.75
    /// ``safetyLowerBar`` of the clarify threshold, as a score.
    var safetyLowerBarScore: Double { Self.safetyLowerBar * settings.clarifyThreshold }
    /// On the lower bar, a safety intent that is not the best candidate answers when nothing
    /// else would, if its nearest example is at least this close ("my supervisor threatens to
    /// hurt my family if I quit" against "a coworker threatened to hurt me": 0.45). The same bar
    /// decides whether a losing safety reading is offered among the suggestions.
    static let safetyLowerBarExample = 0.35

    /// How close the conversation topic's nearest example must be to an elliptical follow-up.
    static let ellipticalExampleBar = 0.45
    /// How close another topic's example must be for its reading to answer a follow-up about
    /// the conversation's subject that the conversation's topic has no answer for.
    static let answersOnItsOwnExample = 0.6
    /// The least score of the conversation topic's best intent for a follow-up that matches
    /// nothing well.
    static let conversationFloor = 0.08

    static let fillers = TopicNeutralFeatures.connectives

    /// How many words a message has, joining words (``fillers``) not counted.
    static func words(_ tokens: [Token]) -> Int { tokens.count { !fillers.contains($0.surface) } }

    /// How much nearer than a candidate's own nearest example an out-of-scope example must be
    /// to decline: the candidate's context boost and, for an intent of the conversation's topic,
    /// at least ``conversationOutOfScopeMargin`` even when its score is too low to be boosted
    /// ("how long until the money comes in?" after a JKP answer shares "how long" with an
    /// out-of-scope question about basketball).
    func conversationMargin(_ c: Candidate) -> Double {
        // After a fallback the conversation holds only its guesses: no margin ("it's for my wife
        // giving birth, BPJS kesehatan" after a fallback that guessed the JKP claim is nearer the
        // out-of-scope BPJS Kesehatan example than any JKP example; probe 24c u14).
        if session.choicesAreGuesses == true { return 0 }
        guard let active = session.activeTopic, kb.intents[c.intent].topic == active else { return c.boost }
        return max(c.boost, Self.conversationOutOfScopeMargin)
    }

    /// Chosen on the follow-up set: 0.075 answered 5 more of its 185 follow-ups and declined one
    /// fewer of its 15 out-of-scope ones, and the same share of the out-of-scope questions of
    /// dev and test asked as follow-ups (0.05: +1 follow-up; 0.1: the same follow-ups, but two
    /// more of test's out-of-scope questions answered).
    static let conversationOutOfScopeMargin = 0.075

    /// How much nearer than every intent's example an out-of-scope example must be for a message
    /// inside a conversation to be out of scope whatever the conversation's rules say.
    static let clearlyOutOfScope = 0.09

    /// Whether `top` reads the message at the answer threshold, is one of the last answer's
    /// follow-ups, and computes with the figures this message and the conversation give.
    func computesForTheLastAnswersNextStep(_ top: Candidate) -> Bool {
        guard top.score >= settings.answerThreshold, kb.intents[top.intent].calculate != nil,
              let last = session.lastIntent.flatMap({ engine.knowledge.intentIndex[$0] }),
              engine.knowledge.followUpIndices[last].contains(top.intent) else { return false }
        return calculated(kb.intents[top.intent]) != nil
    }

    /// Whether a short follow-up (one or two words besides question, asking and joining words)
    /// is read by the conversation (`top` has a boost from it or is of its topic) and every one of its words is in
    /// `top`'s nearest example: an out-of-scope example nearer to it can only be nearer by the
    /// words that ask.
    func conversationHoldsTheFollowUp(_ top: Candidate) -> Bool {
        guard top.boost > 0 || kb.intents[top.intent].topic == session.activeTopic else { return false }
        let words = Set(analysis.tokens.filter(AnswerAgain.isContent).map(\.stem))
        guard (1...2).contains(words.count) else { return false }
        let nearest = Set(engine.knowledge.analyzer.analyze(top.nearest, sessionLanguage: language).tokens.map(\.stem))
        return words.isSubset(of: nearest)
    }

    func isHighPriority(_ intent: Int) -> Bool { priority(of: intent) == .high }
    /// Whether a reading is one that no conversation's subject reads away: a danger (a
    /// high-priority intent) or a request for a person (an intent of ``staffIntent``'s topic).
    func standsOnItsOwn(_ c: Candidate) -> Bool {
        isHighPriority(c.intent) || isOfStaffTopic(c.intent)
    }
    /// Whether intent `i` is of the topic of ``staffIntent`` (the way to a person).
    func isOfStaffTopic(_ i: Int) -> Bool {
        guard let staff = engine.knowledge.intentIndex[Self.staffIntent] else { return false }
        return kb.intents[i].topic == kb.intents[staff].topic
    }
    /// Whether the reply answers with a high-priority (safety) intent.
    func answersSafety(_ reply: Reply) -> Bool {
        priority(of: reply) == .high
    }

    /// The priority of the topic of the intent the reply answers with (nil: no intent).
    func priority(of reply: Reply) -> TopicPriority? {
        reply.intent.flatMap { engine.knowledge.intentIndex[$0] }.map(priority(of:))
    }

    /// Whether the message holds a word that anchors the intent's topic (most of its use is in
    /// that topic's examples).
    func anchorsTopic(of intent: Int) -> Bool {
        guard let topic = engine.knowledge.topicNumber[kb.intents[intent].topic] else { return false }
        return engine.knowledge.topicNeutral.anchors(engine.knowledge.index.query(analysis.tokens), topic: topic).own
    }
    /// Whether answering the intent starts a guided conversation (a flow).
    func startsFlow(_ intent: Int) -> Bool { kb.flows.contains { $0.startIntent == kb.intents[intent].id } }
    func priority(of intent: Int) -> TopicPriority { engine.knowledge.intentPriority[intent] }
}
