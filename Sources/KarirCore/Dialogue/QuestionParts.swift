/// The questions of a message that asks several at once ("berapa UMR Bekasi? terus cara bikin
/// kartu kuning gimana?", "1. syarat magang nasional 2. uang sakunya berapa"), each answered on
/// its own (``Turn/answerOtherQuestions(_:)``).
///
/// A message that uses question marks is cut at the marks that end a sentence (`?`, `!`, `.` or
/// `;` followed by a space), and its questions are the parts ending with a question mark: parts
/// that only give context ("Saya lulusan SMK.") are not answered on their own. A message without
/// question marks is cut only at line breaks and before numbered points ("1.", "2)"), and its
/// questions are the parts opening or closing with a question word ("berapa", "gimana", "how",
/// …, as the analyser spells them, so "gmn" and "brp" count). Either way a part is also cut where
/// a joining word starts another question ("What is JHT and when can I claim it?", "LTSA itu
/// apa dan dmn"): the pieces of a sentence ending with a question mark are questions.
enum QuestionParts {
    /// At most this many parts are looked at; a longer message is a story, not a list of questions.
    static let maxParts = 4

    /// A piece of a message that may be a question.
    struct Piece {
        var text: Substring
        /// The sentence it comes from ends with a question mark.
        var endsAsking: Bool
        /// It was cut from its sentence at a joining word, so it must hold a question word
        /// itself to count as a question.
        var joined: Bool
        /// It is a point of a list of questions written without marks (``barePoints(_:)``): a
        /// question whatever its words ("dua lupa password siapkerja").
        var listed = false
    }

    /// The message's pieces, in order: its parts (``split(_:atSentenceEnds:)``), each cut where
    /// a joining word starts another question (``atJoinedQuestions(_:)``). Empty when the message
    /// plainly asks one question (``mayAskSeveral(_:)``), or fewer than two of its pieces could
    /// be questions. `marked`: whether the message uses question marks.
    static func pieces(of text: String) -> (pieces: [Piece], marked: Bool) {
        guard mayAskSeveral(text) else { return ([], false) }
        let marked = marked(text)
        var pieces: [Piece] = []
        let points = barePoints(text)
        let parts = split(text, atSentenceEnds: marked, points: points)
        // The parts after the first point of a list are its points: a list without marks, or
        // one numbered "1.", "2." … ("mau tanya 3 hal: 1. kartu kuning berlaku brp lama 2.
        // prakerja masih ada ga 3. umk bekasi brp", whose first point closes with no question
        // word; probe 27c u40).
        let firstPoint = (points.first?.upperBound ?? markedListStart(text)).map { start in
            parts.firstIndex { $0.startIndex >= start } ?? parts.count
        }
        for (k, part) in parts.enumerated() {
            // The last sentence of a message with question marks asks too when it has none of
            // its own but a question word or a yes-no tag at an end ("pelatihan las di bpvp brp
            // lama ya? dpt uang saku ga"): the mark is often left off the last question.
            let endsAsking = endsWithQuestionMark(part) || (marked && k == parts.count - 1 && asksByItsWords(part))
            if let firstPoint, k >= firstPoint {
                pieces.append(Piece(text: part, endsAsking: true, joined: false, listed: true))
                continue
            }
            let cut = atJoinedQuestions(part)
            pieces += cut.map { Piece(text: $0, endsAsking: endsAsking, joined: cut.count > 1) }
        }
        guard pieces.count >= 2, !marked || pieces.count(where: \.endsAsking) >= 2 else { return ([], marked) }
        return (pieces, marked)
    }

    /// Whether a piece asks: in a message using question marks, a piece of a sentence ending with
    /// one (a piece cut at a joining word must also hold a question word); otherwise a piece
    /// opening or closing with a question word (``isQuestion(_:tokens:marked:)``).
    static func asks(_ piece: Piece, tokens: [Token], marked: Bool) -> Bool {
        if piece.listed { return true }
        if marked && !piece.endsAsking { return false }
        return (marked && !piece.joined) || isQuestion(piece.text, tokens: tokens, marked: false)
    }

