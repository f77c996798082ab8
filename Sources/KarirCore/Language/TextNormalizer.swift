import Foundation

/// Turns raw user text into lower-case words: Unicode folding, punctuation, elongated letters
/// and reduplication. Stateless; the lexicon and spelling correction come later.
public enum TextNormalizer {
    /// Messages longer than this (in Unicode scalars) are cut before matching; nobody asks a
    /// question in 100 KB, and the cap keeps the cost of a reply bounded.
    public static let maxScalars = 2000

    /// Lower-cased words of `text`, with diacritics folded and everything that is not a letter or
    /// digit treated as a separator. `ak/1` becomes `ak 1`, `kerja2` and `kerja-kerja` become `kerja`.
    public static func words(_ text: String) -> [String] {
        let text = expandingContractions(rewritingAddresses(text))
        return asciiWords(text) ?? unicodeWords(text)
    }

    /// E-mail and web addresses, common in forwarded job ads, read as what they are: "kirim CV ke
    /// hrd.majujaya@gmail.com" → "kirim CV ke email gmail", "https://karirhub.kemnaker.go.id/lowongan"
    /// → "link karirhub kemnaker". Otherwise their pieces are words ("com" was "corrected" to
    /// "come", "go" and "id" read as English and Indonesian words) and a made-up name counts
    /// against the match. The provider stays: a free mail address is a scam sign.
    static func rewritingAddresses(_ text: String) -> String {
        // One pass over the bytes: an "@", a "/", or a full stop followed by a letter.
        var previous: UInt8 = 0
        var may = false
        for byte in text.utf8 {
            if byte == 0x40 || byte == 0x2F || (previous == 0x2E && ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)) {
                may = true
                break
            }
            previous = byte
        }
        guard may else { return text }
        // Only what the later steps read (``maxScalars``): a 100 KB line is not rewritten whole.
        let text = text.utf8.count > maxScalars ? String(text.unicodeScalars.prefix(maxScalars + 16)) : text
        var changed = false
        let chunks = text.split(separator: " ", omittingEmptySubsequences: false).map { chunk -> Substring in
            guard let rewritten = address(chunk) else { return chunk }
            changed = true
            return Substring(rewritten)
        }
        return changed ? chunks.joined(separator: " ") : text
    }

    /// Top-level and second-level labels that say nothing about whose address it is.
    private static let addressLabels: Set<String> = ["com", "id", "go", "co", "ac", "or", "net", "org", "www", "sch", "my", "web", "info", "biz"]
    private static let topLevel: Set<String> = ["com", "id", "net", "org", "info", "biz", "co", "io"]

    /// "email <provider>" or "link <names>" for one whitespace-free chunk, nil when it is neither.
    static func address(_ chunk: Substring) -> String? {
        var c = chunk.lowercased()[...]
        while let last = c.last, ",.;:!?)\"'".contains(last) { c = c.dropLast() }
        while let first = c.first, "(\"'".contains(first) { c = c.dropFirst() }
        func names(_ host: Substring) -> [Substring] {
            host.split(separator: ".").filter { !addressLabels.contains(String($0)) && !$0.isEmpty }
        }
        if let at = c.firstIndex(of: "@"), at != c.startIndex {
            let host = c[c.index(after: at)...]
            guard host.contains("."), let provider = names(host).first else { return nil }
            return "email " + provider
        }
        var host = c
        var isLink = false
        for scheme in ["https://", "http://"] where host.hasPrefix(scheme) {
            host = host.dropFirst(scheme.count)
            isLink = true
        }
        if host.hasPrefix("www.") { isLink = true }
        host = host.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let labels = host.split(separator: ".")
        if !isLink {
            // A bare domain: letters, digits and hyphens in two or more labels ending in a
            // top-level label ("kemnaker.go.id", "lokerku.com"), not "Rp3.500.000" or "dll.".
            guard labels.count >= 2, let tld = labels.last, topLevel.contains(String(tld)),
                  host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }),
                  labels.dropLast().contains(where: { $0.contains(where: \.isLetter) }) else { return nil }
        }
        let kept = names(host)
        return kept.isEmpty ? "link" : "link " + kept.joined(separator: " ")
    }

    /// English contractions whose apostrophe cannot simply be dropped: "he'll" is not "hell",
    /// "I'll" not "ill", "we're" not "were", "I'd" not "id". They become two words; "'s" is "is"
    /// after "it", "what", "that" … and is otherwise a possessive, dropped ("company's"). Other apostrophes ("don't" → "dont", which the
    /// lexicon knows; "jum'at" → "jumat") are left to the tokeniser, which joins the word.
    static func expandingContractions(_ text: String) -> String {
        // One pass over the bytes: an ASCII apostrophe, or the lead byte of U+2019 (0xE2, shared
        // with other punctuation, which then finds nothing to expand).
        guard text.utf8.contains(where: { $0 == 0x27 || $0 == 0xE2 }) else { return text }
        return asciiExpandingContractions(text) ?? scalarExpandingContractions(text)
    }

    /// The general path of ``expandingContractions(_:)``, over Unicode scalars.
    static func scalarExpandingContractions(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars.prefix(maxScalars + 16))
        var out = String.UnicodeScalarView()
        var i = 0
        func isLetter(_ k: Int) -> Bool { k >= 0 && k < scalars.count && scalars[k].properties.isAlphabetic }
        while i < scalars.count {
            let c = scalars[i]
            if (c == "'" || c == "\u{2019}") && isLetter(i - 1) {
                var end = i + 1
                while isLetter(end) { end += 1 }
                let tail = String(String.UnicodeScalarView(scalars[(i + 1)..<end])).lowercased()
                if tail == "s" {
                    // "what's" → "what is" (as the lexicon reads "whats"); "company's" → "company".
                    var start = i
                    while isLetter(start - 1) { start -= 1 }
                    let word = String(String.UnicodeScalarView(scalars[start..<i])).lowercased()
                    if Self.isBeforeIs.contains(word) { out.append(contentsOf: " is".unicodeScalars) }
                    i = end
                    continue
                }
                if let expansion = Self.contractions[tail] {
                    out.append(contentsOf: expansion.unicodeScalars)
                    i = end
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }

    /// The same as ``expandingContractions(_:)`` for plain ASCII text, on bytes; nil as soon as
    /// a non-ASCII byte appears.
    static func asciiExpandingContractions(_ text: String) -> String? {
        let bytes = Array(text.utf8.prefix(maxScalars + 16))
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        func isLetter(_ k: Int) -> Bool {
            k >= 0 && k < bytes.count && ((bytes[k] >= 0x61 && bytes[k] <= 0x7A) || (bytes[k] >= 0x41 && bytes[k] <= 0x5A))
        }
        func lowered(_ range: Range<Int>) -> String {
            String(decoding: bytes[range].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x27 && isLetter(i - 1) {
                var end = i + 1
                while isLetter(end) { end += 1 }
                let tail = lowered((i + 1)..<end)
                if tail == "s" {
                    var start = i
                    while isLetter(start - 1) { start -= 1 }
                    if isBeforeIs.contains(lowered(start..<i)) { out.append(contentsOf: " is".utf8) }
                    i = end
                    continue
                }
                if let expansion = contractions[tail] {
                    out.append(contentsOf: expansion.utf8)
                    i = end
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let contractions: [String: String] = ["ll": " will", "re": " are", "ve": " have", "d": " would", "m": " am"]
    /// Words whose "'s" is "is" rather than a possessive.
    private static let isBeforeIs: Set<String> = ["it", "that", "what", "who", "where", "when", "how", "why", "there", "here", "he", "she", "this"]

    /// Where a word that joins an amount and its unit splits: after "rp" before a digit
    /// ("rp2" → "rp", "2"), or after the digits before a unit ("5jt" → "5", "jt"). Nil for any
    /// other word (letters and digits mixed otherwise, such as "ak1", stay whole).
    static func amountSplit(_ w: [UInt8]) -> Int? {
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        if w.count > 2, w[0] == 0x72, w[1] == 0x70, isDigit(w[2]) { return 2 }
        guard let first = w.first, isDigit(first), let letters = w.firstIndex(where: { !isDigit($0) }) else { return nil }
        return amountUnits.contains(String(decoding: w[letters...], as: UTF8.self)) ? letters : nil
    }

    /// Units written right after a number: words, or abbreviations the shipped lexicon expands
    /// ("3x" stays whole: a lone "x" would be an unknown word).
    static let amountUnits: Set<String> = ["jt", "juta", "rb", "ribu", "thn", "tahun", "bln", "bulan", "hari", "jam", "kali", "mgg", "minggu"]

    /// The general path of ``words(_:)``, for any text.
    static func unicodeWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var lastWasHyphenJoin = false
        var count = 0

        func flush() {
            guard !current.isEmpty else { return }
            var word = String(current)
            current = String.UnicodeScalarView()
            word = foldDiacritics(word)
            // An amount and its unit are two words ("rp2", "5jt"), as on the ASCII path.
            let bytes = Array(word.utf8)
            if let cut = amountSplit(bytes), bytes.count == word.unicodeScalars.count {
                words.append(String(decoding: bytes[..<cut], as: UTF8.self))
                word = String(decoding: bytes[cut...], as: UTF8.self)
            }
            // "kerja2" → "kerja" (common reduplication shorthand).
            if word.count > 2, word.hasSuffix("2"), word.dropLast().allSatisfy({ $0.isLetter }) {
                word.removeLast()
            }
            word = collapseElongation(word)
            if lastWasHyphenJoin, let previous = words.last, previous == word {
                // "kerja-kerja" → "kerja"
            } else {
                words.append(word)
            }
            lastWasHyphenJoin = false
        }

        for scalar in text.unicodeScalars {
            count += 1
            if count > maxScalars { break }
            let v = scalar.value
            if v < 0x80 {
                // ASCII fast path: most messages are plain ASCII.
                if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                    current.append(scalar); continue
                }
                if v >= 0x41 && v <= 0x5A, let lower = Unicode.Scalar(v + 32) {
                    current.append(lower); continue
                }
            }
            let props = scalar.properties
            if v >= 0x80 && (props.isAlphabetic || props.numericType != nil) {
                for lower in props.lowercaseMapping.unicodeScalars { current.append(lower) }
            } else if scalar == "-" && !current.isEmpty {
                flush()
                lastWasHyphenJoin = true
            } else if scalar == "'" || scalar == "\u{2019}" {
                // "don't" → "dont", "jum'at" → "jumat"
                continue
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// Folds accents and compatibility forms: "café" → "cafe", full-width letters → ASCII.
    static func foldDiacritics(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word }
        return word.folding(options: [.diacriticInsensitive, .widthInsensitive, .caseInsensitive], locale: nil)
    }

    /// Shortens runs of three or more equal letters to two ("tolonggg" → "tolongg"); the
    /// spelling layer later reduces "tolongg" to a known word. Digits are left alone.
    static func collapseElongation(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        var run = 0
        var changed = false
        for scalar in word.unicodeScalars {
            if scalar == previous, scalar.properties.isAlphabetic {
                run += 1
                if run >= 3 { changed = true; continue }
            } else {
                run = 1
                previous = scalar
            }
            out.append(scalar)
        }
        return changed ? String(out) : word
    }

    /// Variants of a word with doubled letters reduced, for elongated words: "tolongg" → ["tolong"],
    /// "maaf" stays a candidate as it is. Used by the spelling layer, in order of preference.
    static func dedoubled(_ word: String) -> String? {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        var changed = false
        for scalar in word.unicodeScalars {
            if scalar == previous, scalar.properties.isAlphabetic { changed = true; continue }
            out.append(scalar)
            previous = scalar
        }
        return changed ? String(out) : nil
    }
}
