/// A dictionary-guided Indonesian stemmer in the confix-stripping family (Nazief–Adriani and its
/// enhanced variants): particles, possessives, derivational suffixes, then up to three prefixes
/// with the nasal recoding rules of me(N)-/pe(N)-.
///
/// A stripping step is accepted only when the remainder is a known word (the project's own
/// root list plus every word of the knowledge base). Unknown words are returned as they are:
/// for matching, a word left alone is safer than an over-stripped one, and the spelling and
/// character layers catch the rest. No third-party root list is shipped (see
/// `shared/notes/indonesian-stemming.md`).
public struct IndonesianStemmer: Sendable {
    /// Words a stripping step may end on.
    public let dictionary: Set<String>
    /// Words that only look affixed and must never be stripped (berapa, masalah, sekolah …).
    public let exceptions: Set<String>
    /// Known words that no Indonesian word is stripped to: the knowledge's English-only words
    /// ("car", "son", "past", "cat"), so that "mencari" is "cari", not "men-" + "car", and
    /// "pecat" is not "pe-" + "cat".
    public let foreign: Set<String>

    public init(dictionary: Set<String>, exceptions: Set<String> = IndonesianStemmer.builtInExceptions,
                foreign: Set<String> = []) {
        self.dictionary = dictionary.union(IndonesianStemmer.builtInRoots)
        self.exceptions = exceptions
        self.foreign = foreign.subtracting(IndonesianStemmer.builtInRoots)
    }

    /// The root of `word`, or `word` itself when no accepted stripping exists.
    public func stem(_ word: String) -> String {
        guard word.utf8.count > 3, !exceptions.contains(word) else { return word }
        // Plain ASCII words (nearly all, after normalisation) are worked on as bytes; any other
        // word as characters, by the same rules.
        if let bytes = UInt8.letters(of: word) { return stem(word, bytes) }
        guard word.count > 3, let characters = Character.letters(of: word) else { return word }
        return stem(word, characters)
    }

    private func stem<U: StemUnit>(_ word: String, _ base: [U]) -> String {
        var bestRoot: [U]?

        // Inflectional layers: particle, then possessive. Each may or may not be present.
        var inflected: [[U]] = [base]
        if let p = Self.stripSuffix(base, oneOf: ["lah", "kah", "tah", "pun"]) { inflected.append(p) }
        for form in inflected {
            if let q = Self.stripSuffix(form, oneOf: ["nya", "ku", "mu"]) { inflected.append(q) }
        }

        // The plainest form first: "kapankah" is "kapan", not a prefix game on "kapankah"; and a
        // listed root or a word that only looks affixed stays whole ("carinya" is "cari", not "car").
        for form in inflected.dropFirst() {
            let s = U.string(form)
            if exceptions.contains(s) { return s }      // "pesertanya" is "peserta"
            guard isKnown(form) else { continue }
            if Self.builtInRoots.contains(s) || derivational(form) == nil { return s }
        }
        // Derivations of the plainest form first: "pelatihannya" is "pelatihan" + -nya → "latih",
        // even when a knowledge text made "latihannya" a known word.
        for form in inflected.reversed() {
            if let root = derivational(form) { bestRoot = root; break }
        }
        if let bestRoot { return U.string(bestRoot) }
        // Only inflection stripped: accept when the remainder is known ("gajinya" → "gaji").
        for form in inflected.dropFirst() where isKnown(form) { return U.string(form) }
        return word
    }

    /// Tries derivational suffixes (none, -kan, -an, -i) with prefix chains. Preference: a
    /// confix (prefix and suffix) over a prefix alone over a suffix alone; along a prefix chain
    /// the first known word wins (so "dipecat" stops at "pecat" and does not go on to "cat").
    private func derivational<U: StemUnit>(_ word: [U]) -> [U]? {
        var confix: [U]?, prefixOnly: [U]?, suffixOnly: [U]?, confixSuffix = ""
        for suffix in ["", "kan", "an", "i", "in"] {
            let form: [U]
            if suffix.isEmpty { form = word } else {
                guard let w = Self.stripSuffix(word, oneOf: [suffix]) else { continue }
                form = w
            }
            let root = firstKnownPrefixRoot(form, suffix: suffix)
            if suffix.isEmpty {
                prefixOnly = root
            } else {
                if let root, confix == nil || root.count < (confix?.count ?? .max) { confix = root; confixSuffix = suffix }
                // A suffix alone leaves a root of four letters or more: "bagi", "kaki", "topi"
                // and "gigi" are words, not "bag", "kak", "top" and "gig" with -i.
                if suffixOnly == nil, form.count >= 4, isKnown(form) { suffixOnly = form }
            }
        }
        // The colloquial -in gives way to a listed root read with the prefix alone ("dijamin"
        // is di- + jamin, guaranteed, not di- + jam + -in; "dicairin" is still cair).
        if confixSuffix == "in", let prefixOnly, Self.builtInRoots.contains(U.string(prefixOnly)) { return prefixOnly }
        return confix ?? prefixOnly ?? suffixOnly
    }

