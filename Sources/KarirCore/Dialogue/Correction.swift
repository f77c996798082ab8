/// A message that corrects what Karir took the last one to mean: "bukan saldo JHT, maksudnya
/// saldo pelatihan Prakerja", "maksud sy bukan pelatihan, tp lowongan", "I mean the card, not
/// the training". The words it says it did *not* mean would otherwise pull it back to the answer
/// it is correcting, so they are left out before the message is ranked.
enum Correction {
    /// What a correction leaves out: the parts it negates, and the words that say what it means.
    struct LeftOut {
        var negated: [Token] = []
        var markers: [Token] = []
        var isEmpty: Bool { negated.isEmpty && markers.isEmpty }
        var all: [Token] { negated + markers }
    }

    /// The message's tokens without the parts it negates and the words that say what it means,
    /// and those left out (nothing when the message is not a correction).
    ///
    /// A message is a correction when it says what it means ("maksud …", "melainkan", "I mean",
    /// "I meant") or opens with "bukan" (after an interjection such as "eh" or "sorry"). In a
    /// correction, "bukan" or "not" and the words after it up to the next word that starts the
    /// meant part ("maksudnya", "melainkan", "tapi", "yang", "but", "I") or the end of the message
    /// are its negated part, when that part is one to ``longestNegated`` words long. A comma or
    /// a sentence end ends it too: `clauseStarts` are the places of the tokens that follow one
    /// ("bukan luar negeri, pabrik di karawang" negates "luar negeri" only; worked out only for a
    /// correction, ``clauseStarts(of:tokenCount:)``). Outside a
    /// correction, "bukan" and "not" are ordinary negations ("kalau bukan WNI bisa?") and stay,
    /// except before "luar negeri" or "abroad" (``negatedAbroad(_:)``).
    ///
    /// Outside those openings, a "bukan" before words naming the conversation's topic, or a "kok …
    /// terus" around them, rejects the topic all the same ("pelatihan kak bukan jkp. umur 45 msh
    /// bisa ikut blk ga?", "kok jkp terus sih. sy tanya BLK umur 45" in a JKP conversation, probe
    /// 27a u11): those words are left out (``rejectedTopic(_:clauseStarts:namesTopic:)``).
    /// Only when the words left read as a question of another topic (`readsElsewhere`): "bos
    /// bilang itu loyalitas, bukan lembur" in an overtime conversation says what the boss calls
    /// the overtime, and "bos bilang itu loyalitas" alone asks nothing.
    static func read(_ tokens: [Token], clauseStarts findClauseStarts: () -> Set<Int> = { [] },
                     namesTopic: (([Token]) -> Bool)? = nil,
                     readsElsewhere: ([Token]) -> Bool = { _ in false }) -> (kept: [Token], leftOut: LeftOut) {
        guard isCorrection(tokens) else {
            var out = negatedAbroad(tokens)
            // (`namesTopic` is nil outside a conversation's topic: nothing to reject, and the
            // clause boundaries are not worked out.)
            if let namesTopic, tokens.contains(where: { negators.contains($0.surface) || $0.surface == "kok" }) {
                let rejected = rejectedTopic(tokens, clauseStarts: findClauseStarts(), namesTopic: namesTopic)
                if !rejected.isEmpty, readsElsewhere(tokens.indices.filter { !rejected.contains($0) && !out.contains($0) }.map { tokens[$0] }) {
                    out.formUnion(rejected)
                }
            }
            guard !out.isEmpty, out.count < tokens.count else { return (tokens, LeftOut()) }
            return (tokens.indices.filter { !out.contains($0) }.map { tokens[$0] },
                    LeftOut(negated: out.sorted().map { tokens[$0] }))
        }
        let clauseStarts = findClauseStarts()
        var kept: [Token] = []
        var out = LeftOut()
        var i = 0
        while i < tokens.count {
            // The words that say what is meant carry no subject of their own.
            let marker = meaningWords(tokens, at: i)
            if marker > 0 {
                out.markers.append(contentsOf: tokens[i..<i + marker]); i += marker; continue
            }
            // ("I mean I don't want to live anymore": "not" after "do", "is", "can" … negates a
            // verb, not what the last answer took the message to mean.)
            if negates(tokens, at: i) {
                var end = i + 1
                // "bukan yang hari tua, maksudnya …": a "yang" right after the negator belongs
                // to the negated part, not to the meant one.
                if end < tokens.count, tokens[end].surface == "yang" { end += 1 }
                while end < tokens.count && !startsMeantPart(tokens, at: end) && !clauseStarts.contains(end) { end += 1 }
                let length = end - i - 1
                if length >= 1 && length <= longestNegated {
                    out.negated.append(contentsOf: tokens[i..<end])
                    i = end
                    // "bukan kurang, tapi ga dibayar": the "tapi" opening what is meant says
                    // nothing of it (and would pull the message toward examples that hold it).
                    if i < tokens.count, contrastWords.contains(tokens[i].surface) {
                        out.markers.append(tokens[i]); i += 1
                    }
                    continue
                }
            }
            kept.append(tokens[i])
            i += 1
        }
        // A message that is nothing but what it did not mean keeps its words, and so does one
        // that asks what the last answer meant ("maksudnya gimana?", "maksudnya apa?").
        guard kept.contains(where: { !interjections.contains($0.surface) && !askingWords.contains($0.surface) }) else {
            return (tokens, LeftOut())
        }
        return (kept, out)
    }

