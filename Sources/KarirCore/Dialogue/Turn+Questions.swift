/// A message asking several questions gets an answer to each.
extension Turn {
    /// At most this many questions are answered besides the one the whole message was read as.
    static let maxOtherQuestions = 2

    /// `reply` answered the message as a whole. When the message asks other questions too
    /// (``QuestionParts``), each of them that Karir answers confidently on its own, read in the
    /// conversation as it stands after `reply` ("cara daftar BLK? biayanya berapa?"), is answered
    /// too, in the message's order, each answer opened with its question (prompt
    /// `another_question`). The reply's intent and topic stay those of the whole message; the
    /// conversation (session) and the suggestions continue from the last answer given; the
    /// other intents are listed in ``Reply/alsoAnswered``.
    ///
    /// Only when at least two parts are questions and one of them, read alone, gets the whole
    /// message's answer: otherwise the message was one question told in several sentences ("I
    /// was laid off after 10 months. Can I get JKP?"), and a part read alone is only a rougher
    /// reading of it. Not after a safety answer (it stands alone), small talk, a repeated answer
    /// or a guided conversation. A question is answered with an answer at the answer threshold
    /// that is neither small talk nor safety nor an intent already answered; a question of three
    /// words or fewer ("any penalty?") leans on the rest of the message and is answered only
    /// within the whole message's topic.
    func answerOtherQuestions(_ reply: Reply) -> Reply {
        guard reply.kind == .answer, !reply.repeated, reply.session.flow == nil, let main = reply.intent,
              let mainIndex = engine.knowledge.intentIndex[main], priority(of: mainIndex) == .normal else { return reply }
        let (pieces, marked) = QuestionParts.pieces(of: text)
        guard !pieces.isEmpty else { return reply }
        // Each question read on its own, in the conversation as it stands after the answer (but
        // a question of the message is not the message for staff an answer asked for).
        var conversation = reply.session
        conversation.collectingFor = nil
        var asking: [(part: Int, question: Substring, turn: Turn, short: Bool)] = []
        for (n, piece) in pieces.enumerated() where !marked || piece.endsAsking {
            let turn = Turn(engine: engine, session: conversation, text: String(piece.text), forced: language, explain: false)
            let tokens = turn.analysis.tokens
            guard QuestionParts.asks(piece, tokens: tokens, marked: marked) else { continue }
            guard asking.count < QuestionParts.maxParts else { break }
            // (A piece cut at a joining word asks on its own at two words: "lembur dibayar brp",
            // "cara bikin ak1".)
            asking.append((n, piece.text, turn, Self.words(tokens) <= (piece.joined ? 1 : 3)))
        }
        guard asking.count >= 2 else { return reply }
        // Shortest first: once all questions but one are read and none got an answer, the last
        // (most often the long one that carries the message) cannot give both the message's
        // answer and another, so it is not read. The readings do not depend on each other.
        var own = [Reply?](repeating: nil, count: asking.count)
        var anyAnswered = false
        for (k, i) in asking.indices.sorted(by: { asking[$0].question.count < asking[$1].question.count }).enumerated() {
            if k == asking.count - 1 && !anyAnswered { break }
            var turn = asking[i].turn
            let reading = turn.run()
            if answersOnItsOwn(reading) && (!asking[i].short || reading.topic == reply.topic) {
                own[i] = reading
                anyAnswered = true
            }
        }
        let readings = asking.indices.map { (part: asking[$0].part, question: asking[$0].question, reply: own[$0]) }
        guard let mainPart = readings.first(where: { $0.reply?.intent == main })?.part else { return reply }
        var answered: Set<String> = [main]
        var others: [(part: Int, question: Substring, reply: Reply)] = []
        for r in readings where r.part != mainPart && others.count < Self.maxOtherQuestions {
            guard let own = r.reply, let intent = own.intent, answered.insert(intent).inserted else { continue }
            others.append((r.part, r.question, own))
        }
        guard !others.isEmpty else { return reply }
        func opened(_ question: Substring, _ text: String) -> String {
            let quoted = Self.quoted(String(question).trimmedWhitespace())
            let lead = engine.prompt("another_question", language, ["question": quoted])
            return lead.isEmpty ? text : lead + "\n" + text
        }
        // The whole message's answer takes the place of the question it answers.
        var texts: [(at: Int, text: String)] = others.map { ($0.part, opened($0.question, $0.reply.text)) }
        texts.append((mainPart, opened(pieces[mainPart].text, reply.text)))
        texts.sort { $0.at < $1.at }
        var combined = reply
        combined.text = texts.map(\.text).joined(separator: "\n\n")
        combined.alsoAnswered = others.compactMap(\.reply.intent)
        // The conversation continues from the last answer given ("biayanya berapa?" after "berapa
        // UMR Bekasi? terus cara bikin kartu kuning gimana?" is about the card), and its
        // suggestions are the ones offered.
        if let last = others.max(by: { $0.part < $1.part }), last.part > mainPart {
            combined.session = last.reply.session
            combined.session.turn = reply.session.turn
            combined.suggestions = last.reply.suggestions
        }
        if let trace = combined.trace {
            let list = others.map { "\"\(String($0.question).trimmedWhitespace())\" → \($0.reply.intent ?? "")" }
            combined.trace?.rule = trace.rule + "; also answered: " + list.joined(separator: ", ")
        }
        return combined
    }