    /// Breadth-first over up to three prefixes: the first known remainder, nil if none.
    private func firstKnownPrefixRoot<U: StemUnit>(_ word: [U], suffix: String) -> [U]? {
        var level: [[U]] = [word]
        for depth in 0..<3 {
            var next: [[U]] = []
            for w in level where w.count > 3 {
                for option in prefixOptions(w, suffix: suffix, outermost: depth == 0) {
                    if isKnown(option) { return option }
                    next.append(option)
                }
            }
            if next.isEmpty { return nil }
            level = next
        }
        return nil
    }

    /// Candidate remainders after removing one prefix, with the recoding rules. `outermost`:
    /// the first prefix of the word; se- is only ever that one ("disekap" is di- + "sekap", not
    /// di- + se- + "kap"; "disebut", "disesuaikan").
    private func prefixOptions<U: StemUnit>(_ w: [U], suffix: String, outermost: Bool) -> [[U]] {
        func has(_ p: String) -> Bool { U.starts(w[...], with: p) }
        func rest(_ n: Int) -> [U] { Array(w.dropFirst(n)) }
        func letter(_ c: Unicode.Scalar) -> U { U(letter: c) }
        var out: [[U]] = []
        let forbidden: (String) -> Bool = { prefix in
            // Confix pairs that do not occur in Indonesian.
            switch (prefix, suffix) {
            case ("be", "i"), ("di", "an"), ("ke", "i"), ("ke", "kan"), ("me", "an"), ("se", "i"), ("se", "kan"), ("te", "an"), ("ke", "in"), ("se", "in"):
                return true
            default: return false
            }
        }
        // di-, ke-, se-
        for p in ["di", "ke", "se"] where has(p) && !forbidden(p) && (p != "se" || outermost) { out.append(rest(2)) }
        // me(N)- and pe(N)-
        for p in ["me", "pe"] where has(p) && !forbidden(p) {
            let afterPrefix = w.dropFirst(2)
            guard let first = afterPrefix.first else { continue }
            switch first {
            case letter("m"):
                out.append([letter("p")] + afterPrefix.dropFirst())           // memukul → pukul
                out.append(Array(afterPrefix.dropFirst()))                    // membaca → baca
                out.append(Array(afterPrefix))                                // meminta → minta
                if U.starts(afterPrefix, with: "mp") { out.append(Array(afterPrefix.dropFirst())) } // memperbaiki → perbaiki
            case letter("n"):
                if U.starts(afterPrefix, with: "ny") {
                    out.append([letter("s")] + afterPrefix.dropFirst(2))      // menyapu → sapu
                } else if U.starts(afterPrefix, with: "ng") {
                    let tail = afterPrefix.dropFirst(2)
                    out.append(Array(tail))                                   // mengambil → ambil
                    out.append([letter("k")] + tail)                          // mengirim → kirim
                    if U.starts(tail, with: "e") { out.append(Array(tail.dropFirst())) } // mengecat → cat
                } else {
                    let tail = afterPrefix.dropFirst()
                    out.append([letter("t")] + tail)                          // menulis → tulis
                    out.append(Array(tail))                                   // mendaftar → daftar
                    out.append(Array(afterPrefix))                            // menilai → nilai
                }
            case letter("r"):
                // me- never loses an r of its own ("merasa" is me- + rasa, not "mer-" + asa);
                // pe- may be per- ("pertanian" → tani), after pe- + the root ("perawat" → rawat).
                out.append(Array(afterPrefix))                                // merawat → rawat
                if p == "pe" { out.append(Array(afterPrefix.dropFirst())) }
            case letter("l"), letter("w"), letter("y"):
                out.append(Array(afterPrefix))                                // melamar → lamar
            default:
                // pe- stands before any consonant ("pekerja" → kerja, "pedagang" → dagang); me-
                // only before the nasals, r, l, w and y (meN- takes the others: "mendaftar"), so
                // "mediasi" is no me- + di- + "asi" and "media" no me- + "dia".
                if p == "pe" { out.append(Array(afterPrefix)) }               // pekerja → kerja
            }
        }
        // Colloquial nasal prefixes: ngelamar → lamar, ngambil → ambil, ngirim → kirim,
        // nyari → cari, nyoba → coba.
        if has("nge") { out.append(rest(3)) }
        if has("ng"), !has("nge") || w.count > 5 { out.append(rest(2)); out.append([letter("k")] + rest(2)) }
        if has("ny") { out.append([letter("s")] + rest(2)); out.append([letter("c")] + rest(2)) }
        // ber-, ter-, per-
        for (p, short) in [("ber", "be"), ("ter", "te"), ("per", "pe")] {
            if has(p), !forbidden(short) {
                out.append(rest(3))
                if w.count > 3, w[3] == letter("r") { out.append(rest(3)) }
            }
            // be- and te- (ber-, ter- losing their r) only before an r-initial root or one whose
            // first syllable ends in -er: be + kerja, te + percaya, be + rencana. Anything else
            // is not Indonesian ("become" is not be + "come"). "belajar" → ajar.
            let shortened = w.count > 4 && (w[2] == letter("r") || (w[3] == letter("e") && w[4] == letter("r")))
            if p == "ber", has("be"), !forbidden("be") {
                if shortened { out.append(rest(2)) }
                if has("bel") { out.append(rest(3)) }
            }
            if p == "ter", has("te"), !forbidden("te"), shortened { out.append(rest(2)) }
        }
        return out
    }

