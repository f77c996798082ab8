/// The words a message opens with to say that a question follows ("permisi, saya mau tanya",
/// "min mau nanya dong", "I'd like to ask"): they carry no subject of their own, and left in
/// they pull a long question towards small talk ("how do I ask this bot?") and dilute its
/// match. They are left out before the message is ranked, when a question follows them.
enum AskingPreamble {
    /// The message's tokens without an opening preamble, and the preamble (empty when there is
    /// none).
    ///
    /// A preamble is the opening run of words up to and including an asking word ("tanya",
    /// "nanya", "bertanya", "ask"; not "pertanyaan"), every word before it one of ``openers`` (greetings, forms of
    /// address, pronouns, "mau", "boleh", "izin" …), followed by any of ``trailing`` ("dong",
    /// "nih", "min", "sedikit", "something" …). It is left out only when at least
    /// ``leastQuestionWords`` words remain, of which two are not preamble words themselves.
    static func strip(_ tokens: [Token]) -> (kept: [Token], preamble: [Token]) {
        // "gak jadi deh, mau nanya lowongan aja": taking back what was asked before opens a
        // new question; the words that take it back are no part of it (they pulled it to the
        // "no, never mind" pleasantry and a fallback, probe 21c c32).
        if let n = cancelLength(tokens) {
            let (kept, preamble) = strip(Array(tokens[n...]))
            return (kept, Array(tokens[..<n]) + preamble)
        }
        guard let ask = tokens.firstIndex(where: isAsking) else { return stripFiller(tokens) }
        guard tokens[..<ask].allSatisfy({ openers.contains($0.surface) }) else { return (tokens, []) }
        var end = ask + 1
        while end < tokens.count, trailing.contains(tokens[end].surface) { end += 1 }
        // An asking word that opens the message is a preamble only with a word around it
        // ("tanya dong, …"): "ask for a raise" and "tanya jawab interview" are questions.
        guard ask > 0 || end > ask + 1 else { return (tokens, []) }
        let rest = tokens[end...]
        // (Two words are enough when they say what the question is about: "mau tanya soal
        // pelatihan" is "soal pelatihan", which was 0.27 near the out-of-scope "latihan soal
        // ujian sekolah smp" with the preamble left in; probe 24e u26.)
        let namesSubject = rest.count >= 2 && rest.first.map { aboutWords.contains($0.surface) } == true
        guard rest.count >= leastQuestionWords || namesSubject,
              rest.count(where: { !openers.contains($0.surface) && !trailing.contains($0.surface) }) >= 2 else { return (tokens, []) }
        return (Array(rest), Array(tokens[..<end]))
    }

    /// Words that say what a question is about ("soal", "tentang", "about").
    static let aboutWords: Set<String> = ["soal", "tentang", "mengenai", "terkait", "about", "regarding"]

    /// An opening filler that only turns to something new ("oh iya, …", "oh ya kak, …", "oke,
    /// …"): a run of ``fillers`` and forms of address holding "oh" or "ok". It is left out like
    /// a preamble when at least ``leastAfterFiller`` words follow, two of them not fillers:
    /// "oh iya, kalo mau kuliah di korea ada beasiswa gak ya" was 0.56 near the acknowledgement
    /// "oh ya ya" through its opening alone and got "Oke!". ("eh" also opens corrections and
    /// games, "eh bukan jepang, maksud saya …", "eh, main tebak angka yuk": not a filler here.)
    static func stripFiller(_ tokens: [Token]) -> (kept: [Token], preamble: [Token]) {
        var end = 0
        while end < tokens.count, fillers.contains(tokens[end].surface) || addressWords.contains(tokens[end].surface) { end += 1 }
        guard end > 0, tokens[..<end].contains(where: { fillerHeads.contains($0.surface) }) else { return (tokens, []) }
        let rest = tokens[end...]
        guard rest.count >= leastAfterFiller,
              rest.count(where: { !fillers.contains($0.surface) && !addressWords.contains($0.surface) }) >= 2 else { return (tokens, []) }
        return (Array(rest), Array(tokens[..<end]))
    }