    /// "berapa umr bekasi? terus cara bikin kartu kuning gimana?" read as a whole is as near the
    /// minimum wage of a city as the AK/1 card, and Karir would ask which was meant. When two of
    /// the message's questions, each read alone in the conversation as it was (`before`), answer
    /// with two of the candidates asked about, the message asked both: the first one asked is
    /// answered (and ``answerOtherQuestions(_:)`` then answers the other). Nil otherwise.
    mutating func answerAskedBack(_ reply: Reply, before: Session) -> Reply? {
        let (pieces, marked) = QuestionParts.pieces(of: text)
        guard pieces.count >= 2 else { return nil }
        let asked = Set(reply.candidates.map(\.intent))
        var read: [(intent: String, score: Double)] = []
        for piece in pieces.prefix(QuestionParts.maxParts) where !marked || piece.endsAsking {
            var turn = Turn(engine: engine, session: before, text: String(piece.text), forced: language, explain: false)
            guard QuestionParts.asks(piece, tokens: turn.analysis.tokens, marked: marked) else { continue }
            let own = turn.run()
            guard answersOnItsOwn(own), let intent = own.intent, asked.contains(intent), !read.contains(where: { $0.intent == intent }) else { continue }
            read.append((intent, own.confidence))
        }
        guard read.count >= 2, let first = read.first, let i = engine.knowledge.intentIndex[first.intent] else { return nil }
        rule = traced("asked back between readings that are two questions of the message: both answered")
        let score = reply.candidates.first { $0.intent == first.intent }?.confidence ?? first.score
        return answer(intent: i, score: max(score, settings.answerThreshold), entity: nil)
    }

