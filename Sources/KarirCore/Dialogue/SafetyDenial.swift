extension Turn {
    /// Words that deny what follows them ("aku **gak** mau bunuh diri", "I do **not** want to
    /// hurt myself"), after normalisation (ga, nggak, enggak → tidak; don't → do not).
    static let denyingWords: Set<String> = ["tidak", "bukan", "not", "never", "no"]
    /// How far before a danger word a denying word still denies it ("tidak mau bunuh diri",
    /// "do not want to kill myself").
    static let denialReach = 3

    /// The message without the danger it denies, when it denies the danger a safety pattern
    /// matched: the first of the pattern's own words found in the message has a denying word
    /// at most ``denialReach`` words before it ("aku ga mau nyakitin diri kok, cuma capek aja.
    /// gimana biar cepet dapet kerja" → "aku kok cuma capek aja gimana biar cepet dapet
    /// kerja"). Nil when it does not deny it. A pattern whose own words include the negation
    /// ("ga mau hidup lagi", if written with "ga") is not denied by it: the negation is then
    /// the first of its words found.
    func withoutDeniedDanger(ofPattern pattern: String) -> Analysis? {
        let written = pattern.lowercased().split { !$0.isLetter && $0 != "*" }.map(String.init)
        let words = Set(written.filter { !$0.contains("*") })
        // A word of the pattern ending in "*" matches what starts with it ("suicid*": "I'm not
        // suicidal lol", probe 26b u08).
        let prefixes = written.filter { $0.count > 1 && $0.hasSuffix("*") }.map { String($0.dropLast()) }
        let tokens = analysis.tokens
        func isDangerWord(_ t: Token) -> Bool {
            words.contains(t.surface) || words.contains(t.stem) || prefixes.contains { t.surface.hasPrefix($0) }
        }
        guard let at = tokens.firstIndex(where: isDangerWord),
              let denial = tokens[max(0, at - Self.denialReach)..<at].lastIndex(where: { Self.denyingWords.contains($0.surface) })
        else { return nil }
        var rest = Array(tokens[..<denial])
        rest += tokens[at...].filter { !isDangerWord($0) }
        return reading(of: rest)
    }
}