    private func isKnown<U: StemUnit>(_ w: [U]) -> Bool {
        guard w.count >= 3 else { return false }
        let s = U.string(w)
        return dictionary.contains(s) && !foreign.contains(s)
    }

    private static func stripSuffix<U: StemUnit>(_ w: [U], oneOf suffixes: [String]) -> [U]? {
        for s in suffixes {
            let n = s.utf8.count
            if w.count - n >= 3, U.ends(w, with: s) { return Array(w.dropLast(n)) }
        }
        return nil
    }
}

/// What the stemmer works on: bytes of a plain ASCII word, or characters of any other word.
/// Affixes are ASCII, so both read the same rules.
protocol StemUnit: Equatable {
    /// The word's units when it is all letters of this kind, nil otherwise.
    static func letters(of word: String) -> [Self]?
    static func string(_ units: [Self]) -> String
    /// Whether `w` begins (ends) with the ASCII affix `p`.
    static func starts(_ w: ArraySlice<Self>, with p: String) -> Bool
    static func ends(_ w: [Self], with s: String) -> Bool
    init(letter: Unicode.Scalar)
}

extension UInt8: StemUnit {
    static func letters(of word: String) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(word.utf8.count)
        for b in word.utf8 {
            // Letters only (ASCII `Character.isLetter`); anything else is left to the character path.
            guard (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) else { return nil }
            out.append(b)
        }
        return out
    }
    static func string(_ units: [UInt8]) -> String { String(decoding: units, as: UTF8.self) }
    static func starts(_ w: ArraySlice<UInt8>, with p: String) -> Bool { w.starts(with: p.utf8) }
    static func ends(_ w: [UInt8], with s: String) -> Bool { w.suffix(s.utf8.count).elementsEqual(s.utf8) }
    init(letter: Unicode.Scalar) { self = UInt8(truncatingIfNeeded: letter.value) }
}

extension Character: StemUnit {
    static func letters(of word: String) -> [Character]? { word.allSatisfy(\.isLetter) ? Array(word) : nil }
    static func string(_ units: [Character]) -> String { String(units) }
    static func starts(_ w: ArraySlice<Character>, with p: String) -> Bool { w.starts(with: p) }
    static func ends(_ w: [Character], with s: String) -> Bool { w.suffix(s.count).elementsEqual(s) }
    init(letter: Unicode.Scalar) { self.init(letter) }
}
