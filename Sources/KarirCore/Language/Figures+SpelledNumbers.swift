/// Numbers written in words, as voice typing and careful writers give them: "dua juta tiga
/// ratus", "tiga jam", "delapan bulan", "two million five hundred thousand".
extension Figures {
    /// Words that are a number or part of one, with what they do.
    enum NumberPart {
        /// A value added as it is ("dua", "sepuluh", "sebelas", "seratus").
        case value(Double)
        /// "belas": ten more than the units before it ("tiga belas" = 13).
        case teen
        /// "puluh", "tens": the units before it times ten ("dua puluh" = 20).
        case tens
        /// "ratus", "hundred": the number before it (or one) times a hundred.
        case hundred
        /// "setengah", "half": one half more ("dua setengah juta" = 2.5 million).
        case half
    }

    static let numberParts: [String: NumberPart] = [
        "satu": .value(1), "dua": .value(2), "tiga": .value(3), "empat": .value(4), "lima": .value(5), "enam": .value(6),
        "tujuh": .value(7), "delapan": .value(8), "sembilan": .value(9), "sepuluh": .value(10), "sebelas": .value(11),
        "seratus": .value(100), "belas": .teen, "puluh": .tens, "ratus": .hundred, "setengah": .half,
        "one": .value(1), "two": .value(2), "three": .value(3), "four": .value(4), "five": .value(5), "six": .value(6),
        "seven": .value(7), "eight": .value(8), "nine": .value(9), "ten": .value(10), "eleven": .value(11), "twelve": .value(12),
        "twenty": .value(20), "thirty": .value(30), "forty": .value(40), "fifty": .value(50), "hundred": .hundred, "half": .half,
    ]

    /// Whether a word can be part of a number written in words.
    static func isNumberWord(_ word: String) -> Bool { numberParts[word] != nil }

    /// `words` with each run of number words made one number ("dua", "puluh", "lima" → 25). A
    /// run that does not read as a number ("puluh" alone, "ratus ratus") is left as words, and
    /// so is "one" before a word that is not a unit or scale ("one question").
    static func withSpelledNumbers(_ words: [Word]) -> [Word] {
        guard words.contains(where: { $0.number == nil && numberParts[$0.text] != nil }) else { return words }
        var out: [Word] = []
        out.reserveCapacity(words.count)
        var k = 0
        while k < words.count {
            guard words[k].number == nil, numberParts[words[k].text] != nil else { out.append(words[k]); k += 1; continue }
            var end = k
            while end < words.count, words[end].number == nil, numberParts[words[end].text] != nil { end += 1 }
            let run = words[k..<end].map(\.text)
            let next = end < words.count ? words[end].text : ""
            let counts = scales[next] != nil || hourWords.contains(next) || monthWords.contains(next) || yearWords.contains(next)
                || dayWords.contains(next) || run.count > 1
            if counts, let value = spelledValue(run) {
                out.append(Word(text: run.joined(separator: " "), number: (value, false)))
            } else {
                out.append(contentsOf: words[k..<end])
            }
            k = end
        }
        return out
    }

    /// The value of a run of number words, or nil when it does not read as one number.
    static func spelledValue(_ run: [String]) -> Double? {
        var total = 0.0, current = 0.0, any = false
        for word in run {
            guard let part = numberParts[word] else { return nil }
            switch part {
            case .value(let v) where v >= 100:
                // "seratus" starts a new hundred.
                total += current + v
                current = 0
                any = true
            case .value(let v):
                // "dua tiga": two numbers, not one ("dua puluh tiga" is one).
                if v < 10 && current.truncatingRemainder(dividingBy: 10) != 0 { return nil }
                current += v
                any = true
            case .teen:
                guard current >= 1, current <= 9 else { return nil }
                current += 10
            case .tens:
                guard current >= 1, current <= 9 else { return nil }
                current *= 10
            case .hundred:
                total += max(current, 1) * 100
                current = 0
                any = true
            case .half:
                guard any else { return nil }
                current += 0.5
            }
        }
        return any ? total + current : nil
    }
}
