/// The number of an offered choice as people type it: "2", but also "yang kedua", "nomor 2",
/// "pilihan ke-2", "dua aja", "the second one", "option 3". A probe user who typed "yang kedua"
/// after a numbered list got an unrelated answer: only a bare digit picked a choice.
enum ChoiceNumber {
    /// The choice number the message names, when it names one and says nothing else (words that
    /// frame a pick, "yang", "nomor", "aja", "please", are allowed around it).
    static func read(_ tokens: [Token]) -> Int? {
        guard !tokens.isEmpty, tokens.count <= longestMessage else { return nil }
        let left = tokens.filter { !framingWords.contains($0.surface) }
        guard left.count == 1 else { return nil }
        let word = left[0].surface
        if let n = Int(word) { return n }
        return numberWords[word]
    }

    /// A message longer than this says more than which choice it takes.
    static let longestMessage = 5

    /// Number words, ordinals and their short forms, both languages.
    static let numberWords: [String: Int] = [
        "satu": 1, "pertama": 1, "kesatu": 1, "first": 1, "1st": 1,
        "dua": 2, "kedua": 2, "second": 2, "2nd": 2,
        "tiga": 3, "ketiga": 3, "third": 3, "3rd": 3,
        "empat": 4, "keempat": 4, "fourth": 4, "4th": 4,
        "lima": 5, "kelima": 5, "fifth": 5, "5th": 5,
    ]

    /// Words around a choice's number that add nothing to it.
    static let framingWords: Set<String> = [
        "yang", "yg", "nomor", "nomer", "no", "nmr", "pilihan", "opsi", "pilih", "ke", "saja", "aja", "deh", "dong", "kak", "min", "ya", "iya",
        "mau", "saya", "aku", "itu", "the", "one", "number", "option", "choice", "please", "pls", "i", "choose", "pick",
        "want", "ok", "oke",
    ]
}
