/// Corrects a misspelt word to the nearest word of a known vocabulary ("lowonagn" → "lowongan"),
/// with a symmetric-delete index: every vocabulary word is stored under each form it takes with
/// one letter deleted, so a look-up costs a few hash probes whatever the vocabulary's size.
///
/// Short words are never corrected (too many neighbours, and many short Indonesian words such as
/// "usah" or "kok" are one letter from a knowledge word); words of 5–7 letters may be one edit
/// away, longer words two.
public struct SpellingCorrector: Sendable {
    private let frequency: [String: Int]
    private let words: [String]
    /// The delete index, flat and sorted: a hash of each stored form (the word, and the word with
    /// one letter left out), and the word it belongs to. Forms are hashed straight from the
    /// word's letters with positions skipped, so neither building nor a look-up makes a string per
    /// form. A hash collision only adds a candidate, and every candidate's distance is checked.
    /// Only plain ASCII words take part (Indonesian and English after folding).
    private let formHashes: [UInt64]
    private let formWords: [Int32]
    /// Words by a hash of their consonants (``skeleton(_:)``), most frequent first, for words
    /// typed without some of their vowels ("crnya", "plthan", "psngon"). Derived from `words`
    /// and `frequency`, so it is built on every load rather than stored; hashed from the letters
    /// so that building it makes no string per word. A collision only adds candidates, and a
    /// candidate is taken only when the typed letters spell it with vowels left out, that is
    /// with the same consonants.
    private let skeletons: [UInt64: [Int32]]

