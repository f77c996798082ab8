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
    /// The delete index, flat and sorted: the hash of each stored form, and the word it belongs
    /// to. About 12 bytes per form instead of a dictionary of string arrays (which was a fifth
    /// of the engine's memory). A hash collision only adds a candidate, and every candidate's
    /// distance is checked.
    private let formHashes: [Int]
    private let formWords: [Int32]

    public init(vocabulary: [String: Int]) {
        self.frequency = vocabulary
        let words = vocabulary.keys.filter { $0.count >= 4 }.sorted()
        var entries: [(hash: Int, word: Int32)] = []
        entries.reserveCapacity(words.count * 9)
        for (i, word) in words.enumerated() {
            entries.append((word.hashValue, Int32(i)))
            for d in Self.oneDeletes(word) { entries.append((d.hashValue, Int32(i))) }
        }
        entries.sort { $0.hash != $1.hash ? $0.hash < $1.hash : $0.word < $1.word }
        self.words = words
        self.formHashes = entries.map(\.hash)
        self.formWords = entries.map(\.word)
    }

    public func contains(_ word: String) -> Bool { frequency[word] != nil }

    /// Words stored under the form `probe` (plus, very rarely, a word whose form has the same hash).
    private func candidates(_ probe: String) -> ArraySlice<Int32> {
        let h = probe.hashValue
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
        let n = word.count
        guard n >= 5, word.allSatisfy({ $0.isLetter }) else { return nil }
        let maxDistance = n >= 8 ? 2 : 1
        var probes: Set<String> = [word]
        let first = Self.oneDeletes(word)
        probes.formUnion(first)
        if maxDistance >= 2 { for d in first { probes.formUnion(Self.oneDeletes(d)) } }
        var best: (word: String, distance: Int, freq: Int)?
        var seen: Set<Int32> = []
        for probe in probes {
            for index in candidates(probe) where seen.insert(index).inserted {
                let candidate = words[Int(index)]
                let d = Self.distance(word, candidate, limit: maxDistance)
                guard d <= maxDistance else { continue }
                let f = frequency[candidate] ?? 0
                if let b = best, (d, -f, candidate) >= (b.distance, -b.freq, b.word) { continue }
                best = (candidate, d, f)
            }
        }
        return best?.word
    }

    static func oneDeletes(_ word: String) -> [String] {
        let chars = Array(word)
        guard chars.count > 1 else { return [] }
        var out: [String] = []
        out.reserveCapacity(chars.count)
        for i in chars.indices {
            var c = chars
            c.remove(at: i)
            out.append(String(c))
        }
        return out
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
