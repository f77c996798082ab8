/// A light English stemmer: plural and verb endings only (-s, -es, -ies, -ing, -ed, -er of
/// agents is left alone). Enough to match "requirements" with "requirement" and "applying" with
/// "apply" without the surprises of a full Porter stemmer on Indonesian words.
public enum EnglishStemmer {
    public static func stem(_ word: String) -> String {
        let n = word.count
        guard n > 3, !keep.contains(word), word.allSatisfy({ $0.isASCII && $0.isLetter }) else { return word }
        if word.hasSuffix("ies"), n > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") { return String(word.dropLast(2)) }
        if word.hasSuffix("ing"), n >= 6 { return undouble(String(word.dropLast(3))) }
        if word.hasSuffix("ed"), n >= 5, !word.hasSuffix("eed") { return undouble(String(word.dropLast(2))) }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is"), !word.hasSuffix("as") {
            if word.hasSuffix("shes") || word.hasSuffix("ches") || word.hasSuffix("xes") { return String(word.dropLast(2)) }
            return String(word.dropLast())
        }
        return word
    }

    /// Function words that end like inflections but are not.
    static let keep: Set<String> = ["does", "this", "was", "has", "his", "yes", "bus", "gas", "news", "less", "always", "perhaps", "thus", "during", "nothing", "something", "anything", "everything", "morning", "evening", "ceiling", "wedding", "need", "feed", "seed", "bed", "red", "hundred"]

    private static func undouble(_ w: String) -> String {
        let chars = Array(w)
        if chars.count >= 3, chars[chars.count - 1] == chars[chars.count - 2],
           !["l", "s", "z"].contains(chars[chars.count - 1]) {
            return String(chars.dropLast())
        }
        return w
    }
}
