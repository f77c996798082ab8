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
        asciiWords(text) ?? unicodeWords(text)
    }

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
