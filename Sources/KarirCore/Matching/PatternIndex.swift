/// Finds the patterns worth trying for a message without trying them all: every flat variant
/// of every pattern is filed under one word, concept or entity type it needs, and a message
/// only tries the variants filed under something it contains.
///
/// Before a variant is matched word by word, a cheap test rules out those that need a word,
/// concept or entity the message does not have at all: every word, concept and entity type that
/// any pattern uses is numbered, the message marks the numbers it contains, and each variant
/// lists the numbers each of its elements needs. The test is only a necessary condition, so
/// the outcome is the same as matching every filed variant; it just skips most of them.
struct PatternIndex: Sendable {
    struct Ref: Sendable, Comparable {
        var pattern: Int32
        var variant: Int32
        static func < (a: Ref, b: Ref) -> Bool { (a.pattern, a.variant) < (b.pattern, b.variant) }
    }

    let patterns: [Pattern]
    /// Numbers of the words (both the written form and the root of each pattern word),
    /// concepts and entity types that patterns use; one numbering for all three.
    private let wordNumber: [String: Int32]
    private let conceptNumber: [String: Int32]
    private let entityNumber: [String: Int32]
    private let keyCount: Int
    /// Variants by the number of the word root, concept or entity type they are filed under.
    private let filed: [[Ref]]
    /// Variants that need no particular word (only wildcards and prefixes).
    private let always: [Ref]
    /// `firstVariant[p]` numbers pattern `p`'s first variant among all variants.
    private let firstVariant: [Int32]
    /// Per variant (all variants numbered in order), its range in `needs`.
    private let needStart: [Int32]
    /// What each element of a variant needs in the message: one of two numbers (a word's form
    /// or its root; -1 when there is no second).
    private let needs: [(Int32, Int32)]

    /// The number of each word of the analyser's word table (``Token/stemNumber``,
    /// ``Token/surfaceNumber``) in `wordNumber`, -1 for none: a message's words are found without
    /// hashing their strings.
    private let wordByNumber: [Int32]

    /// `patterns` must already be sorted most specific first. `wordNumbers`: the analyser's
    /// numbers of its words.
    init(_ patterns: [Pattern], wordNumbers: [String: Int32] = [:]) {
        self.patterns = patterns
        var wordNumber: [String: Int32] = [:], conceptNumber: [String: Int32] = [:], entityNumber: [String: Int32] = [:]
        var count: Int32 = 0
        func number(_ key: String, in table: inout [String: Int32]) -> Int32 {
            if let n = table[key] { return n }
            table[key] = count
            count += 1
            return count - 1
        }
        // The key a variant is filed under (per element) and what each element needs.
        var filingKeys: [[Int32]] = []
        var needStart: [Int32] = [0]
        var needs: [(Int32, Int32)] = []
        var firstVariant: [Int32] = []
        for pattern in patterns {
            firstVariant.append(Int32(filingKeys.count))
            for variant in pattern.variants {
                var keys: [Int32] = []
                for element in variant {
                    switch element {
                    case .word(let w, let root):
                        let r = number(root, in: &wordNumber)
                        let n = number(w, in: &wordNumber)
                        keys.append(r)
                        needs.append((r, n))
                    case .concept(let c):
                        let n = number(c, in: &conceptNumber)
                        keys.append(n); needs.append((n, -1))
                    case .entity(let t):
                        let n = number(t, in: &entityNumber)
                        keys.append(n); needs.append((n, -1))
                    case .star, .prefix: break
                    }
                }
                filingKeys.append(keys)
                needStart.append(Int32(needs.count))
            }
        }
        // Each variant is filed under the key it needs that the fewest variants share, so that
        // a common word ("apa", "cara") does not make every message try many patterns.
        var shared = [Int](repeating: 0, count: Int(count))
        for keys in filingKeys { for k in Set(keys) { shared[Int(k)] += 1 } }
        var filed = [[Ref]](repeating: [], count: Int(count))
        var always: [Ref] = []
        for (p, pattern) in patterns.enumerated() {
            for v in pattern.variants.indices {
                let ref = Ref(pattern: Int32(p), variant: Int32(v))
                if let key = filingKeys[Int(firstVariant[p]) + v].min(by: { shared[Int($0)] < shared[Int($1)] }) {
                    filed[Int(key)].append(ref)
                } else {
                    always.append(ref)
                }
            }
        }
        self.wordNumber = wordNumber
        // The analyser numbers its words 0, 1, 2 … without gaps.
        var wordByNumber = [Int32](repeating: -1, count: wordNumbers.count)
        for (word, key) in wordNumber { if let n = wordNumbers[word] { wordByNumber[Int(n)] = key } }
        self.wordByNumber = wordByNumber
        self.conceptNumber = conceptNumber
        self.entityNumber = entityNumber
        self.keyCount = Int(count)
        self.filed = filed
        self.always = always
        self.firstVariant = firstVariant
        self.needStart = needStart
        self.needs = needs
    }

    /// The most specific pattern that matches, if any.
    func firstMatch(_ tokens: [Token], eligible: (Int) -> Bool) -> Pattern? {
        var present = [Bool](repeating: false, count: keyCount)
        var refs = always
        func mark(_ n: Int32?) {
            guard let n, !present[Int(n)] else { return }
            present[Int(n)] = true
            refs.append(contentsOf: filed[Int(n)])
        }
        for t in tokens {
            if let e = t.entity {
                mark(entityNumber[e.type])
                continue
            }
            mark(key(t.stem, number: t.stemNumber))
            if t.surface != t.stem { mark(key(t.surface, number: t.surfaceNumber)) }
            for c in t.concepts { mark(conceptNumber[c.name]) }
        }
        guard !refs.isEmpty else { return nil }
        refs.sort()
        var last: Ref?
        for ref in refs where ref != last {
            last = ref
            let pattern = patterns[Int(ref.pattern)]
            guard eligible(pattern.intent), mayMatch(ref, present) else { continue }
            if pattern.matches(variant: Int(ref.variant), tokens) { return pattern }
        }
        return nil
    }

    /// The key number of a message word, by its number in the analyser's table when it has one.
    private func key(_ word: String, number: Int32) -> Int32? {
        guard number >= 0, Int(number) < wordByNumber.count else { return wordNumber[word] }
        let k = wordByNumber[Int(number)]
        return k >= 0 ? k : nil
    }

    /// Whether the message has everything the variant's elements need (necessary, not
    /// sufficient: order and position are for ``Pattern/matches(variant:_:)``).
    private func mayMatch(_ ref: Ref, _ present: [Bool]) -> Bool {
        let v = Int(firstVariant[Int(ref.pattern)] + ref.variant)
        for k in Int(needStart[v])..<Int(needStart[v + 1]) {
            let (a, b) = needs[k]
            if !present[Int(a)] && (b < 0 || !present[Int(b)]) { return false }
        }
        return true
    }
}
