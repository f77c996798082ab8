/// The same answer given again right after itself ("How do I register?" answered with the
/// eligibility rules just shown, "umur aku 17 kak" with the AK/1 requirements again): the
/// person has just read it, so Karir says it is the same answer and puts the lines that bear on
/// the new message first, then the rest (probes 27a–d found a whole answer sent again word for
/// word, its point for the follow-up buried, the commonest bad reply). Nothing is left out: what
/// bears on a follow-up is often in a line sharing none of its words ("kabur" and the notice
/// rules).
enum AnswerAgain {
    /// At most this many lines of the answer are shown again.
    static let mostLines = 3

    /// A part of an answer given again that shares this many of the message's words is what the
    /// message asks: the rest of the answer is not repeated.
    static let sharedWordsToLeaveTheRest = 3

    /// A digest of an answer's text (FNV-1a over its UTF-8 bytes): the same on every run, so a
    /// conversation kept across a server restart still tells the same answer apart.
    static func digest(_ text: String) -> UInt64 { FNV1a.hash(text.utf8) }

    /// The lines of `lines` that share the most words of the message (`message`, already
    /// analysed), at most ``mostLines``, in their order. Words every other line holds tell no
    /// line apart and do not count; nor do joining words, question words, or words of one or
    /// two letters (numbers count: "18"). Empty when no line shares a word.
    static func lines(about message: [Token], in lines: [String], analyze: (String) -> [Token]) -> [String] {
        scoredLines(about: message, in: lines, analyze: analyze).map(\.line)
    }

    /// ``lines(about:in:analyze:)`` with the number of the message's words each line shares
    /// (besides those most lines hold).
    static func scoredLines(about message: [Token], in lines: [String], analyze: (String) -> [Token]) -> [(line: String, shared: Int)] {
        // (The word a question word asks about the degree of, "berapa lama", "how long", is the
        // question's shape, not its subject: "lama" also means "old" in "nama lama".)
        let keys = Set(message.indices.filter { k in
            isContent(message[k]) && !(k > 0 && QuestionParts.questionWords.contains(message[k - 1].surface) && degreeWords.contains(message[k].surface))
        }.map { message[$0].stem })
        guard !keys.isEmpty, !lines.isEmpty else { return [] }
        let shared = lines.map { contentStems(of: $0, analyze: analyze).intersection(keys) }
        let common = Set(keys.filter { key in shared.count(where: { $0.contains(key) }) * 2 > lines.count })
        let scores = shared.map { $0.subtracting(common).count }
        let best = lines.indices.filter { scores[$0] > 0 }.sorted { (scores[$0], -$0) > (scores[$1], -$1) }.prefix(mostLines)
        return best.sorted().map { (lines[$0], scores[$0]) }
    }

    /// The stems of the words of `text` that can tell lines apart.
    static func contentStems(of text: String, analyze: (String) -> [Token]) -> Set<String> {
        Set(analyze(text).filter(isContent).map(\.stem))
    }

    /// The answer's lines grouped into the parts that are moved as one: a list item ("- …",
    /// "• …", "2. …", "3) …") stays with the items and the heading before it, so that putting a
    /// bearing part first never cuts a list or a formula in two (probe 28c: a list shown again
    /// began at "2.").
    static func parts(of text: String) -> [String] {
        var parts: [[Substring]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if isListItem(line), let last = parts.last?.last, isListItem(last) || last.hasSuffix(":") {
                parts[parts.count - 1].append(line)
            } else {
                parts.append([line])
            }
        }
        return parts.map { $0.joined(separator: "\n") }
    }

    /// Whether a line is an item of a list: a bullet, or a number with a full stop or bracket.
    static func isListItem(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0 == " " }
        guard let first = trimmed.first else { return false }
        if first == "-" || first == "•" || first == "*" { return true }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2, let mark = trimmed.dropFirst(digits.count).first else { return false }
        return mark == "." || mark == ")"
    }

    /// Words that end a yes-or-no question typed without a question mark ("wajib gak").
    static let questionTags: Set<String> = ["tidak", "belum", "bukan", "kah", "not", "right"]

    /// Words that make a message ask or deny, not what it asks about ("bisa bikin ga").
    static let askingTags: Set<String> = ["tidak", "bukan", "belum", "not", "yes", "harus", "mau", "ingin", "perlu", "want", "need"]

    static let degreeWords: Set<String> = ["lama", "banyak", "jauh", "besar", "long", "much", "many", "far", "big", "often"]

    /// Whether a message is a short question: at most ``shortQuestionWords`` words that can tell
    /// lines apart.
    static func isShortQuestion(_ tokens: [Token]) -> Bool {
        tokens.filter(isContent).count <= shortQuestionWords
    }

    static let shortQuestionWords = 3

    /// Words that join others, or ask about a difference, and point to no part of an answer
    /// ("kabur aja tanpa ijazah" and a line that says "tanpa perjanjian"; "bedanya apa" and a
    /// line saying the steps "beda tiap aplikasi").
    static let joiningWords: Set<String> = ["tanpa", "dengan", "untuk", "dari", "sama", "juga", "lagi", "masih", "sudah", "belum", "kalau",
                                            "atau", "tapi", "without", "with", "from", "also", "still", "already", "about", "only", "cuma",
                                            "beda", "differ", "difference", "different"]

    /// Whether a word can tell lines apart.
    static func isContent(_ t: Token) -> Bool {
        guard !Turn.fillers.contains(t.surface), !QuestionParts.questionWords.contains(t.surface), !Turn.askingWords.contains(t.surface),
              !askingTags.contains(t.surface),
              !AskingPreamble.addressWords.contains(t.surface), !Turn.firstPerson.contains(t.surface) else { return false }
        return t.surface.count > 2 || t.surface.first?.isNumber == true
    }
}

