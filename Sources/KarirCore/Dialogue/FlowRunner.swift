import Foundation

/// Runs guided conversations (`flows:` in the knowledge), such as the interest inventory of
/// career counselling: one question per turn, answered by number or in words, with the
/// commands stop / restart / back / "change 3" available at any time. The state lives in
/// ``Session/flow``, so the conversation survives across server connections.
enum FlowRunner {
    enum Command: Equatable { case stop, restart, back, change(Int) }

    /// A message of this many words or more that reads as a clear question leaves the flow even
    /// when it holds a word of the answer scale.
    static let longestAnswer = 6
    /// A message that is not an answer leaves the flow when an intent's example is this near.
    static let questionExample = 0.7

    static let stopWords: Set<String> = ["stop", "berhenti", "keluar", "batal", "cancel", "quit", "exit", "udahan", "sudahi", "hentikan"]
    static let restartWords: Set<String> = ["ulang", "ulangi", "restart", "reset"]
    static let backWords: Set<String> = ["kembali", "back", "sebelumnya", "previous", "mundur"]
    static let changeWords: Set<String> = ["ganti", "ubah", "change", "edit", "koreksi"]
    static let noWords: Set<String> = ["tidak", "no", "nope", "n", "enggak", "kurang", "bukan", "never", "not", "dont", "jarang"]
    static let midWords: Set<String> = ["biasa", "lumayan", "kadang", "sometimes", "maybe", "mungkin", "netral", "neutral", "sedang", "agak", "somewhat"]
    /// How a choice's label begins when it is the plain yes or the plain no ("Not sure yet" is
    /// neither).
    static let plainYes: Set<String> = ["ya", "iya", "yes", "y", "yup", "yeah", "mau", "oke", "ok", "betul", "benar"]
    static let plainNo: Set<String> = ["tidak", "no", "nope", "n", "enggak", "nggak", "gak", "bukan"]
    static let yesWords: Set<String> = ["ya", "iya", "yes", "y", "suka", "yup", "betul", "benar", "sangat", "oke", "ok", "yeah", "love", "like", "senang", "mau"]