    /// Whether the message says what it means, opens with "bukan", or sets what it is not against
    /// what it is ("gajinya bukan kurang, tapi ga dibayar sama sekali": "bukan" and a contrasting
    /// "tapi" at most ``longestNegated`` words later).
    static func isCorrection(_ tokens: [Token]) -> Bool {
        if tokens.indices.contains(where: { meaningWords(tokens, at: $0) > 0 }) { return true }
        let contrasted = tokens.indices.contains { k in
            let end = min(tokens.count, k + 2 + longestNegated)
            return negates(tokens, at: k) && k + 2 < end && tokens[(k + 2)..<end].contains { contrastWords.contains($0.surface) }
        }
        if contrasted { return true }
        // ("oh jadi bukan bpjs kesehatan ya, terus klaimnya lewat mana": "so it is not …".)
        let first = tokens.first { !interjections.contains($0.surface) && $0.surface != "jadi" }
        // ("ok forget prakerja. where do I make the AK1?": "forget X" sets X aside too, probe 26b u12.)
        return first?.surface == "bukan" || first?.surface == "forget"
    }

    /// Where in a message's tokens the clauses after its first ones start: for each comma,
    /// semicolon or sentence end in `text` (at most ``clauseMarks`` of them), how many tokens the
    /// text before it has (`tokenCount` analyses a text; only called for a correction).
    static func clauseStarts(of text: String, tokenCount: (String) -> Int) -> Set<Int> {
        var starts: Set<Int> = []
        var index = text.startIndex
        while starts.count < clauseMarks, let mark = text[index...].firstIndex(where: { ",;.!?".contains($0) }) {
            let before = tokenCount(String(text[..<mark]))
            if before > 0 { starts.insert(before) }
            index = text.index(after: mark)
        }
        return starts
    }

    /// The most punctuation marks looked at for ``clauseStarts(of:tokenCount:)``.
    static let clauseMarks = 3

    /// How many words at `k` say what is meant: 1 for "maksud …" or "melainkan", 2 for "I mean" or
    /// "I meant", else 0.
    static func meaningWords(_ tokens: [Token], at k: Int) -> Int {
        if markers.contains(tokens[k].stem) || markers.contains(tokens[k].surface) { return 1 }
        return tokens[k].surface == "i" && k + 1 < tokens.count && tokens[k + 1].stem == "mean" ? 2 : 0
    }

    /// Where the meant part starts after a negated one.
    static func startsMeantPart(_ tokens: [Token], at k: Int) -> Bool {
        meaningWords(tokens, at: k) > 0 || segmentEnds.contains(tokens[k].surface)
    }