    public init(vocabulary: [String: Int]) {
        self.frequency = vocabulary
        let words = vocabulary.keys.filter { $0.utf8.count >= 4 && Self.isPlainWord($0) }.sorted()
        var entries: [(hash: UInt64, word: Int32)] = []
        entries.reserveCapacity(words.count * 9)
        for (i, word) in words.enumerated() {
            let letters = Array(word.utf8)
            entries.append((Self.hash(letters), Int32(i)))
            for k in letters.indices { entries.append((Self.hash(letters, skipping: k), Int32(i))) }
        }
        entries.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.word < $1.word }
        self.words = words
        self.formHashes = entries.map(\.hash)
        self.formWords = entries.map(\.word)
        self.skeletons = Self.skeletonIndex(words, frequency: vocabulary)
    }

    static func isVowel(_ b: UInt8) -> Bool { b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 }

    /// A hash of the word's consonants (its letters without a, e, i, o, u) and how many there are.
    static func skeleton(_ letters: [UInt8]) -> (hash: UInt64, count: Int) {
        var h = FNV1a()
        var count = 0
        for b in letters where !isVowel(b) {
            h.add(b)
            count += 1
        }
        return (h.value, count)
    }

    static func skeletonIndex(_ words: [String], frequency: [String: Int]) -> [UInt64: [Int32]] {
        var index: [UInt64: [Int32]] = [:]
        for (i, word) in words.enumerated() {
            let letters = Array(word.utf8)
            let consonants = skeleton(letters)
            guard consonants.count >= 2, consonants.count < letters.count else { continue }
            index[consonants.hash, default: []].append(Int32(i))
        }
        for key in Array(index.keys) {
            index[key]?.sort { a, b in
                let fa = frequency[words[Int(a)]] ?? 0, fb = frequency[words[Int(b)]] ?? 0
                return fa != fb ? fa > fb : words[Int(a)] < words[Int(b)]
            }
        }
        return index
    }

    /// A word typed without some of its vowels, as SMS writing does ("crnya" → "caranya",
    /// "plthan" → "pelatihan", "psngon" → "pesangon"): the most frequent known word that the
    /// typed letters spell with only vowels left out, starting with the same letter. Words of
    /// three letters or more whose consonants are at least two; nil if none.
    public func expandVowelless(_ word: String) -> String? {
        let letters = Array(word.utf8)
        guard letters.count >= 3, Self.isPlainWord(word) else { return nil }
        let consonants = Self.skeleton(letters)
        guard consonants.count >= 2, let found = skeletons[consonants.hash] else { return nil }
        // A typed word that keeps some of its vowels left out only a few: at most one letter
        // for every two typed ("bsa" → "bisa", "plthan" → "pelatihan"), so that a short regional
        // word is not grown into another ("dak", Palembang for "not", was "diakui").
        let keepsVowels = letters.contains(where: Self.isVowel)
        for index in found {
            let candidate = Array(words[Int(index)].utf8)
            guard candidate.count > letters.count, candidate.first == letters.first,
                  !keepsVowels || candidate.count - letters.count <= letters.count / 2 else { continue }
            // The typed letters in order, every skipped letter a vowel.
            var k = 0
            var fits = true
            for b in candidate {
                if k < letters.count && letters[k] == b { k += 1 } else if !Self.isVowel(b) { fits = false; break }
            }
            if fits && k == letters.count { return words[Int(index)] }
        }
        return nil
    }

    /// Lower-case ASCII letters only.
    static func isPlainWord(_ word: String) -> Bool { word.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }

    /// FNV-1a over the letters, leaving out the positions `skipping` and `also`.
    static func hash(_ letters: [UInt8], skipping: Int = -1, also: Int = -1) -> UInt64 {
        var h = FNV1a()
        for (i, b) in letters.enumerated() where i != skipping && i != also { h.add(b) }
        return h.value
    }

    /// Words stored under the form with hash `h`.
    private func candidates(_ h: UInt64) -> ArraySlice<Int32> {
        var lo = 0, hi = formHashes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if formHashes[mid] < h { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < formHashes.count && formHashes[end] == h { end += 1 }
        return formWords[lo..<end]
    }

    /// The nearest known word within the allowed distance, most frequent first; nil if none.
    public func correct(_ word: String) -> String? {
        let letters = Array(word.utf8)
        let n = letters.count
        guard n >= 5, Self.isPlainWord(word) else { return nil }
        let maxDistance = n >= 8 ? 2 : 1
        // The word, every form with one letter left out and, for long words, with two.
        var probes: Set<UInt64> = [Self.hash(letters)]
        for i in 0..<n {
            probes.insert(Self.hash(letters, skipping: i))
            if maxDistance >= 2 { for j in (i + 1)..<n { probes.insert(Self.hash(letters, skipping: i, also: j)) } }
        }
        var best: (word: String, distance: Int, freq: Int)?
        var seen: Set<Int32> = []
        for probe in probes {
            for index in candidates(probe) where seen.insert(index).inserted {
                let candidate = words[Int(index)]
                let d = Self.distance(word, candidate, limit: maxDistance)
                guard d <= maxDistance else { continue }
                // Two edits that also change the first letter are another word, not a typo:
                // people rarely mistype the letter they start with ("freeport" is no "report").
                // A prefix on a known word is read as that word ("reschedule": "schedule").
                if d == 2, candidate.utf8.first != letters.first, !word.hasSuffix(candidate) { continue }
                let f = frequency[candidate] ?? 0
                if let b = best, (d, -f, candidate) >= (b.distance, -b.freq, b.word) { continue }
                best = (candidate, d, f)
            }
        }
        return best?.word
    }

    /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), stopping
    /// early once it exceeds `limit`.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev2 = [Int](repeating: 0, count: y.count + 1)
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[y.count]
    }
}

extension SpellingCorrector: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.write(frequency); w.write(words); w.write(formHashes); w.write(formWords)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        let frequency: [String: Int] = try r.read(), words: [String] = try r.read()
        let formHashes: [UInt64] = try r.read(), formWords: [Int32] = try r.read()
        guard formHashes.count == formWords.count, formWords.allSatisfy({ $0 >= 0 && Int($0) < words.count }) else {
            throw .invalid("spelling index")
        }
        self.frequency = frequency; self.words = words; self.formHashes = formHashes; self.formWords = formWords
        skeletons = Self.skeletonIndex(words, frequency: frequency)
    }
}