    /// Called at the start of a turn while a flow runs. Nil means "not a flow answer": the
    /// flow is left and the message is answered normally.
    static func handle(_ turn: inout Turn) -> Reply? {
        guard let state = turn.session.flow, let flow = turn.kb.flows.first(where: { $0.id == state.flowID }),
              state.step < flow.steps.count else {
            turn.session.flow = nil
            return nil
        }
        // Commands and answers are read as typed: spelling correction must not turn
        // "restart" into a knowledge word.
        let words = turn.analysis.tokens.map { $0.typed ?? $0.surface }
        switch command(words, steps: flow.steps.count) {
        case .stop?:
            turn.session.flow = nil
            turn.session.stoppedFlow = flow.id
            turn.rule = turn.traced("flow \(flow.id): stopped")
            return reply(turn, text: turn.engine.promptOr("flow_stopped", turn.language,
                                                         id: "Baik, tes minat dihentikan. Kamu bisa bertanya apa saja, atau ketik \"mulai tes minat\" untuk mengulang.",
                                                         en: "All right, the interest quiz is stopped. Ask me anything, or type \"start interest quiz\" to begin again."),
                         flow: flow, done: true)
        case .restart?:
            turn.session.flow = FlowState(flowID: flow.id)
            turn.rule = turn.traced("flow \(flow.id): restarted")
            return reply(turn, text: question(flow, 0, turn), flow: flow)
        case .back?:
            let step = max(0, state.step - 1)
            turn.session.flow?.step = step
            turn.rule = turn.traced("flow \(flow.id): back to step \(step + 1)")
            return reply(turn, text: question(flow, step, turn), flow: flow)
        case .change(let n)?:
            turn.session.flow?.step = n - 1
            turn.session.flow?.answers["_return"] = String(state.step)
            turn.rule = turn.traced("flow \(flow.id): change answer \(n)")
            return reply(turn, text: question(flow, n - 1, turn), flow: flow)
        case nil:
            break
        }
        // "kelamaan ah, langsung aja kasih contoh kerjaan …": an impatient request leaves the
        // flow and is answered as a question (it held "gak" and was taken as the answer "no").
        if impatient(words) {
            turn.session.flow = nil
            return nil
        }
        let step = flow.steps[state.step]
        // A message of a few words or more is read as a question too (reused by the normal path
        // if the flow is left). A cry for help is never a quiz answer ("anak gadis sy dibawa
        // calo … gak bisa dihubungi" holds "mau" and "gak", a yes and a no): the flow is left
        // and the safety rules answer. A longer message that is a clear question is one, even
        // when it holds a word of the scale ("gak", "mau").
        var ranking: Matcher.Ranking?
        if words.count >= 3 {
            let r = turn.engine.matcher.rank(turn.analysis, session: turn.session)
            ranking = r
            turn.ranking = r
            let priorities = turn.engine.knowledge.intentPriority
            let clarify = turn.settings.clarifyThreshold, lowerBar = turn.safetyLowerBarScore
            let safetyFirst = r.candidates.first.map { priorities[$0.intent] == .high && $0.score >= lowerBar } ?? false
            if safetyFirst || r.candidates.contains(where: { priorities[$0.intent] == .high && ($0.pattern != nil || $0.score >= clarify) }) {
                turn.session.flow = nil
                return nil
            }
        }
        let bar = turn.settings.answerThreshold + (ranking?.selfContained == true ? 0 : 0.1)
        // A message read as the flow's own start ("saya suka masak sih" in the quiz that "bingung
        // mau kerja apa" started) is an answer in words, not a question that leaves: leaving would
        // only start the flow again from its first question.
        let startIndex = turn.engine.knowledge.intentIndex[flow.startIntent]
        func readsAsStart(_ r: Matcher.Ranking?) -> Bool { startIndex != nil && r?.candidates.first?.intent == startIndex }
        // A pleasantry that asks nothing never leaves the flow ("ya udh deh aku coba yg
        // pertama", 0.39 near "oke deh aku cobain dulu"): leaving would drop the quiz without a
        // word, for an "Oke!". The question is asked again, with the way out ("stop"). (One
        // that asks, "kamu siapa sih", is answered.)
        let asks = turn.text.contains("?") || words.contains(where: QuestionParts.questionWords.contains)
        func pleasantry(_ r: Matcher.Ranking?) -> Bool {
            !asks && (r?.candidates.first.map { turn.engine.knowledge.intentPriority[$0.intent] == .low } ?? false)
        }
        let clearQuestion = !readsAsStart(ranking) && !pleasantry(ranking) && (ranking?.candidates.first?.score ?? 0) >= bar
        if clearQuestion, words.count >= Self.longestAnswer {
            turn.session.flow = nil
            return nil
        }
        guard let value = asksBack(words, text: turn.text) ? nil : parse(words, step: step) else {
            // Not an answer: a real question leaves the flow, anything else asks again.
            let ranking = ranking ?? turn.engine.matcher.rank(turn.analysis, session: turn.session)
            turn.ranking = ranking
            // A clear question leaves it; so does one that answers at all and is a question of
            // its own (it names another topic, or is long: "pendaftaran blk udah tutup kah? aku
            // ketinggalan infonya").
            // So does a message an intent's example holds nearly word for word ("prospek kerja
            // desain komunikasi visual gimana kak", 0.81 near a career example, inside the quiz
            // its first answer started): no quiz answer reads like that, and asking for a
            // number again would trap the user. (Leaving also on a message of five words or
            // more at the plain answer threshold cost two held-out rows: answers in words.)
            let heldByExample = ranking.nearestExample >= Self.questionExample && !readsAsStart(ranking) && !pleasantry(ranking)
            if words.count >= 3, clearQuestion || heldByExample {
                turn.session.flow = nil
                return nil
            }
            // Nearer an out-of-scope example than to any intent ("jodoh sy kapan datengnya ya"):
            // said honestly, as a fallback (staff see it among the unanswered questions), and
            // the flow goes on.
            let nearestIntent = ranking.nearestExample
            if words.count >= 3, ranking.outOfScope > 0, ranking.outOfScope >= nearestIntent {
                turn.rule = turn.traced("flow \(flow.id): out of scope, the flow goes on")
                let sorry = turn.engine.promptOr("flow_out_of_scope", turn.language,
                                                 id: "Maaf, itu di luar yang bisa saya bantu. Kita lanjutkan tes minatnya ya, atau ketik \"stop\" untuk berhenti.",
                                                 en: "Sorry, that is outside what I can help with. Let's go on with the interest quiz, or type \"stop\" to leave.")
                var r = reply(turn, text: sorry + "\n\n" + question(flow, state.step, turn), flow: flow)
                r.kind = .fallback
                r.topic = BuiltInTopic.fallback
                r.intent = nil
                r.confidence = ranking.candidates.first?.score ?? 0
                return r
            }
            turn.rule = turn.traced("flow \(flow.id): answer not understood")
            let again = turn.engine.promptOr("flow_invalid", turn.language,
                                             id: "Maaf, jawab dengan nomor pilihan ya (atau ketik \"stop\" untuk berhenti).",
                                             en: "Sorry, please answer with the number of a choice (or type \"stop\" to leave).")
            return reply(turn, text: again + "\n\n" + question(flow, state.step, turn), flow: flow)
        }
        var next = state
        next.answers[step.id] = value
        if let back = next.answers.removeValue(forKey: "_return"), let b = Int(back) {
            next.step = b
        } else {
            next.step = state.step + 1
        }
        if next.step >= flow.steps.count || next.answers.count >= flow.steps.count {
            turn.session.flow = nil
            turn.rule = turn.traced("flow \(flow.id): finished")
            return result(flow, answers: next.answers, turn: &turn)
        }
        turn.session.flow = next
        turn.rule = turn.traced("flow \(flow.id): step \(state.step + 1) answered")
        return reply(turn, text: question(flow, next.step, turn), flow: flow)
    }