    /// A negated part longer than this is not a short "not X": it stays.
    static let longestNegated = 5
    static let negators: Set<String> = ["bukan", "not", "forget"]
    /// Roots that say what the message means.
    static let markers: Set<String> = ["maksud", "melainkan"]
    /// Where a message says its matter is not abroad: "bukan (di|ke) luar negeri", "not abroad",
    /// "not overseas" (the places of those words). Working abroad is a topic of its own, and the
    /// words naming it would otherwise pull a message that denies it there ("sy di jakarta bukan
    /// di luar negeri. gaji sy 3 bulan gak dibayar", probe 26a u39).
    static func negatedAbroad(_ tokens: [Token]) -> Set<Int> {
        var out: Set<Int> = []
        // (Any "not": "I am not abroad" denies it as much as "Jakarta, not abroad".)
        for k in tokens.indices where negators.contains(tokens[k].surface) {
            var j = k + 1
            if j < tokens.count, ["di", "ke", "dari", "in", "to", "from"].contains(tokens[j].surface) { j += 1 }
            if j + 1 < tokens.count, tokens[j].surface == "luar", tokens[j + 1].surface == "negeri" {
                out.formUnion(k...(j + 1))
            } else if j < tokens.count, ["abroad", "overseas"].contains(tokens[j].surface) {
                out.formUnion(k...j)
            }
        }
        return out
    }

    /// The places of a "bukan X" (up to the next clause or meant part) or a "kok X terus" whose X
    /// `namesTopic` says names the conversation's topic, with the words around X.
    static func rejectedTopic(_ tokens: [Token], clauseStarts: Set<Int>, namesTopic: ([Token]) -> Bool) -> Set<Int> {
        var out: Set<Int> = []
        for k in tokens.indices {
            if negates(tokens, at: k) {
                var end = k + 1
                while end < tokens.count && !startsMeantPart(tokens, at: end) && !clauseStarts.contains(end) { end += 1 }
                if (1...longestNegated).contains(end - k - 1), namesTopic(Array(tokens[(k + 1)..<end])) { out.formUnion(k..<end) }
            } else if tokens[k].surface == "kok",
                      let close = tokens.indices.dropFirst(k + 2).prefix(longestNegated).first(where: { againWords.contains(tokens[$0].surface) }),
                      namesTopic(Array(tokens[(k + 1)..<close])) {
                out.formUnion(k...close)
            }
        }
        return out
    }

    /// Words complaining that an answer comes again ("kok jkp terus", "kok jkp lagi").
    static let againWords: Set<String> = ["terus", "trus", "mulu", "melulu", "lagi"]

    /// Whether the word at `k` is "bukan" or "not" negating what is meant, not a verb ("do not").
    static func negates(_ tokens: [Token], at k: Int) -> Bool {
        negators.contains(tokens[k].surface) && !(k > 0 && auxiliaries.contains(tokens[k - 1].surface))
    }

    /// English words after which "not" negates a verb ("do not", "is not", "can not").
    static let auxiliaries: Set<String> = ["do", "does", "did", "is", "am", "are", "was", "were", "can", "could", "will", "would",
                                           "should", "shall", "must", "may", "might", "have", "has", "had"]
    /// Words contrasting what is meant with what was negated ("bukan X tapi Y").
    static let contrastWords: Set<String> = ["tapi", "tetapi", "namun", "but", "rather", "instead", "melainkan"]
    static let segmentEnds: Set<String> = ["tapi", "tetapi", "namun", "yang", "but", "rather", "instead", "terus", "trus", "then"]
    /// Words that ask rather than say what is meant.
    static let askingWords: Set<String> = ["apa", "bagaimana", "gimana", "kenapa", "mengapa", "mana", "saya", "aku", "sy", "kamu",
                                           "what", "how", "why", "you", "do", "does", "is", "it", "that", "itu", "ini", "sih", "dong"]
    /// Words that point at the last answer as a whole ("bukan itu", "not that one").
    static let pointingWords: Set<String> = ["itu", "ini", "gitu", "begitu", "yang", "yg", "tadi", "that", "this", "it", "one", "the"]
    static let interjections: Set<String> = ["eh", "oh", "loh", "lho", "sorry", "maaf", "no", "nope", "tidak", "ya", "ah", "wah", "ok", "oke", "okay"]
}