    /// The raw texts of the message's parts, in order; one part (the whole message) when it
    /// has no boundary. Without `atSentenceEnds`, only line breaks and numbered points cut.
    static func split(_ text: String, atSentenceEnds: Bool = true) -> [Substring] {
        split(text, atSentenceEnds: atSentenceEnds, points: barePoints(text))
    }

    /// ``split(_:atSentenceEnds:)`` with the message's points without marks already found
    /// (``barePoints(_:)``).
    private static func split(_ text: String, atSentenceEnds: Bool, points bare: [Range<String.Index>]) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        func cut(at end: String.Index, next: String.Index) {
            let part = text[start..<end]
            if part.contains(where: { $0.isLetter }) { parts.append(part) }
            start = next
        }
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if let point = bare.first(where: { $0.lowerBound == i }) {
                cut(at: i, next: point.upperBound)
                i = point.upperBound
                continue
            } else if c == "\n" || c == "\r" {
                cut(at: i, next: next)
            } else if c == "?" || c == "？" || c == "!" || c == ";" || c == "." {
                guard atSentenceEnds || (c == "." && isPointNumber(text, before: i)) else { i = next; continue }
                // A mark ends a sentence when a space or the end follows it (not "Rp 2.500", not
                // "www.kemnaker.go.id").
                if next == text.endIndex || text[next] == " " || text[next] == "\n" {
                    // A question mark stays with its part: it is what makes the part a question.
                    // A full stop after a number is a numbered point ("1. syarat …"), not an end.
                    if c == ".", isPointNumber(text, before: i) {
                        cut(at: text.index(before: i), next: next)
                    } else {
                        cut(at: next, next: next)
                    }
                }
            } else if c == ")", next == text.endIndex || text[next] == " ", isPointNumber(text, before: i) {
                cut(at: text.index(before: i), next: next)
            }
            i = next
        }
        cut(at: text.endIndex, next: text.endIndex)
        return parts
    }

    /// Joining words that can start another question, and the question words (as typed) that
    /// must follow them.
    static let joining: Set<String> = ["dan", "and", "serta", "terus", "trus", "lalu"]
    static let typedQuestionWords: Set<String> = [
        "berapa", "brp", "bagaimana", "gimana", "gmn", "gmna", "apa", "apakah", "kapan", "kpn", "dimana", "dmn",
        "kemana", "kmn", "siapa", "kenapa", "knp", "mengapa",
        "how", "what", "where", "when", "which", "who", "why", "is", "are", "can", "could", "do", "does", "did", "should", "will",
    ]

    /// `part` cut before each joining word that a question word follows ("What is JHT and when
    /// can I claim it?" → "What is JHT", "when can I claim it?"); the joining word is left out.
    static func atJoinedQuestions(_ part: Substring) -> [Substring] {
        // A comma and a joining word between two stretches that each hold a question word cut
        // too, wherever the question words stand ("brp gaji minimum jakarta 2026, terus JHT bisa
        // dicairin kapan, sama kartu kuning berlaku brp lama?").
        if let (before, after) = atCommaJoin(part) { return atJoinedQuestions(before) + atJoinedQuestions(after) }
        var pieces: [Substring] = []
        var start = part.startIndex
        var words: [(range: Range<String.Index>, word: String)] = []
        var i = part.startIndex
        while i < part.endIndex {
            guard part[i].isLetter else { i = part.index(after: i); continue }
            var j = i
            while j < part.endIndex, part[j].isLetter { j = part.index(after: j) }
            words.append((i..<j, part[i..<j].lowercased()))
            i = j
        }
        // A chain of three questions or more, each of two words or more that asks by a question
        // word or a yes-no tag, joined by "trus", "terus", "lalu", "dan" … ("kartu kuning itu
        // apa sih trus bayar gak trus berlaku brp lama trus bisa online gak", probe 26a u33): cut
        // at every joining word.
        if let joins = chainOfQuestions(words.map(\.word)) {
            var from = part.startIndex
            for k in joins {
                pieces.append(part[from..<words[k].range.lowerBound])
                from = words[k + 1].range.lowerBound
            }
            pieces.append(part[from...])
            return pieces
        }
        var first = 0
        for k in words.indices.dropLast() where k > 0 && joining.contains(words[k].word) && typedQuestionWords.contains(words[k + 1].word) {
            let piece = part[start..<words[k].range.lowerBound]
            guard piece.contains(where: { $0.isLetter }) else { continue }
            pieces.append(piece)
            start = words[k + 1].range.lowerBound
            first = k + 1
        }
        // Chat Indonesian puts the question word last: "brp umr jakarta 2026 dan lembur dibayar
        // brp" asks two questions when both sides of the joining word ask on their own (two words
        // or more, the first side opening or closing with a question word, the second closing
        // with one). "syarat dan biaya ak1 berapa" is one question: its first side is one word.
        if let k = lastJoinOfAskingSides(words.map(\.word), from: first) {
            pieces.append(part[start..<words[k].range.lowerBound])
            start = words[k + 1].range.lowerBound
        }
        pieces.append(part[start...])
        return pieces
    }

    /// The two sides of the first comma followed by a joining word ("…, terus …", "…, sama …")
    /// whose sides both hold a question word as typed; the joining word is left out.
    static func atCommaJoin(_ part: Substring) -> (Substring, Substring)? {
        var i = part.startIndex
        while let comma = part[i...].firstIndex(of: ",") {
            let rest = part[part.index(after: comma)...]
            let trimmed = rest.drop(while: { $0 == " " })
            let word = trimmed.prefix(while: { $0.isLetter })
            if joiningSides.contains(word.lowercased()), holdsQuestionWord(part[part.startIndex..<comma]),
               holdsQuestionWord(trimmed[word.endIndex...]) {
                return (part[part.startIndex..<comma], trimmed[word.endIndex...].drop(while: { $0 == " " }))
            }
            i = part.index(after: comma)
        }
        return nil
    }

    /// Whether the text holds a question word as typed.
    static func holdsQuestionWord(_ text: Substring) -> Bool {
        text.split(whereSeparator: { !$0.isLetter }).contains { typedQuestionWords.contains($0.lowercased()) }
    }

    /// Joining words between two sides that each ask (chat Indonesian and English alike).
    static let joiningSides: Set<String> = joining.union(["sama", "trs"])
    /// Words that make a side ask when it opens with one ("cara bikin ak1 …").
    static let openingQuestionWords: Set<String> = typedQuestionWords.union(["cara", "caranya", "syarat", "syaratnya"])

    /// The place of the last joining word among `words[from...]` whose two sides ask on their
    /// own (``atJoinedQuestions(_:)``), if any: the side before it (from `from`) two words or more
    /// opening or closing with a question word (after "sama": opening), the side after it two
    /// words or more closing with one.
    static func lastJoinOfAskingSides(_ words: [String], from: Int) -> Int? {
        guard let last = words.last, closesAQuestion(last) else { return nil }
        for k in stride(from: words.count - 3, through: from + 2, by: -1) where joiningSides.contains(words[k]) {
            let before = words[from..<k]
            guard let open = before.first, let close = before.last else { continue }
            // "sama" also means "with, to" ("kelemahan kamu apa sama hrd jawabnya gimana"): the
            // side before it must open with the question.
            if openingQuestionWords.contains(open) || (words[k] != "sama" && closesAQuestion(close)) { return k }
        }
        return nil
    }

    /// The places of the joining words of a chain of questions (``atJoinedQuestions(_:)``), or
    /// nil: three sides or more, each of two words or more holding a question word or closing
    /// with a yes-no tag (a particle such as "sih" or "ya" after it aside).
    static func chainOfQuestions(_ words: [String]) -> [Int]? {
        let joins = words.indices.filter { k in k > 0 && k < words.count - 1 && chainJoins.contains(words[k]) }
        guard joins.count >= 2 else { return nil }
        var from = 0
        for end in joins + [words.count] {
            let side = words[from..<end]
            guard side.count >= 2 else { return nil }
            let asks = side.contains(where: typedQuestionWords.contains)
                || side.reversed().drop(while: chainParticles.contains).first.map(closesAQuestion) == true
            guard asks else { return nil }
            from = end + 1
        }
        return joins
    }

    /// Joining words of a chain of questions ("sama" is left out: it also means "with").
    static let chainJoins: Set<String> = joining.union(["trs"])
    /// Particles that may follow a question's last word ("apa sih", "bayar gak ya").
    static let chainParticles: Set<String> = ["sih", "ya", "dong", "kah", "nih", "deh", "kak", "min"]

    /// Whether a side ending with this word asks: a question word, or a yes-no tag
    /// (``yesNoTags``: "bayar gak", "bisa online nggak").
    static func closesAQuestion(_ word: String) -> Bool {
        typedQuestionWords.contains(word) || yesNoTags.contains(word)
    }

    /// The numbers of points written without a mark ("mau tanya 3 hal: 1 cara dapet sertifikat
    /// 2 brp lama berlaku 3 biayanya brp", and as voice typing gives them, "saya mau tanya tiga
    /// hal satu cara daftar siapkerja dua lupa password tiga cara lamar kerja"): 1, 2 (, 3, 4) in
    /// that order, as digits or words ("satu", "one"), each standing alone before another word;
    /// the 1 at the start (a digit), after a colon, or right after the words announcing the
    /// questions ("tiga hal", "2 pertanyaan", "three things"). Empty for any other message ("kerja
    /// 1 tahun 2 bulan", "kerja satu tahun dua bulan": nothing announces their 1).
    static func barePoints(_ text: String) -> [Range<String.Index>] {
        // Two points need a 2: most messages have none and are not cut into words.
        guard mayHoldSecondPoint(text) else { return [] }
        var words: [(range: Range<String.Index>, word: Substring)] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i].isLetter || text[i].isNumber else { i = text.index(after: i); continue }
            var j = i
            while j < text.endIndex, text[j].isLetter || text[j].isNumber { j = text.index(after: j) }
            words.append((i..<j, text[i..<j]))
            i = j
        }
        var places: [Range<String.Index>] = []
        for k in words.indices.dropLast() {
            guard let n = pointNumbers[words[k].word.lowercased()], n == places.count + 1 else { continue }
            // Standing alone: spaces around it (not "1,5", "2)" is a marked point already).
            let before = words[k].range.lowerBound == text.startIndex ? " " : text[text.index(before: words[k].range.lowerBound)]
            let after = text[words[k].range.upperBound]
            guard before == " " || before == ":", after == " " else { continue }
            if n == 1 {
                let atStart = k == 0 && words[k].word.first?.isNumber == true
                let afterColon = text[text.startIndex..<words[k].range.lowerBound].last(where: { $0 != " " }) == ":"
                let announced = k > 0 && announcingWords.contains(words[k - 1].word.lowercased())
                guard atStart || afterColon || announced else { continue }
            }
            places.append(words[k].range)
            if places.count == 4 { break }
        }
        return places.count >= 2 ? places : []
    }

    /// Whether the message holds a "2", "dua" or "two" anywhere (any case), read from its bytes:
    /// without one it has no second point (``barePoints(_:)``).
    static func mayHoldSecondPoint(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "2") { return true }
            let lower = byte | 0x20
            if lower == UInt8(ascii: "a"), previous == UInt8(ascii: "u"), beforePrevious == UInt8(ascii: "d") { return true }
            if lower == UInt8(ascii: "o"), previous == UInt8(ascii: "w"), beforePrevious == UInt8(ascii: "t") { return true }
            beforePrevious = previous
            previous = lower
        }
        return false
    }

    /// The numbers a point may be written with.
    static let pointNumbers: [String: Int] = ["1": 1, "2": 2, "3": 3, "4": 4, "satu": 1, "dua": 2, "tiga": 3, "empat": 4,
                                              "one": 1, "two": 2, "three": 3, "four": 4]
    /// Words that announce how many questions follow ("tiga hal", "2 pertanyaan").
    static let announcingWords: Set<String> = ["hal", "pertanyaan", "pertanyaannya", "things", "questions"]

    /// Where the first point of a numbered list starts, after its "1." or "1)": only when the
    /// message's numbered points count up from 1 to 2 at least ("1. … 2. …"). Nil otherwise.
    static func markedListStart(_ text: String) -> String.Index? {
        var next = 1
        var start: String.Index?
        var i = text.startIndex
        while i < text.endIndex {
            let after = text.index(after: i)
            if text[i] == "." || text[i] == ")", after == text.endIndex || text[after] == " " || text[after] == "\n",
               isPointNumber(text, before: i), text[text.index(before: i)].wholeNumberValue == next {
                if next == 1 { start = after }
                next += 1
            }
            i = after
        }
        return next > 2 ? start : nil
    }

    /// Whether the characters before `mark` are a point number: one digit standing alone
    /// ("1." or "2)" after a space or at the start).
    private static func isPointNumber(_ text: String, before mark: String.Index) -> Bool {
        guard mark > text.startIndex else { return false }
        let digit = text.index(before: mark)
        guard text[digit].isASCII, text[digit].isNumber else { return false }
        return digit == text.startIndex || text[text.index(before: digit)] == " " || text[text.index(before: digit)] == "\n"
    }

    /// Whether a part reads as a question: it ends with a question mark, or one of its words
    /// (as the analyser spells them) asks.
    /// In a message that uses question marks, only the parts ending with one are questions;
    /// otherwise ("1. syarat magang 2. uang sakunya berapa") the parts that open or close with a
    /// question word (not one in the middle, "ditanya kenapa masih nyari kerja", which reports a
    /// question, nor a doubled one, "apa-apa", which means "anything").
    static func isQuestion(_ raw: Substring, tokens: [Token], marked: Bool) -> Bool {
        if marked { return endsWithQuestionMark(raw) }
        let words = tokens.map(\.surface)
        let lowered = raw.lowercased()
        for k in words.indices where k < 2 || k >= words.count - 2 {
            let w = words[k]
            guard questionWords.contains(w) else { continue }
            // (The analyser reads "apa2" as "apa": the raw text tells.)
            let doubled = (k > 0 && words[k - 1] == w) || (k + 1 < words.count && words[k + 1] == w)
                || lowered.contains(w + "2") || lowered.contains(w + "-" + w)
            if !doubled { return true }
        }
        return false
    }

    /// Whether a sentence without a question mark opens or closes with a question word as
    /// typed ("brp", "gimana", "how") or closes with a yes-no tag ("ga", "gak", "nggak",
    /// "tidak"): the last sentence of a message whose earlier ones use question marks.
    /// (At least ``trailingQuestionWords`` words, and none pointing back: "kalo kurang dari itu
    /// gmn" after "one month notice gitu ya?", "where do I pick it up" and "how many days" are
    /// about the first question, which answers them better as one message.)
    /// (A joining word it opens with is passed over: "… at a startup? and should i bring
    /// printed cv", "… gratis? terus dapet sertifikat gak".)
    static func asksByItsWords(_ part: Substring) -> Bool {
        let typed = part.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() }
        let words = Array(typed.drop(while: leadingJoins.contains))
        guard let first = words.first, let last = words.last, typed.count >= Self.trailingQuestionWords,
              !words.contains(where: pointingBack.contains) else { return false }
        // (Or next to the end: "… berlaku brp lama", "… bayar brp ya"; probe 24e u22.)
        let nextToLast = words.count >= 2 ? words[words.count - 2] : ""
        return typedQuestionWords.contains(first) || typedQuestionWords.contains(last) || yesNoTags.contains(last)
            || (typedQuestionWords.contains(nextToLast) && !auxiliaries.contains(nextToLast) && !vagueEnds.contains(last))
    }

    /// Words that make a question word vague rather than asking ("jadi apa gitu": something or other).
    static let vagueEnds: Set<String> = ["gitu", "gt", "gtu", "begitu", "deh"]

    /// English auxiliaries, question words only where they open a question ("my contract is over").
    static let auxiliaries: Set<String> = ["is", "are", "can", "could", "do", "does", "did", "should", "will"]

    /// Joining words a last sentence may open with.
    static let leadingJoins: Set<String> = joining.union(["also", "then", "sama", "trs", "tp", "tapi", "but"])

    /// The least number of words of such a last sentence.
    static let trailingQuestionWords = 4

    /// Words that point back at what was said before.
    static let pointingBack: Set<String> = ["itu", "ini", "tsb", "tersebut", "it", "that", "this", "them", "those", "these"]

    /// Words that close a yes-no question in chat Indonesian ("dapet uang saku ga").
    static let yesNoTags: Set<String> = ["ga", "gak", "gk", "nggak", "ngga", "enggak", "engga", "tidak", "tdk", "nda", "ndak", "kah"]

    /// Whether the message may ask more than one question, read from its bytes (most messages
    /// do not, and this costs far less than cutting them): two separate question marks, one
    /// with words after it, or, without question marks, a line break or a numbered point.
    static func mayAskSeveral(_ text: String) -> Bool {
        var marks = 0
        var breaks = false
        var wordsAfterMark = false
        var previous: UInt8 = 32, beforePrevious: UInt8 = 32
        for byte in text.utf8 {
            // A full-width "？" (and any other multi-byte text) takes the full cut.
            if byte == 0xEF { return true }
            if byte == UInt8(ascii: "?") { wordsAfterMark = false }
            if marks > 0, (byte | 0x20) >= 97, (byte | 0x20) <= 122 { wordsAfterMark = true }
            if byte == UInt8(ascii: "?"), previous != UInt8(ascii: "?") { marks += 1 }
            if byte == 10 || byte == 13 { breaks = true }
            // "1." or "2)" followed by a space.
            if byte == 32, previous == UInt8(ascii: ".") || previous == UInt8(ascii: ")"),
               beforePrevious >= 48, beforePrevious <= 57 { breaks = true }
            beforePrevious = previous
            previous = byte
        }
        return marks >= 2 || (marks == 1 && wordsAfterMark) || (marks == 0 && breaks) || joinsQuestions(text)
            || (mayHoldBarePoints(text) && !barePoints(text).isEmpty)
    }

    /// Whether the message may hold points without marks (``barePoints(_:)``), read cheaply: it
    /// opens with "1", or holds a colon or a word announcing questions between spaces.
    static func mayHoldBarePoints(_ text: String) -> Bool {
        text.utf8.first == UInt8(ascii: "1") || text.utf8.contains(UInt8(ascii: ":"))
            || announcingPhrases.contains { containsBytes(text, $0) }
    }
    private static let announcingPhrases: [[UInt8]] = announcingWords.map { Array((" " + $0 + " ").utf8) }

    /// Whether `text` holds `bytes` (exact, case as given): the plain byte search, far cheaper
    /// than Foundation's `contains` with its locale-aware comparison.
    static func containsBytes(_ text: String, _ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return true }
        let utf8 = text.utf8
        var i = utf8.startIndex
        while let at = utf8[i...].firstIndex(of: first) {
            if utf8[at...].starts(with: bytes) { return true }
            i = utf8.index(after: at)
        }
        return false
    }

    /// Whether a joining word followed by a question word occurs (" and when ", " dan dmn "),
    /// read from the bytes without making a string (words are compared by a hash of their
    /// letters; a collision only costs a closer look).
    /// Also when a joining word comes after a question word and the message closes with one
    /// ("brp umr jakarta dan lembur dibayar brp"): ``atJoinedQuestions(_:)`` then takes a closer look.
    static func joinsQuestions(_ text: String) -> Bool {
        var previous: UInt64 = 0
        var current = FNV1a()
        var inWord = false
        var asked = false, joinedAfterAsking = false, lastAsks = false, lastCloses = false
        // A comma and a joining word after a question word, then another question word
        // ("brp gaji minimum jakarta, terus jht cair kapan"): ``atCommaJoin(_:)`` takes a closer look.
        var comma = false, commaJoined = false
        func endWord() -> Bool {
            defer { previous = current.value; current = FNV1a(); inWord = false; comma = false }
            // (A yes-no tag closes a question too: "… trus bayar gak trus bisa online gak".)
            let closes = lastJoinClosingHashes.contains(current.value)
            defer { lastCloses = closes }
            lastAsks = questionHashes.contains(current.value)
            if asked && sideJoiningHashes.contains(current.value) {
                joinedAfterAsking = true
                if comma { commaJoined = true }
            }
            if commaJoined && lastAsks { return true }
            if closes || openingHashes.contains(current.value) { asked = true }
            return joiningHashes.contains(previous) && lastAsks
        }
        for byte in text.utf8 {
            let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
            if lower >= 97 && lower <= 122 {
                current.add(lower)
                inWord = true
            } else {
                if inWord, endWord() { return true }
                if byte == UInt8(ascii: ",") { comma = true }
            }
        }
        if inWord, endWord() { return true }
        return joinedAfterAsking && lastCloses
    }

    private static let joiningHashes: Set<UInt64> = Set(joining.map { FNV1a.hash($0.utf8) })
    private static let sideJoiningHashes: Set<UInt64> = Set(joiningSides.map { FNV1a.hash($0.utf8) })
    private static let questionHashes: Set<UInt64> = Set(typedQuestionWords.map { FNV1a.hash($0.utf8) })
    private static let openingHashes: Set<UInt64> = Set(openingQuestionWords.map { FNV1a.hash($0.utf8) })
    private static let lastJoinClosingHashes: Set<UInt64> = Set(typedQuestionWords.union(yesNoTags).map { FNV1a.hash($0.utf8) })

    /// Whether the message uses question marks.
    static func marked(_ text: String) -> Bool { text.contains("?") || text.contains("？") }

    /// Whether a sentence asks something: it ends with a question mark or holds a question word
    /// (its `tokens`, as the analyser spells them).
    static func sentenceAsks(_ part: Substring, tokens: [Token]) -> Bool {
        endsWithQuestionMark(part) || tokens.contains { questionWords.contains($0.surface) }
    }

    /// Whether a part ends with a question mark.
    static func endsWithQuestionMark(_ raw: Substring) -> Bool {
        raw.reversed().first(where: { !$0.isWhitespace }).map({ $0 == "?" || $0 == "？" }) == true
    }

    /// Words that ask, in both languages, as the analyser spells them ("gmn" → "bagaimana").
    static let questionWords: Set<String> = [
        "apa", "apakah", "bagaimana", "berapa", "kapan", "mana", "dimana", "kemana", "siapa", "kenapa", "mengapa",
        "bisakah", "bolehkah", "adakah", "cara", "syarat",
        "how", "what", "where", "when", "who", "why", "which",
    ]
}
