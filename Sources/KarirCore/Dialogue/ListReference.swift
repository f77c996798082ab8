/// "yg no 2 gmn?", "nomor 3 maksudnya apa": a message pointing at a numbered point of what was
/// just said. When the person's last message asked its questions as a numbered list, the point is
/// that question, asked again on its own; otherwise it is the numbered item of the last answer,
/// shown again, with the answer that explains it further when another answer reads it on its
/// own (probes 29a–c: "yg no 2 gmn?" got "Oke, tidak apa-apa", "no" read as a no; "yg nomor 2
/// maksudnya gmn" got the contact channels; "yg no 2" picked a suggestion the reply never
/// showed, hidden because the answer's own list was numbered).
enum ListReference {
    /// The number a short message points at with a word naming a point ("no 2", "nomor 3",
    /// "poin ke-2", "number 2", "step 3"), when it has at most ``longestMessage`` words.
    static func number(in tokens: [Token]) -> Int? {
        guard tokens.count <= longestMessage else { return nil }
        for k in tokens.indices.dropLast() where pointerWords.contains(tokens[k].surface) || pointerWords.contains(tokens[k].typed ?? "") {
            var j = k + 1
            if tokens[j].surface == "ke", j + 1 < tokens.count { j += 1 }
            let word = tokens[j].surface
            if let n = Int(word) ?? ChoiceNumber.numberWords[word], n >= 1, n <= mostItems { return n }
        }
        return nil
    }

    /// A message longer than this asks more than what a point means.
    static let longestMessage = 8
    /// Lists are not counted beyond this many items.
    static let mostItems = 9

    /// Words that name a point of a list.
    static let pointerWords: Set<String> = ["nomor", "nomer", "no", "nmr", "poin", "point", "butir", "langkah", "number", "item", "step"]

    /// The items of the first numbered list of an answer's text: the lines opening "1. ", "2. "
    /// … counting up from 1 (a later list starting at 1 again is not read). Empty when the text
    /// holds no numbered list that the display shows in place of the suggestions
    /// (``Reply/holdsNumberedList(_:)``).
    static func items(of text: String) -> [String] {
        guard Reply.holdsNumberedList(text) else { return [] }
        var items: [String] = []
        // Read on bytes: splitting the text into Characters was 6% of an answer's time (perf,
        // thirty-third session), and a list line opens with ASCII digits, ". " and spaces.
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let trimmed = line.drop { $0 == UInt8(ascii: " ") }
            let digits = trimmed.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            let rest = trimmed.dropFirst(digits.count)
            guard !digits.isEmpty, digits.count <= 4, rest.starts(with: [UInt8(ascii: "."), UInt8(ascii: " ")]) else { continue }
            let n = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            if n == items.count + 1 {
                items.append(String(decoding: rest.dropFirst(2), as: UTF8.self))
            } else if n == 1, !items.isEmpty {
                break
            }
        }
        return items.count >= 2 ? Array(items.prefix(mostItems)) : []
    }
}

extension Turn {
    /// The reply to a message pointing at point `n` (``ListReference``) of the person's last
    /// message or of the last answer, nil when the message points at nothing there. Offered
    /// choices that the last reply showed come first: a menu's numbers pick its choices.
    func listItemReply(before: Session) -> Reply? {
        guard let n = ListReference.number(in: analysis.tokens) else { return nil }
        // A pick of a menu the last reply showed ("yg no 2" after a clarify menu) is the menu's.
        if before.lastAnswerItems == nil, !before.offeredChoices.isEmpty, ChoiceNumber.read(analysis.tokens) != nil { return nil }
        // The person's own numbered questions ("1. gimana cara bikin kartu kuning? 2. ada
        // pelatihan gratis ga buat dia?"): point n is asked again.
        if let previous = before.previousMessage {
            let (pieces, _) = QuestionParts.pieces(of: previous)
            let points = pieces.filter(\.listed)
            if points.count >= 2, n <= points.count {
                let own = readInConversation(String(points[n - 1].text), before: before)
                return own.noting("pointing at question \(n) of the last message")
            }
        }
        // An item of the last answer's numbered list.
        let items = before.lastAnswerItems ?? []
        guard n <= items.count, let last = before.lastIntent, let i = engine.knowledge.intentIndex[last] else { return nil }
        let item = items[n - 1]
        let line = engine.promptOr("list_item", language, ["number": n, "item": item],
                                   id: "Nomor \(n) tadi: \(item)", en: "Point \(n) above: \(item)")
        // Another answer that reads the item on its own explains it further ("Latih jawaban
        // untuk pertanyaan umum" of the interview preparation: the common questions).
        let own = readInConversation(item, before: before)
        if own.intent != last, answersOnItsOwn(own), let explaining = own.intent {
            var reply = own.noting("pointing at item \(n) of the last answer, which `\(explaining)` explains")
            reply.text = line + "\n\n" + reply.text
            return reply
        }
        // Else the item alone, said to be all Karir has on it, with the way to a person.
        var session = before
        session.turn += 1
        session.language = language
        let staff = engine.knowledge.intentIndex[Self.staffIntent]
        let picks = staff.map { [choice($0, number: 1)] } ?? []
        session.offeredChoices = picks.map(\.intent)
        let more = engine.promptOr("list_item_more", language,
                                   id: "Itu yang bisa saya jelaskan soal nomor itu. Kalau kasusmu butuh penjelasan lebih rinci, petugas bisa bantu: ketik 1.",
                                   en: "That is what I can say about that point. If your case needs more detail, a staff member can help: type 1.")
        var reply = Reply(text: line + "\n" + more, kind: .answer, topic: kb.intents[i].topic, intent: last, confidence: 1,
                          language: language, suggestions: picks, session: session)
        if explain {
            reply.trace = trace()
            reply.trace?.rule = "pointing at item \(n) of the last answer (\(last)): the item again"
        }
        return reply
    }
}