    /// Words that ask for a guided conversation by name ("mulai tes minat", "start the quiz"):
    /// a flow the person stopped starts again only on one of them.
    static let askingForFlow: Set<String> = ["tes", "test", "kuis", "quiz", "mulai", "start", "ulang", "restart"]

    /// The reply to the answer of `flow`'s start intent: the flow started, or, when the message
    /// does not call for it clearly, an offer to start it.
    ///
    /// The flow starts when the message asks for it by name ("mulai tes minat", "start the
    /// quiz": one of ``askingForFlow``), when the person picked the start intent by its number,
    /// or when the message read on its own, without the conversation, is best answered by the
    /// start intent at the answer threshold ("bingung mau kerja apa"). A quiz started on the
    /// conversation's evidence alone traps a person who asked something concrete ("saya lebih
    /// suka masak, ada kerjaan di dapur hotel gitu?" after career questions, "Maybe something
    /// with data? What jobs are there?"; probes 25c, 25d): such a message gets the
    /// `flow_offer` prompt, with the start intent offered as choice 1 (one keystroke starts the
    /// quiz) before its suggestions. After the person stopped the flow ("stop"), only a message
    /// asking for it by name or the number starts it again; otherwise the start intent gets the
    /// `flow_not_again` prompt.
    static func startOrOffer(_ flow: FlowDefinition, after answer: Reply, turn: inout Turn) -> Reply {
        let words = turn.analysis.tokens.map { $0.typed ?? $0.surface }
        if words.contains(where: askingForFlow.contains) || turn.pickedByNumber {
            turn.session.stoppedFlow = nil
            return start(flow, after: answer, turn: &turn)
        }
        if turn.session.stoppedFlow == flow.id {
            return prompted(answer, turn: turn, offering: false,
                            text: turn.engine.promptOr("flow_not_again", turn.language,
                                                       id: "Tes minatnya tidak saya mulai lagi karena tadi kamu hentikan. Ketik \"mulai tes minat\" kalau mau mencobanya lagi.",
                                                       en: "I won't start the interest quiz again, since you stopped it. Type \"start interest quiz\" if you want to try it again."))
        }
        let alone = turn.engine.matcher.rank(turn.analysis, session: Session(language: turn.session.language)).candidates.first
        if let alone, turn.kb.intents[alone.intent].id == flow.startIntent, alone.score >= turn.settings.answerThreshold {
            return start(flow, after: answer, turn: &turn)
        }
        return prompted(answer, turn: turn, offering: true,
                        text: turn.engine.promptOr("flow_offer", turn.language,
                                                   id: "Saya bisa bantu mencari pekerjaan yang cocok lewat tes minat singkat: ketik 1 untuk mulai. Atau tanyakan langsung pekerjaan yang kamu minati, misalnya \"syarat jadi juru masak\".",
                                                   en: "I can help you find suitable jobs with a short interest quiz: type 1 to start. Or ask about a job you are interested in, for example \"requirements to be a cook\"."))
    }