    /// A message of several sentences of which only one asks anything ("bot goblok dari tadi
    /// jawabannya ga nyambung. sy cuma mau tau cara cairin jht!!!"): when that sentence, read
    /// alone, answers on its own far more confidently than the whole message did, in another
    /// topic, it is what the person wants answered; the other sentences only vented or told the
    /// story (probe 21b b29 got the complaint form). Not after a safety answer or a guided
    /// conversation, and only for an answer to the whole message. The conversation keeps what
    /// the whole message's turn remembered (figures, places) and continues from that answer.
    /// So is such a message that Karir could not answer as a whole ("udah ngomong ke bos katanya
    /// nanti nanti terus. disnaker dimana" fell back at 0.22; probe 25a u29).
    mutating func answerTheOnlyQuestion(_ reply: Reply, before: Session) -> Reply {
        // (Not right after a safety answer: the fallback there is the safety follow-up.)
        let fellBack = reply.kind == .fallback && before.safetyTurn.map({ $0 < before.turn }) ?? true
        let answeredWeakly = reply.kind == .answer && !reply.repeated && priority(of: reply).map { $0 != .high } ?? false
        // (Or asked back between two readings of the whole message, "Anak saya baru lulus SMA,
        // umurnya 18. … Sebaiknya cari lowongan di mana?": jobs for school leavers or for fresh
        // graduates, while its only question reads clearly as where to find vacancies.)
        let askedBack = reply.kind == .clarify && !reply.candidates.contains { engine.knowledge.topicIndex[$0.topic]?.priority == .high }
        guard fellBack || answeredWeakly || askedBack, reply.session.flow == nil, reply.confidence < Self.onlyQuestionBar else { return reply }
        let main = reply.intent ?? reply.topic
        let parts = QuestionParts.split(text, atSentenceEnds: true)
        guard parts.count >= 2, parts.count <= QuestionParts.maxParts + 1 else { return reply }
        var asking: [Turn] = []
        for part in parts {
            // (Read without the conversation: a short sentence would lean on its context boosts.)
            var alone = Session(language: before.language)
            alone.turn = before.turn
            let turn = Turn(engine: engine, session: alone, text: String(part), forced: language, explain: explain)
            if QuestionParts.sentenceAsks(part, tokens: turn.analysis.tokens) { asking.append(turn) }
        }
        guard asking.count == 1, var turn = asking.first else { return reply }
        let own = turn.run()
        // (Another answer of the same topic is a rougher reading of the same matter: "sy resign
        // bln maret, iuran udh 30 bulan. bisa klaim jkp ga?" is about eligibility, which the
        // story decides, not about how to claim.)
        guard answersOnItsOwn(own), own.intent != main, own.topic != reply.topic else { return reply }
        guard own.confidence >= Self.onlyQuestionBar, own.confidence >= reply.confidence + Self.onlyQuestionMargin else {
            return answeredWeakly ? answerInTopic(of: own, asked: turn, insteadOf: reply, before: before) : reply
        }
        var answered = own
        // The sentence was read in a fresh session: the conversation goes on from the whole
        // message's turn (what it remembered), at the sentence's answer.
        var session = reply.session
        session.takeConversationPlace(from: own.session)
        session.flow = own.session.flow
        for (type, id) in own.session.slots { session.slots[type] = id }
        answered.session = session
        if explain, let rule = answered.trace?.rule {
            answered.trace?.rule = "the message's only question, read alone (\(fmt(own.confidence)) against \(fmt(reply.confidence)) for `\(main)`): " + rule
        }
        return answered
    }

    /// The story and the question of a message can point to different topics: "dibayar 120rb
    /// sehari, kerja 8 jam, 6 hari seminggu. itu sesuai ump gak?" is read as a whole as a
    /// question about working hours, which its story is mostly about, while its only question
    /// asks about the minimum wage. When that question, read alone, answers in another topic
    /// (`own`), though not so confidently that it replaces the whole message's answer, the
    /// whole message's best reading in the question's topic answers instead: read with the
    /// story, it can use its figures (the daily pay against the minimum wage). Only when that
    /// reading is a plausible one for the whole message (``storyTopicShare`` of the answer's
    /// score).
    mutating func answerInTopic(of own: Reply, asked turn: Turn, insteadOf reply: Reply, before: Session) -> Reply {
        // (Not for an answer the conversation led to, "sy kerja 8 bulan gaji 4,5jt, eh salah, 10
        // bulan. dpt brp?" after the PKWT compensation: its question leans on the conversation.
        // Nor for a question of one word besides its question words, "dpt brp?", which names no
        // topic of its own.)
        guard reply.topic != before.activeTopic, contentWords(turn.analysis.tokens.filter { !QuestionParts.questionWords.contains($0.surface) }[...]) >= Self.storyQuestionWords else { return reply }
        guard let ranking, let main = reply.intent.flatMap({ engine.knowledge.intentIndex[$0] }),
              let inTopic = bestCandidate(in: own.topic, ranking), inTopic.pattern == nil, priority(of: inTopic.intent) == .normal,
              inTopic.score >= Self.storyTopicShare * reply.confidence, ranking.outOfScope <= inTopic.example else { return reply }
        // The conversation as the whole message's turn left it, without the answer it gave.
        session.takeConversationPlace(from: before)
        rule = traced("the message's only question, read alone, asks about `\(own.topic)` (`\(own.intent ?? "")` \(fmt(own.confidence))); the whole message's best reading there (\(fmt(inTopic.score))) answers instead of `\(kb.intents[main].id)` (\(fmt(reply.confidence)))")
        return answer(intent: inTopic.intent, score: max(inTopic.score, settings.answerThreshold), entity: nil)
    }

