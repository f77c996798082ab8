/// Words typed without spaces ("sayamautanyacarabikinkartukuningonline"), as people do on a
/// small keyboard or when the space key sticks: cut into known words. Cuts into many short words
/// are chance ("formation" is no "for mati on"): of the evaluation sets' 583 words of nine
/// letters or more, an average of three letters let through three such cuts ("eksklusif",
/// "formation", "imsakiyah"); the limits below let through only three harmless cuts into two
/// words ("break fast", "passion ate", "regular ly"), and "carabikincv" still becomes "cara
/// bikin cv".
extension TextAnalyzer {
    /// The fewest known words (vocabulary or lexicon, two letters or more) that spell `word`
    /// exactly, longer words preferred among equally few; nil when the word is shorter than
    /// ``segmentedLength`` letters, longer than ``longestSegmented``, not plain letters, or cannot be
    /// cut into at least two known words that average three and a half letters or more, at most
    /// one in four of them (at least one) of two letters.
    func segment(_ word: String) -> [String]? {
        let letters = Array(word.utf8)
        guard letters.count >= Self.segmentedLength, letters.count <= Self.longestSegmented,
              letters.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        let n = letters.count
        // best[i]: the fewest words spelling the first i letters, and the sum of their squared
        // lengths (higher: longer words), with where the last word starts.
        var best = [(words: Int, squares: Int, from: Int)](repeating: (Int.max, 0, -1), count: n + 1)
        best[0] = (0, 0, 0)
        for end in 2...n {
            for start in max(0, end - Self.longestPart)...(end - 2) where best[start].words != Int.max {
                let part = String(decoding: letters[start..<end], as: UTF8.self)
                guard vocabulary.contains(part) || lexicon[part] != nil else { continue }
                let candidate = (words: best[start].words + 1, squares: best[start].squares + (end - start) * (end - start), from: start)
                if candidate.words < best[end].words || (candidate.words == best[end].words && candidate.squares > best[end].squares) {
                    best[end] = candidate
                }
            }
        }
        guard best[n].words != Int.max, best[n].words >= 2, 2 * n >= 7 * best[n].words else { return nil }
        var parts: [String] = []
        var end = n
        while end > 0 {
            let start = best[end].from
            parts.append(String(decoding: letters[start..<end], as: UTF8.self))
            end = start
        }
        guard parts.count(where: { $0.utf8.count == 2 }) <= max(1, parts.count / 4) else { return nil }
        return parts.reversed()
    }

    /// The fewest letters of an unknown word that is tried as words typed without spaces.
    static let segmentedLength = 9
    /// The most letters tried (the cost grows with the length).
    static let longestSegmented = 80
    /// The longest known word looked for inside one.
    static let longestPart = 20
}