    /// The start intent's answer replaced by a prompt; `offering` puts the start intent first
    /// among the numbered choices.
    private static func prompted(_ answer: Reply, turn: Turn, offering: Bool, text: String) -> Reply {
        var r = answer
        r.text = text
        if offering, let i = turn.engine.knowledge.intentIndex[answer.intent ?? ""] {
            r.suggestions = turn.choices(leadingWith: i, answer.suggestions)
        }
        var session = turn.session
        session.offeredChoices = r.suggestions.map(\.intent)
        r.session = session
        return r
    }

    /// Starts `flow` right after the answer of its start intent.
    /// The education the message that started it already gave ("aku lulusan smk bingung mau
    /// kerja apa") answers that step: it is not asked again, and the reply says what was taken
    /// (and how to change it).
    static func start(_ flow: FlowDefinition, after answer: Reply, turn: inout Turn) -> Reply {
        var state = FlowState(flowID: flow.id)
        var taken: [String] = []
        let words = turn.analysis.tokens.map { $0.typed ?? $0.surface }
        while state.step < flow.steps.count, flow.steps[state.step].role == "education",
              let value = named(words, step: flow.steps[state.step]),
              let label = flow.steps[state.step].choices.first(where: { $0.value == value })?.label[turn.language] {
            state.answers[flow.steps[state.step].id] = value
            taken.append(turn.engine.promptOr("flow_prefilled", turn.language, ["number": state.step + 1, "answer": label],
                                              id: "Dari pesanmu: \(label) (ketik \"ganti \(state.step + 1)\" kalau salah).",
                                              en: "From your message: \(label) (type \"change \(state.step + 1)\" if that is wrong)."))
            state.step += 1
        }
        guard state.step < flow.steps.count else { return answer }
        turn.session.flow = state
        turn.session.offeredChoices = []
        var r = answer
        let intro = flow.intro?[turn.language] ?? ""
        r.text = [answer.text, intro, taken.joined(separator: "\n"), question(flow, state.step, turn)].filter { !$0.isEmpty }.joined(separator: "\n\n")
        r.kind = .flow
        r.suggestions = []
        r.session = turn.session
        return r
    }

    /// Whether a message of three words or more asks rather than answers: it ends with a
    /// question mark, or with a yes-no tag that is its only word of the answer scale ("kamu bisa
    /// bikinin pantun buat pacar sy gak", "harga emas hari ini brp gak"). The tag reads as "no"
    /// but is no answer to the quiz; "gak terlalu suka" still is.
    static func asksBack(_ words: [String], text: String) -> Bool {
        guard words.count >= 3 else { return false }
        if QuestionParts.endsWithQuestionMark(Substring(text)) { return true }
        guard let last = words.last, QuestionParts.yesNoTags.contains(last) || noWords.contains(last) else { return false }
        return !words.dropLast().contains(where: scaleWords.contains)
    }

    /// Every word of the answer scale.
    static let scaleWords = noWords.union(midWords).union(yesWords)

    static func command(_ words: [String], steps: Int) -> Command? {
        guard !words.isEmpty, words.count <= 4 else { return nil }
        if words.contains(where: stopWords.contains) || (words.count <= 2 && impatient(words)) { return .stop }
        if words.contains(where: restartWords.contains) || words == ["mulai", "lagi"] || words == ["start", "over"] { return .restart }
        if words.contains(where: backWords.contains) { return .back }
        if words.contains(where: changeWords.contains), let n = words.compactMap({ Int($0) }).first, n >= 1, n <= steps { return .change(n) }
        return nil
    }

    /// Whether the message says the quiz takes too long or asks to skip it: "kelamaan",
    /// "skip", "lewati", "langsung aja …", "just tell me …", "too long".
    static func impatient(_ words: [String]) -> Bool {
        if words.contains(where: impatientWords.contains) { return true }
        return zip(words, words.dropFirst()).contains { pair in impatientPairs.contains([pair.0, pair.1]) }
    }