    /// How many opening words take back what was asked before ("gak jadi deh", "nggak jadi
    /// kak", "never mind"; not "batal", which opens "batal ikut magang nasional"), with the
    /// particles and forms of address after them, when at least ``leastQuestionWords`` words
    /// follow, two of them not such words; nil otherwise.
    static func cancelLength(_ tokens: [Token]) -> Int? {
        let words = tokens.map(\.surface)
        // (After an opening "ok"/"oh": "ok nevermind lol. how to get job in game industry?",
        // probe 23c c23.)
        var start = 0
        while start < words.count, fillerHeads.contains(words[start]) { start += 1 }
        let opening = words[start...]
        var end: Int
        if opening.starts(with: ["tidak", "jadi"]) || opening.starts(with: ["never", "mind"]) { end = start + 2 }
        else if opening.first == "nevermind" { end = start + 1 }
        else { return nil }
        while end < tokens.count, fillers.contains(words[end]) || addressWords.contains(words[end]) || cancelledThing.contains(words[end])
                || laughs.contains(words[end]) {
            end += 1
        }
        let rest = words[end...]
        guard rest.count >= leastQuestionWords,
              rest.count(where: { !fillers.contains($0) && !addressWords.contains($0) && !openers.contains($0) }) >= 2 else { return nil }
        return end
    }

    /// Laughter typed after a cancel ("never mind lol").
    static let laughs: Set<String> = ["lol", "haha", "hahaha", "hehe", "wkwk", "wkwkwk", "lmao"]

    /// What a cancel points at ("never mind that", "gak jadi yang itu").
    static let cancelledThing: Set<String> = ["that", "it", "itu", "yang", "tadi"]

    static let fillerHeads: Set<String> = ["oh", "ok", "oke", "okay", "okey"]
    static let fillers: Set<String> = fillerHeads.union(["ya", "iya", "yaa", "satu", "lagi", "sip", "deh"])
    static let leastAfterFiller = 6

    /// Whether a token is an asking word.
    static func isAsking(_ t: Token) -> Bool {
        askingSurfaces.contains(t.surface) || (t.stem == "ask" && t.surface.hasPrefix("ask"))
    }

    static let leastQuestionWords = 3
    static let askingSurfaces: Set<String> = ["tanya", "nanya", "nanyain", "bertanya", "menanyakan", "ask", "asking"]
    /// Words that may come before the asking word.
    static let openers: Set<String> = [
        "permisi", "maaf", "punten", "halo", "hallo", "hai", "hi", "hello", "hey", "selamat", "pagi", "siang", "sore", "malam",
        "assalamualaikum", "salam", "min", "admin", "kak", "kakak", "gan", "sis", "bang", "pak", "bapak", "bu", "ibu", "mas", "mbak", "om",
        "saya", "aku", "sy", "gue", "gw", "kami", "mau", "ingin", "pengen", "pingin", "boleh", "bisa", "izin", "ijin", "numpang",
        "mohon", "apakah", "ya", "dong", "nih", "good", "morning", "afternoon", "evening", "dear", "sir", "madam", "excuse", "me",
        "sorry", "i", "would", "like", "to", "want", "wanna", "can", "could", "may", "just", "a", "quick", "id",
    ]
    /// Forms of address and particles around a pleasantry ("makasih ya kak", "thanks bro").
    static let addressWords: Set<String> = [
        "min", "admin", "kak", "kakak", "gan", "sis", "bang", "pak", "bu", "mas", "mbak", "om", "bro", "sob", "bos",
        "ya", "yah", "dong", "nih", "sih", "deh", "lho", "loh", "sir", "madam", "maam", "mate", "buddy",
    ]
    /// Words that may follow the asking word within the preamble.
    static let trailing: Set<String> = [
        "dong", "nih", "ya", "min", "admin", "kak", "kakak", "gan", "sis", "bang", "pak", "bu", "mas", "mbak", "sedikit", "dikit",
        "boleh", "kah", "sih", "something", "a", "question", "questions", "please", "you", "sir", "madam",
    ]
}
