/// Finds the patterns worth trying for a message without trying them all: every flat variant
/// of every pattern is filed under one word, concept or entity type it needs, and a message
/// only tries the variants filed under something it contains.
struct PatternIndex: Sendable {
    struct Ref: Sendable, Comparable {
        var pattern: Int32
        var variant: Int32
        static func < (a: Ref, b: Ref) -> Bool { (a.pattern, a.variant) < (b.pattern, b.variant) }
    }

    let patterns: [Pattern]
    /// Variants by a word root, a concept or an entity type they need (plain keys: no string
    /// building per message).
    private let byWord: [String: [Ref]]
    private let byConcept: [String: [Ref]]
    private let byEntity: [String: [Ref]]
    /// Variants that need no particular word (only wildcards and prefixes).
    private let always: [Ref]

    /// `patterns` must already be sorted most specific first.
    init(_ patterns: [Pattern]) {
        self.patterns = patterns
        var byWord: [String: [Ref]] = [:], byConcept: [String: [Ref]] = [:], byEntity: [String: [Ref]] = [:]
        var always: [Ref] = []
        // Each variant is filed under the key it needs that the fewest variants share, so that
        // a common word ("apa", "cara") does not make every message try many patterns.
        var shared: [Key: Int] = [:]
        for pattern in patterns {
            for variant in pattern.variants { for k in Set(Self.keys(of: variant)) { shared[k, default: 0] += 1 } }
        }
        for (p, pattern) in patterns.enumerated() {
            for (v, variant) in pattern.variants.enumerated() {
                let ref = Ref(pattern: Int32(p), variant: Int32(v))
                switch Self.keys(of: variant).min(by: { shared[$0, default: 0] < shared[$1, default: 0] }) {
                case .word(let w)?: byWord[w, default: []].append(ref)
                case .concept(let c)?: byConcept[c, default: []].append(ref)
                case .entity(let t)?: byEntity[t, default: []].append(ref)
                case nil: always.append(ref)
                }
            }
        }
        self.byWord = byWord
        self.byConcept = byConcept
        self.byEntity = byEntity
        self.always = always
    }

    /// The most specific pattern that matches, if any.
    func firstMatch(_ tokens: [Token], eligible: (Int) -> Bool) -> Pattern? {
        var refs = always
        for t in tokens {
            if let e = t.entity {
                if let list = byEntity[e.type] { refs.append(contentsOf: list) }
                continue
            }
            if let list = byWord[t.stem] { refs.append(contentsOf: list) }
            if t.surface != t.stem, let list = byWord[t.surface] { refs.append(contentsOf: list) }
            for c in t.concepts { if let list = byConcept[c.name] { refs.append(contentsOf: list) } }
        }
        guard !refs.isEmpty else { return nil }
        refs.sort()
        var last: Ref?
        for ref in refs where ref != last {
            last = ref
            let pattern = patterns[Int(ref.pattern)]
            guard eligible(pattern.intent) else { continue }
            if pattern.matches(variant: Int(ref.variant), tokens) { return pattern }
        }
        return nil
    }

    private enum Key: Hashable { case word(String), concept(String), entity(String) }

    /// Everything a variant needs: word roots, concepts, entity types.
    private static func keys(of variant: [Pattern.Flat]) -> [Key] {
        variant.compactMap { e in
            switch e {
            case .word(_, let root): .word(root)
            case .concept(let c): .concept(c)
            case .entity(let t): .entity(t)
            case .star, .prefix: nil
            }
        }
    }
}