    static let impatientWords: Set<String> = ["kelamaan", "kepanjangan", "skip", "lewati", "lewatin", "bosen", "bosan"]
    static let impatientPairs: Set<[String]> = [
        ["langsung", "aja"], ["langsung", "saja"], ["langsung", "kasih"], ["just", "tell"], ["too", "long"], ["lama", "banget"],
        ["usah", "tes"], ["usah", "kuis"],
    ]

    static func parse(_ words: [String], step: FlowStep) -> String? {
        if step.scores != nil {
            if words.count == 1, let n = Int(words[0]) { return [1: "2", 2: "1", 3: "0"][n] }
            if words.contains(where: noWords.contains) { return "0" }
            if words.contains(where: midWords.contains) { return "1" }
            if words.contains(where: yesWords.contains) { return "2" }
            return nil
        }
        if words.count == 1, let n = Int(words[0]), n >= 1, n <= step.choices.count { return step.choices[n - 1].value }
        if let v = named(words, step: step) { return v }
        // Yes / no in other words ("iya", "enggak") for the choice that begins with yes / no,
        // when exactly one choice fits.
        if words.contains(where: yesWords.contains), let v = only(step, { !$0.isDisjoint(with: plainYes) }) { return v }
        if words.contains(where: noWords.contains), let v = only(step, { !$0.isDisjoint(with: plainNo) }) { return v }
        return nil
    }

    /// The choice of a choice step that the words name: its label, its value or one of its
    /// `also` words ("s1" for a bachelor's degree), or how its label begins ("ya" for "Ya, mau",
    /// "belum" for "Belum tahu", "smk" for "SMK") when exactly one choice fits.
    static func named(_ words: [String], step: FlowStep) -> String? {
        for (k, choice) in step.choices.enumerated() where step.namings[k].contains(where: { holds(words, $0) }) {
            return choice.value
        }
        return only(step) { !$0.isDisjoint(with: words) }
    }

    /// Whether `words` holds `run` as consecutive words.
    static func holds(_ words: [String], _ run: [String]) -> Bool {
        guard !run.isEmpty, run.count <= words.count else { return false }
        return (0...(words.count - run.count)).contains { start in
            run.indices.allSatisfy { words[start + $0] == run[$0] }
        }
    }

    /// The one choice whose label's first word (in either language) fits, if exactly one does.
    private static func only(_ step: FlowStep, _ fits: (Set<String>) -> Bool) -> String? {
        let matching = step.choices.indices.filter { k in fits(step.labelFirstWords[k]) }
        return matching.count == 1 ? step.choices[matching[0]].value : nil
    }

    static func question(_ flow: FlowDefinition, _ index: Int, _ turn: Turn) -> String {
        let step = flow.steps[index]
        let lang = turn.language
        let progress = "(\(index + 1)/\(flow.steps.count))"
        var lines = ["\(progress) \(step.question[lang])"]
        if step.scores != nil {
            lines.append("1. " + turn.engine.promptOr("flow_scale_yes", lang, id: "Ya, suka", en: "Yes, I like it"))
            lines.append("2. " + turn.engine.promptOr("flow_scale_mid", lang, id: "Biasa saja", en: "So-so"))
            lines.append("3. " + turn.engine.promptOr("flow_scale_no", lang, id: "Tidak suka", en: "No, I don't"))
        } else {
            for (n, c) in step.choices.enumerated() { lines.append("\(n + 1). \(c.label[lang])") }
        }
        return lines.joined(separator: "\n")
    }

    static func reply(_ turn: Turn, text: String, flow: FlowDefinition, done: Bool = false) -> Reply {
        var session = turn.session
        session.offeredChoices = []
        let topic = turn.engine.knowledge.intentIndex[flow.startIntent].map { turn.kb.intents[$0].topic } ?? BuiltInTopic.fallback
        return turn.finish(Reply(text: text, kind: done ? .answer : .flow, topic: topic, intent: flow.startIntent, confidence: 1,
                                 language: turn.language, session: session))
    }