    /// The whole message's best reading in the topic of its only question answers when it
    /// scores at least this share of the whole message's answer.
    static let storyTopicShare = 0.55
    /// The content words (``contentWords(_:)``) the question must hold besides its question
    /// words for its topic to count.
    static let storyQuestionWords = 2

    /// The whole message's answer is kept at this confidence or more, and the only question
    /// answers instead only at this confidence or more.
    static let onlyQuestionBar = 0.5
    /// How much more confidently the only question must answer on its own.
    static let onlyQuestionMargin = 0.2

    /// A pleasantry followed by a question ("ya udah, makasih kak. PT nya bisa dilaporin
    /// kemana?", probe 26a u22) is answered by the question: a small-talk answer to the whole
    /// message would swallow it. The question, the message's only sentence that asks, is read
    /// in the conversation (it leans on it: "PT nya" is the agency just talked about) and
    /// answered when it answers on its own.
    func answerTheQuestionAfterAPleasantry(_ reply: Reply, before: Session) -> Reply {
        let smallTalk = reply.kind == .answer && priority(of: reply) == .low
        // (Also when the whole message fell back, if the rest is a pleasantry: "thanks. is there
        // any legit way to work in Cambodia then?", probe 26a u06. Not within two messages of a
        // safety answer: a fallback there belongs to the crisis.)
        let fellBack = reply.kind == .fallback && before.safetyTurn.map({ $0 < before.turn - 1 }) ?? true
        guard smallTalk || fellBack, reply.session.flow == nil else { return reply }
        var parts = QuestionParts.split(text, atSentenceEnds: true)
        // A pleasantry set off by a comma ("oke makasih kak, batch berikutnya kapan buka?", probe
        // 26c u03): the first comma within the first few words cuts too.
        if parts.count == 1, let comma = text.firstIndex(of: ","),
           text[..<comma].split(separator: " ").count <= Self.pleasantryWords {
            parts = [text[..<comma], text[text.index(after: comma)...]]
        }
        guard parts.count >= 2, parts.count <= QuestionParts.maxParts + 1 else { return reply }
        func asks(_ part: Substring) -> Bool {
            QuestionParts.sentenceAsks(part, tokens: engine.knowledge.analyzer.analyze(String(part), sessionLanguage: before.language).tokens)
        }
        let asking = parts.filter(asks)
        guard asking.count == 1, let question = asking.first else { return reply }
        if !smallTalk {
            let pleasantries = parts.filter { !asks($0) }.allSatisfy { part in
                var alone = Turn(engine: engine, session: Session(language: before.language), text: String(part), forced: language, explain: false)
                let read = alone.run()
                return read.kind == .answer && priority(of: read) == .low
            }
            guard pleasantries else { return reply }
        }
        let own = readInConversation(String(question), before: before)
        // (A question that only asks back, "Thanks. If a new hire in Jakarta gets 5.5 million,
        // is that ok?", still beats the thanks that would pass over it.)
        guard answersOnItsOwn(own) || (smallTalk && own.kind == .clarify) else { return reply }
        return own.standingFor(reply, because: "the question after a pleasantry (the whole message: \(reply.intent ?? reply.kind.rawValue)), read in the conversation")
    }

    /// Part of the message read on its own in the conversation as it was before the message.
    func readInConversation(_ part: String, before: Session) -> Reply {
        var turn = Turn(engine: engine, session: before, text: part, forced: language, explain: explain)
        return turn.run()
    }

