extension TextNormalizer {
    /// The same words as ``words(_:)`` for a message that is plain ASCII (most messages), read
    /// as bytes with one string made per word. Nil as soon as a non-ASCII byte appears; the
    /// general path then handles the whole message.
    static func asciiWords(_ text: String) -> [String]? {
        var words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        // Reused for every word (one allocation per message, not per word).
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(32)
        var lastWasHyphenJoin = false

        func flush() {
            guard !current.isEmpty else { return }
            // "Rp2.100.000" → "rp 2 …", "5jt" → "5 jt", "3thn" → "3 thn": an amount and its
            // unit are two words (before, "rp2" lost its digit as if it were "kerja2").
            if let cut = TextNormalizer.amountSplit(current) {
                let rest = Array(current[cut...])
                current.removeSubrange(cut...)
                flush()
                current = rest
            }
            // "kerja2" → "kerja" (reduplication shorthand), only after letters.
            if current.count > 2, current[current.count - 1] == 0x32,
               current.dropLast().allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) {
                current.removeLast()
            }
            // Runs of three or more equal letters become two ("tolonggg" → "tolongg").
            collapsed.removeAll(keepingCapacity: true)
            var run = 0
            for b in current {
                let isLetter = b >= 0x61 && b <= 0x7A
                if isLetter, let last = collapsed.last, last == b {
                    run += 1
                    if run >= 3 { continue }
                } else {
                    run = 1
                }
                collapsed.append(b)
            }
            let word = String(decoding: collapsed, as: UTF8.self)
            current.removeAll(keepingCapacity: true)
            if lastWasHyphenJoin, let previous = words.last, previous == word {
                // "kerja-kerja" → "kerja"
            } else {
                words.append(word)
            }
            lastWasHyphenJoin = false
        }

        var count = 0
        for b in text.utf8 {
            if b >= 0x80 { return nil }
            count += 1
            if count > maxScalars { break }
            switch b {
            case 0x61...0x7A, 0x30...0x39: current.append(b)
            case 0x41...0x5A: current.append(b + 32)
            case 0x2D where !current.isEmpty: // "-" joining two words
                flush()
                lastWasHyphenJoin = true
            case 0x27: continue // "don't" → "dont"
            default: flush()
            }
        }
        flush()
        return words
    }
}
