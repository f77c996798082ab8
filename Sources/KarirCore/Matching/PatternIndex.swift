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
    private let byKey: [String: [Ref]]
    /// Variants that need no particular word (only wildcards and prefixes).
    private let always: [Ref]

    /// `patterns` must already be sorted most specific first.
    init(_ patterns: [Pattern]) {
        self.patterns = patterns
        var byKey: [String: [Ref]] = [:]
        var always: [Ref] = []
        for (p, pattern) in patterns.enumerated() {
            for (v, variant) in pattern.variants.enumerated() {
                let ref = Ref(pattern: Int32(p), variant: Int32(v))
                if let key = Self.key(of: variant) { byKey[key, default: []].append(ref) } else { always.append(ref) }
            }
        }
        self.byKey = byKey
        self.always = always
    }

    /// The most specific pattern that matches, if any.
    func firstMatch(_ tokens: [Token], eligible: (Int) -> Bool) -> Pattern? {
        var refs = always
        var seen: Set<String> = []
        for t in tokens {
            for key in Self.keys(of: t) where seen.insert(key).inserted {
                if let list = byKey[key] { refs.append(contentsOf: list) }
            }
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

    private static func key(of variant: [Pattern.Flat]) -> String? {
        for e in variant {
            switch e {
            case .word(_, let root): return "w:" + root
            case .concept(let c): return "c:" + c
            case .entity(let t): return "e:" + t
            case .star, .prefix: continue
            }
        }
        return nil
    }

    private static func keys(of token: Token) -> [String] {
        if let e = token.entity { return ["e:" + e.type] }
        var out = ["w:" + token.stem]
        if token.surface != token.stem { out.append("w:" + token.surface) }
        for c in token.concepts { out.append("c:" + c.name) }
        return out
    }
}
