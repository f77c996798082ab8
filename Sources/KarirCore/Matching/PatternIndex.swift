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
        for (p, pattern) in patterns.enumerated() {
            for (v, variant) in pattern.variants.enumerated() {
                let ref = Ref(pattern: Int32(p), variant: Int32(v))
                switch Self.key(of: variant) {
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

    private enum Key { case word(String), concept(String), entity(String) }

    private static func key(of variant: [Pattern.Flat]) -> Key? {
        for e in variant {
            switch e {
            case .word(_, let root): return .word(root)
            case .concept(let c): return .concept(c)
            case .entity(let t): return .entity(t)
            case .star, .prefix: continue
            }
        }
        return nil
    }
}