    /// "aku ga minta petugas. aku nanya gmn caranya dapet kerja cepet": a sentence that says the
    /// person does not want a staff member is no request for one (it got the callback form,
    /// probe 28b 07/5). When the reply is a staff answer, the message's other sentences are read
    /// in the conversation instead, and answer when they answer on their own. Unchanged otherwise.
    func answerBesidesRefusedStaff(_ reply: Reply, before: Session) -> Reply {
        guard let intent = reply.intent, let i = engine.knowledge.intentIndex[intent], isOfStaffTopic(i) else { return reply }
        let parts = QuestionParts.split(text, atSentenceEnds: true)
        guard parts.count >= 2, parts.count <= QuestionParts.maxParts + 1 else { return reply }
        let analyzer = engine.knowledge.analyzer
        let rest = parts.filter { !Self.refusesStaff(analyzer.analyze(String($0), sessionLanguage: before.language).tokens.map(\.surface)) }
        guard rest.count < parts.count, !rest.isEmpty else { return reply }
        let own = readInConversation(rest.joined(separator: ". "), before: before)
        guard answersOnItsOwn(own) else { return reply }
        return own.standingFor(reply, because: "a staff member declined (\(intent) for the whole message); the rest read in the conversation")
    }

    /// Whether the words say no staff member is wanted: a negation right before a word of asking
    /// or wanting and a word for a person ("ga minta petugas", "tidak perlu admin", "don't need a
    /// human").
    static func refusesStaff(_ words: [String]) -> Bool {
        for (k, w) in words.enumerated() where staffWords.contains(w) {
            let before = words[max(0, k - 4)..<k]
            if before.contains(where: { refusingNegators.contains($0) }), before.contains(where: { wantingWords.contains($0) }) { return true }
        }
        return false
    }

    static let staffWords: Set<String> = ["petugas", "admin", "cs", "operator", "manusia", "staff", "staf", "human", "person", "agent", "counsellor", "counselor", "konselor"]
    static let refusingNegators: Set<String> = ["tidak", "bukan", "nggak", "ga", "gak", "enggak", "not", "dont", "don't", "no"]
    static let wantingWords: Set<String> = ["minta", "mau", "butuh", "perlu", "ingin", "pengen", "cari", "want", "need", "ask", "asking", "asked"]

    /// The most words of a pleasantry set off by a comma before a question.
    static let pleasantryWords = 4

    /// Whether a question's own reply answers it: an answer at the answer threshold, not
    /// repeated, of an ordinary (not small talk, not safety) intent, not a guided conversation.
    func answersOnItsOwn(_ own: Reply) -> Bool {
        guard own.kind == .answer, !own.repeated, own.session.flow == nil, own.confidence >= settings.answerThreshold,
              let intent = own.intent, let i = engine.knowledge.intentIndex[intent] else { return false }
        return priority(of: i) == .normal
    }

    /// A question is quoted in the answer up to this many characters.
    static let quotedQuestionLength = 80

    /// The question as quoted before its answer: whole, or cut at the last word boundary within
    /// ``quotedQuestionLength`` characters and marked "…" ("remote posi" was cut mid-word).
    static func quoted(_ question: String) -> String {
        guard question.count > quotedQuestionLength else { return question }
        let head = question.prefix(quotedQuestionLength)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return String(cut).trimmedWhitespace() + "…"
    }
}

extension Reply {
    /// This reply to part of a message, given for the whole message instead of `whole`: it keeps
    /// the whole message's turn number, and its trace (when one was asked for) says why.
    func standingFor(_ whole: Reply, because note: String) -> Reply {
        var own = noting(note)
        own.session.turn = whole.session.turn
        return own
    }

    /// This reply with its trace (when one was asked for) saying first why it was given.
    func noting(_ note: String) -> Reply {
        var own = self
        if let rule = own.trace?.rule { own.trace?.rule = note + ": " + rule }
        return own
    }
}