    /// Interest profile → the closest occupations of the catalogue, with reasons.
    static func result(_ flow: FlowDefinition, answers: [String: String], turn: inout Turn) -> Reply {
        let lang = turn.language
        var scores: [Character: Int] = [:]
        for step in flow.steps {
            guard let letters = step.scores, let v = answers[step.id].flatMap(Int.init) else { continue }
            for l in letters { scores[l, default: 0] += v }
        }
        let order = Array("RIASEC")
        let ranked = order.sorted { (scores[$0] ?? 0, -(order.firstIndex(of: $0) ?? 0)) > (scores[$1] ?? 0, -(order.firstIndex(of: $1) ?? 0)) }
        let code = String(ranked.prefix(3))

        var educationLevel: Int?
        var educationValues: [String] = []
        var avoidAbroad = false
        for step in flow.steps {
            if step.role == "education", let v = answers[step.id] {
                educationValues = step.choices.map(\.value)
                educationLevel = educationValues.firstIndex(of: v)
            }
            if step.role == "abroad", let v = answers[step.id] { avoidAbroad = ["no", "tidak"].contains(v) }
        }

        var picks: [(id: String, row: [String: String], score: Double)] = []
        if let tableName = flow.recommendFrom, let table = turn.kb.tables[tableName] {
            for (id, row) in table.rows {
                guard let riasec = row["riasec"], !riasec.isEmpty else { continue }
                if avoidAbroad, ["yes", "ya", "true"].contains(row["abroad"]?.lowercased() ?? "") { continue }
                if let level = educationLevel, let need = row["min_education"], let needLevel = educationValues.firstIndex(of: need), needLevel > level { continue }
                // Cosine between the person's profile and the occupation's code (first letter
                // weighs 3, second 2, third 1).
                var dot = 0.0, norm = 0.0
                for (pos, l) in riasec.prefix(3).enumerated() {
                    let w = Double(3 - pos)
                    dot += Double(scores[l] ?? 0) * w
                    norm += w * w
                }
                let profile = scores.values.reduce(0.0) { $0 + Double($1 * $1) }
                picks.append((id, row, profile > 0 && norm > 0 ? dot / (profile.squareRoot() * norm.squareRoot()) : 0))
            }
        }
        picks.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        let top = Array(picks.prefix(3))
        let suffix = lang == .id ? "_id" : "_en"
        func letterName(_ l: Character) -> String { flow.letters[String(l)]?[lang] ?? String(l) }
        let occupations: [[String: Any]] = top.enumerated().map { n, p in
            let matching = Array(p.row["riasec"] ?? "").filter { ranked.prefix(3).contains($0) }.map(letterName)
            return ["number": n + 1,
                    "title": p.row["title" + suffix] ?? p.id,
                    "reason": matching.isEmpty ? "" : matching.joined(separator: ", "),
                    "training": p.row["training" + suffix] ?? "",
                    "where": p.row["where" + suffix] ?? ""]
        }
        let values: [String: Any] = ["code": code, "interests": ranked.prefix(3).map(letterName).joined(separator: ", "),
                                     "occupations": occupations]
        let template = flow.result.flatMap { try? AnswerTemplate($0[lang]) }
        let text = template?.render(values).trimmingCharacters(in: .whitespacesAndNewlines)
            ?? occupations.map { "\($0["number"] ?? ""). \($0["title"] ?? "")" }.joined(separator: "\n")

        // Picking a number next opens that occupation's overview.
        var choices: [Choice] = []
        if let key = flow.recommendFrom.flatMap({ turn.kb.tables[$0]?.key }),
           let overview = turn.kb.intents.first(where: { $0.slot?.value == key && $0.id.hasSuffix("overview") }) {
            for (n, p) in top.enumerated() {
                choices.append(Choice(number: n + 1, intent: overview.id, topic: overview.topic, title: p.row["title" + suffix] ?? p.id))
            }
            turn.session.offeredChoices = top.map { ChoiceCode.encode(intent: overview.id, type: key, id: $0.id) }
            if let first = top.first { turn.session.slots[key] = first.id }
            turn.session.activeTopic = overview.topic
        }
        turn.session.lastIntent = flow.startIntent
        return turn.finish(Reply(text: text, kind: .answer, topic: turn.engine.knowledge.intentIndex[flow.startIntent].map { turn.kb.intents[$0].topic } ?? "",
                                 intent: flow.startIntent, confidence: 1, language: lang, suggestions: choices, session: turn.session))
    }
}
