import Foundation

/// How alike two questions are, for grouping a transcript's unanswered questions.
///
/// Questions are normalized (lower case, accents folded, punctuation removed) and compared by the
/// Dice coefficient of their character trigrams, which tolerates typos, word order and small
/// additions ("cara daftar prakerja" ≈ "daftar prakerja caranya gimana").
enum QuestionSimilarity {
    /// Lower case, accents folded, runs of anything but letters and digits turned into one space.
    static func normalize(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var out = ""
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingSpace, !out.isEmpty { out += " " }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// The set of character trigrams of a normalized question, padded with spaces at both ends.
    static func trigrams(_ normalized: String) -> Set<UInt64> {
        let scalars = Array((" " + normalized + " ").unicodeScalars)
        guard scalars.count >= 3 else { return [UInt64(scalars.first?.value ?? 0)] }
        var out = Set<UInt64>()
        for i in 0...(scalars.count - 3) {
            out.insert(UInt64(scalars[i].value) << 42 | UInt64(scalars[i + 1].value) << 21 | UInt64(scalars[i + 2].value))
        }
        return out
    }
}
