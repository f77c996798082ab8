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

    public init(dictionary: Set<String>, exceptions: Set<String> = IndonesianStemmer.builtInExceptions) {
        self.dictionary = dictionary.union(IndonesianStemmer.builtInRoots)
        self.exceptions = exceptions
    }

    /// The root of `word`, or `word` itself when no accepted stripping exists.
    public func stem(_ word: String) -> String {
        guard word.count > 3, !exceptions.contains(word), word.allSatisfy({ $0.isLetter }) else { return word }
        let base = Array(word)
        var bestRoot: [Character]?

        // Inflectional layers: particle, then possessive. Each may or may not be present.
        var inflected: [[Character]] = [base]
        if let p = Self.stripSuffix(base, oneOf: ["lah", "kah", "tah", "pun"]) { inflected.append(p) }
        for form in inflected {
            if let q = Self.stripSuffix(form, oneOf: ["nya", "ku", "mu"]) { inflected.append(q) }
        }

        // The plainest form first: "kapankah" is "kapan", not a prefix game on "kapankah"; and a
        // listed root or a word that only looks affixed stays whole ("carinya" is "cari", not "car").
        for form in inflected.dropFirst() where isKnown(form) {
            let s = String(form)
            if exceptions.contains(s) || Self.builtInRoots.contains(s) || derivational(form) == nil { return s }
        }
        // Derivations of the plainest form first: "pelatihannya" is "pelatihan" + -nya → "latih",
        // even when a knowledge text made "latihannya" a known word.
        for form in inflected.reversed() {
            if let root = derivational(form) { bestRoot = root; break }
        }
        if let bestRoot { return String(bestRoot) }
        // Only inflection stripped: accept when the remainder is known ("gajinya" → "gaji").
        for form in inflected.dropFirst() where isKnown(form) { return String(form) }
        return word
    }

    /// Tries derivational suffixes (none, -kan, -an, -i) with prefix chains. Preference: a
    /// confix (prefix and suffix) over a prefix alone over a suffix alone; along a prefix chain
    /// the first known word wins (so "dipecat" stops at "pecat" and does not go on to "cat").
    private func derivational(_ word: [Character]) -> [Character]? {
        var confix: [Character]?, prefixOnly: [Character]?, suffixOnly: [Character]?
        for suffix in ["", "kan", "an", "i", "in"] {
            let form: [Character]
            if suffix.isEmpty { form = word } else {
                guard let w = Self.stripSuffix(word, oneOf: [suffix]) else { continue }
                form = w
            }
            let root = firstKnownPrefixRoot(form, suffix: suffix)
            if suffix.isEmpty {
                prefixOnly = root
            } else {
                if let root, confix == nil || root.count < (confix?.count ?? .max) { confix = root }
                // A suffix alone leaves a root of four letters or more: "bagi", "kaki", "topi"
                // and "gigi" are words, not "bag", "kak", "top" and "gig" with -i.
                if suffixOnly == nil, form.count >= 4, isKnown(form) { suffixOnly = form }
            }
        }
        return confix ?? prefixOnly ?? suffixOnly
    }

    /// Breadth-first over up to three prefixes: the first known remainder, nil if none.
    private func firstKnownPrefixRoot(_ word: [Character], suffix: String) -> [Character]? {
        var level: [[Character]] = [word]
        for _ in 0..<3 {
            var next: [[Character]] = []
            for w in level where w.count > 3 {
                for option in prefixOptions(w, suffix: suffix) {
                    if isKnown(option) { return option }
                    next.append(option)
                }
            }
            if next.isEmpty { return nil }
            level = next
        }
        return nil
    }

    /// Candidate remainders after removing one prefix, with the recoding rules.
    private func prefixOptions(_ w: [Character], suffix: String) -> [[Character]] {
        func has(_ p: String) -> Bool { w.starts(with: Array(p)) }
        func rest(_ n: Int) -> [Character] { Array(w.dropFirst(n)) }
        var out: [[Character]] = []
        let forbidden: (String) -> Bool = { prefix in
            // Confix pairs that do not occur in Indonesian.
            switch (prefix, suffix) {
            case ("be", "i"), ("di", "an"), ("ke", "i"), ("ke", "kan"), ("me", "an"), ("se", "i"), ("se", "kan"), ("te", "an"), ("ke", "in"), ("se", "in"):
                return true
            default: return false
            }
        }
        // di-, ke-, se-
        for p in ["di", "ke", "se"] where has(p) && !forbidden(p) { out.append(rest(2)) }
        // me(N)- and pe(N)-
        for p in ["me", "pe"] where has(p) && !forbidden(p) {
            let afterPrefix = rest(2)
            guard let first = afterPrefix.first else { continue }
            switch first {
            case "m":
                out.append(Array(afterPrefix.dropFirst()) .prepended("p"))   // memukul → pukul
                out.append(Array(afterPrefix.dropFirst()))                    // membaca → baca
                out.append(afterPrefix)                                       // meminta → minta
                if afterPrefix.starts(with: Array("mp")) { out.append(Array(afterPrefix.dropFirst())) } // memperbaiki → perbaiki
            case "n":
                if afterPrefix.starts(with: Array("ny")) {
                    out.append(Array(afterPrefix.dropFirst(2)).prepended("s"))   // menyapu → sapu
                } else if afterPrefix.starts(with: Array("ng")) {
                    let tail = Array(afterPrefix.dropFirst(2))
                    out.append(tail)                                              // mengambil → ambil
                    out.append(tail.prepended("k"))                               // mengirim → kirim
                    if tail.starts(with: Array("e")) { out.append(Array(tail.dropFirst())) } // mengecat → cat
                } else {
                    let tail = Array(afterPrefix.dropFirst())
                    out.append(tail.prepended("t"))                               // menulis → tulis
                    out.append(tail)                                              // mendaftar → daftar
                    out.append(afterPrefix)                                       // menilai → nilai
                }
            case "r":
                out.append(Array(afterPrefix.dropFirst()))                        // perawat? merawat → rawat
                out.append(afterPrefix)
            case "l", "w", "y":
                out.append(afterPrefix)                                           // melamar → lamar
            default:
                out.append(afterPrefix)                                           // pekerja → kerja
            }
        }
        // Colloquial nasal prefixes: ngelamar → lamar, ngambil → ambil, ngirim → kirim,
        // nyari → cari, nyoba → coba.
        if has("nge") { out.append(rest(3)) }
        if has("ng"), !has("nge") || w.count > 5 { out.append(rest(2)); out.append(rest(2).prepended("k")) }
        if has("ny") { out.append(rest(2).prepended("s")); out.append(rest(2).prepended("c")) }
        // ber-, ter-, per-
        for (p, short) in [("ber", "be"), ("ter", "te"), ("per", "pe")] {
            if has(p), !forbidden(short) {
                out.append(rest(3))
                if w.count > 3, w[3] == "r" { out.append(rest(3)) }
            }
            // be- and te- (ber-, ter- losing their r) only before an r-initial root or one whose
            // first syllable ends in -er: be + kerja, te + percaya, be + rencana. Anything else
            // is not Indonesian ("become" is not be + "come"). "belajar" → ajar.
            let shortened = w.count > 4 && (w[2] == "r" || (w[3] == "e" && w[4] == "r"))
            if p == "ber", has("be"), !forbidden("be") {
                if shortened { out.append(rest(2)) }
                if has("bel") { out.append(rest(3)) }
            }
            if p == "ter", has("te"), !forbidden("te"), shortened { out.append(rest(2)) }
        }
        return out
    }

    private func isKnown(_ w: [Character]) -> Bool { w.count >= 3 && dictionary.contains(String(w)) }

    private static func stripSuffix(_ w: [Character], oneOf suffixes: [String]) -> [Character]? {
        for s in suffixes {
            let sc = Array(s)
            if w.count - sc.count >= 3, w.suffix(sc.count).elementsEqual(sc) { return Array(w.dropLast(sc.count)) }
        }
        return nil
    }
}

private extension Array where Element == Character {
    func prepended(_ c: Character) -> [Character] { [c] + self }
}
