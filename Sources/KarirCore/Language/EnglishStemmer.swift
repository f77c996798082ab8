/// A light English stemmer: plural and verb endings only (-s, -es, -ies, -ing, -ed, -er of
/// agents is left alone). Enough to match "requirements" with "requirement" and "applying" with
/// "apply" without the surprises of a full Porter stemmer on Indonesian words.
public enum EnglishStemmer {
    public static func stem(_ word: String) -> String {
        if let root = irregular[word] { return root }
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

    /// Irregular past forms of verbs job seekers use ("I paid an agent", "they kept my
    /// passport", "I fell from the scaffold"), read as their roots like "worked" → "work".
    /// Left out: forms that are other words too ("saw"; "found" as in founding; "made", also a
    /// Balinese name; "bit"; "broke", out of money), and "left", whose root "leave" is also the
    /// word for time off ("I left my job" is not about annual leave).
    static let irregular: [String: String] = [
        "paid": "pay", "kept": "keep", "took": "take", "taken": "take", "gave": "give", "given": "give", "sent": "send",
        "lost": "lose", "told": "tell", "said": "say", "went": "go", "gone": "go", "came": "come",
        "got": "get", "gotten": "get", "held": "hold", "knew": "know", "known": "know", "felt": "feel", "fell": "fall",
        "fallen": "fall", "met": "meet", "ran": "run", "wrote": "write", "written": "write", "spent": "spend",
        "brought": "bring", "bought": "buy", "sold": "sell", "stole": "steal", "stolen": "steal", "forgot": "forget",
        "forgotten": "forget", "understood": "understand", "chose": "choose", "chosen": "choose", "became": "become",
        "began": "begin", "begun": "begin", "taught": "teach", "caught": "catch", "thought": "think", "heard": "hear",
        "won": "win", "led": "lead", "built": "build", "drove": "drive",
        "driven": "drive", "rode": "ride", "flew": "fly", "grew": "grow", "grown": "grow", "wore": "wear",
        "hired": "hire", "lent": "lend", "meant": "mean", "slept": "sleep", "threw": "throw", "shook": "shake",
        "fought": "fight", "sought": "seek", "struck": "strike", "hung": "hang", "hid": "hide",
    ]

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