extension Turn {
    /// Whether the message asks nothing: no question mark, no question or asking word ("boleh",
    /// "bisa", "can"), and no question tag at its end ("wajib gak"). "saya kerja 6 tahun", "oh
    /// iya kontrak aku diperpanjang 2x".
    func asksNothing() -> Bool {
        let words = analysis.tokens.map(\.surface)
        return hasNoQuestionMarkOrWord(words) && !words.contains(where: Self.askingWords.contains)
            && !(words.last.map(AnswerAgain.questionTags.contains) ?? false)
    }

    /// An answer that is the last answer given again (the same intent and text, or one marked
    /// ``Reply/repeated``): the `same_answer_bearing` prompt, the lines bearing on the message,
    /// then the others; or, when no line does, the `same_answer_again` prompt and the answer.
    /// Both prompts point to a staff member, who is put first among the suggestions. Not for a
    /// safety answer (it opens with its help), a guided conversation, or a message passed to
    /// staff. A prompt left out of the prompts leaves the answer as it is.
    mutating func answerGivenAgain(_ reply: Reply, before: Session) -> Reply {
        guard reply.kind == .answer, reply.session.flow == nil, !reply.passedToStaff, !answersSafety(reply),
              let intent = reply.intent, intent == before.lastIntent,
              reply.repeated || before.lastAnswerDigest == AnswerAgain.digest(reply.text) else { return reply }
        var again = reply
        again.repeated = true
        again.session.timesRepeated = (before.timesRepeated ?? 0) + 1
        let values = offerStaffFirst(&again)
        let lines = AnswerAgain.parts(of: reply.text)
        let analyzer = engine.knowledge.analyzer, language = before.language
        let scored = AnswerAgain.scoredLines(about: analysis.tokens, in: lines) { analyzer.analyze($0, sessionLanguage: language).tokens }
        let bearing = scored.map(\.line)
        // Shown twice already, and the message asks nothing (the person added a detail, then
        // another): not a third time in full. Only the parts bearing on the message, if any,
        // under a lead that says this is all Karir has on it and offers a staff member (probes
        // 28a–c: one answer sent up to five times in a row). (A message that asks gets it in
        // full: what it asks is often in a part sharing none of its words, "harus ngadu ke mana"
        // and the line naming Disnaker.)
        if before.timesRepeated != nil, asksNothing() {
            let lead = engine.prompt(bearing.isEmpty ? "same_answer_nothing_more" : "same_answer_shown", self.language, values)
            if !lead.isEmpty {
                again.text = ([lead] + bearing).joined(separator: "\n")
                if explain, let rule = again.trace?.rule {
                    again.trace?.rule = rule + "; the last answer a third time: only its \(bearing.count) of \(lines.count) parts bearing on the message"
                }
                return again
            }
        }
        // (All of them bearing on it is no reordering: the answer as it was, said to be the same.)
        let reorders = !bearing.isEmpty && bearing.count < lines.count
        let lead = engine.prompt(reorders ? "same_answer_bearing" : "same_answer_again", self.language, values)
        guard !lead.isEmpty else { return again }
        // A part sharing several of the question's words ("ijazah blm keluar cuma ada skl" and
        // the line on the SKL) is what it asks: that part, and a line saying that the rest is the
        // answer just above, not the rest again (probes 31a–c: 32 of 111 bad replies were a long
        // answer sent again whole, its point for the follow-up one line in it). A part sharing
        // one or two words is often not what is asked ("same KK" and a line on foreigners while
        // the family-card rule says "Kartu Keluarga"): the rest follows it, as it does when the
        // prompts leave the line out.
        // So is the one part sharing any of a short question's words ("how many pages" and the
        // line on a CV's length, "should i put a photo on it?" and the line on photos: probe
        // 32b 09/2, 09/3).
        // (A word of the message before, "ijazah" in "kalau saya kabur aja tanpa ijazah gimana"
        // after "ijazah sy ditahan", is the conversation's subject, not the detail asked.)
        // (Every word of it that the message before did not hold is in that part: "bedanya apa
        // buat sy kalo mitra" shares only "mitra" with a part on registering as a partner, and
        // asks about the difference.)
        func pointsToOnlyPart() -> Bool {
            let analyze = { analyzer.analyze($0, sessionLanguage: language).tokens }
            let earlier = before.previousMessage.map { Set(analyze($0).map(\.stem)) } ?? []
            let asked = Set(analysis.tokens.filter(AnswerAgain.isContent).map(\.stem)).subtracting(earlier).subtracting(AnswerAgain.joiningWords)
            return !asked.isEmpty && asked.isSubset(of: AnswerAgain.contentStems(of: scored[0].line, analyze: analyze))
        }
        let pointsToOnePart = scored.count == 1 && AnswerAgain.isShortQuestion(analysis.tokens) && pointsToOnlyPart()
        let restAbove = reorders && ((scored.map(\.shared).max() ?? 0) >= AnswerAgain.sharedWordsToLeaveTheRest || pointsToOnePart)
            ? engine.prompt("same_answer_rest_above", self.language, values) : ""
        if !restAbove.isEmpty {
            again.text = ([lead] + bearing + [restAbove]).joined(separator: "\n")
        } else if reorders {
            again.text = ([lead] + bearing + [""] + lines.filter { !bearing.contains($0) }).joined(separator: "\n")
        } else {
            again.text = lead + "\n" + reply.text
        }
        if explain, let rule = again.trace?.rule {
            again.trace?.rule = rule + "; the last answer again, \(reorders ? bearing.count : 0) of its \(lines.count) parts bearing on the message \(restAbove.isEmpty ? "first" : "only")"
        }
        return again
    }
}
