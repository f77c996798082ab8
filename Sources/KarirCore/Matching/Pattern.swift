/// A compiled pattern (see docs/knowledge-format.md, "Patterns").
struct Pattern: Sendable {
    indirect enum Element: Sendable {
        /// a word and its root; a token matches either
        case word(String, String)
        case prefix(String)
        case star
        case optional([[Element]])
        case alternatives([[Element]])
        case concept(String)
        case entity(String)
    }

    let source: String
    let elements: [Element]
    let variants: [[Flat]]
    let intent: Int
    /// literal words, then fewer wildcards: sorts the most specific first
    let literalCount: Int
    let wildcardCount: Int

    enum ParseError: Error, CustomStringConvertible {
        case unbalanced(Character)
        case empty
        case emptyAlternative
        var description: String {
            switch self {
            case .unbalanced(let c): return "unbalanced `\(c)` in pattern"
            case .empty: return "the pattern is empty"
            case .emptyAlternative: return "an alternative inside ( | ) or [ | ] is empty"
            }
        }
    }

    /// Parses `text`; `normalize` turns a literal word into the form tokens are compared in.
    init(_ text: String, intent: Int, normalize: (String) -> [(String, String)]) throws(ParseError) {
        var chars = Array(text)[...]
        let elements = try Pattern.parseSequence(&chars, closing: nil, normalize: normalize)
        guard !elements.isEmpty else { throw .empty }
        self.source = text
        self.elements = elements
        self.variants = Pattern.expand(elements)
        self.intent = intent
        var literals = 0, wildcards = 0
        func count(_ es: [Element]) {
            for e in es {
                switch e {
                case .word, .concept, .entity: literals += 1
                case .prefix: literals += 1
                case .star: wildcards += 1
                case .optional(let alts): if let f = alts.first { count(f) }
                case .alternatives(let alts): if let f = alts.first { count(f) }
                }
            }
        }
        count(elements)
        self.literalCount = literals
        self.wildcardCount = wildcards
    }

    private static func parseSequence(_ s: inout ArraySlice<Character>, closing: Character?, normalize: (String) -> [(String, String)]) throws(ParseError) -> [Element] {
        var out: [Element] = []
        var word = ""
        func flushWord() {
            defer { word = "" }
            guard !word.isEmpty else { return }
            if word == "*" { out.append(.star); return }
            if word.hasPrefix("~") { out.append(.concept(String(word.dropFirst()))); return }
            if word.hasPrefix("@") { out.append(.entity(String(word.dropFirst()))); return }
            if word.hasSuffix("*") {
                for w in normalize(String(word.dropLast())) { out.append(.prefix(w.0)) }
                return
            }
            for w in normalize(word) { out.append(.word(w.0, w.1)) }
        }
        while let c = s.first {
            s = s.dropFirst()
            switch c {
            case "(", "[":
                flushWord()
                let close: Character = c == "(" ? ")" : "]"
                let alts = try parseAlternatives(&s, closing: close, normalize: normalize)
                out.append(c == "(" ? .alternatives(alts) : .optional(alts))
            case ")", "]", "|":
                if closing == nil { throw .unbalanced(c) }
                flushWord()
                s = [c] + s
                return out
            case " ", "\t", "\n":
                flushWord()
            default:
                word.append(c)
            }
        }
        flushWord()
        if closing != nil { throw .unbalanced(closing ?? "(") }
        return out
    }

    private static func parseAlternatives(_ s: inout ArraySlice<Character>, closing: Character, normalize: (String) -> [(String, String)]) throws(ParseError) -> [[Element]] {
        var alts: [[Element]] = []
        while true {
            let seq = try parseSequence(&s, closing: closing, normalize: normalize)
            guard !seq.isEmpty else { throw .emptyAlternative }
            alts.append(seq)
            guard let c = s.first else { throw .unbalanced(closing) }
            s = s.dropFirst()
            if c == closing { return alts }
            if c != "|" { throw .unbalanced(c) }
        }
    }

    /// One alternative-free reading of the pattern: what matching actually runs.
    enum Flat: Sendable {
        case word(String, String)
        case prefix(String)
        case star
        case concept(String)
        case entity(String)
    }

    /// Expands alternatives and optional parts into flat sequences (at most 256).
    static func expand(_ elements: [Element]) -> [[Flat]] {
        var results: [[Flat]] = [[]]
        for e in elements {
            let options: [[Flat]]
            switch e {
            case .word(let w, let r): options = [[.word(w, r)]]
            case .prefix(let p): options = [[.prefix(p)]]
            case .star: options = [[.star]]
            case .concept(let c): options = [[.concept(c)]]
            case .entity(let t): options = [[.entity(t)]]
            case .alternatives(let alts): options = alts.flatMap(expand)
            case .optional(let alts): options = [[]] + alts.flatMap(expand)
            }
            var next: [[Flat]] = []
            for r in results { for o in options where next.count < 256 { next.append(r + o) } }
            results = next
        }
        return results
    }

    /// Whether one variant matches the whole token list. Bounded: gives up after a fixed number
    /// of steps.
    func matches(variant: Int, _ tokens: [Token]) -> Bool {
        var budget = 5_000
        return Self.match(variants[variant], 0, tokens, 0, &budget)
    }

    private static func match(_ v: [Flat], _ ei: Int, _ tokens: [Token], _ ti: Int, _ budget: inout Int) -> Bool {
        budget -= 1
        if budget <= 0 { return false }
        guard ei < v.count else { return ti == tokens.count }
        switch v[ei] {
        case .star:
            if ei + 1 == v.count { return true }
            var j = ti
            while j <= tokens.count {
                if match(v, ei + 1, tokens, j, &budget) { return true }
                j += 1
            }
            return false
        case .word(let w, let root):
            guard ti < tokens.count, tokens[ti].entity == nil else { return false }
            let t = tokens[ti]
            guard t.surface == w || t.stem == w || t.stem == root else { return false }
            return match(v, ei + 1, tokens, ti + 1, &budget)
        case .prefix(let p):
            guard ti < tokens.count, tokens[ti].entity == nil, tokens[ti].surface.hasPrefix(p) else { return false }
            return match(v, ei + 1, tokens, ti + 1, &budget)
        case .entity(let type):
            guard ti < tokens.count, tokens[ti].entity?.type == type else { return false }
            return match(v, ei + 1, tokens, ti + 1, &budget)
        case .concept(let name):
            guard ti < tokens.count else { return false }
            for c in tokens[ti].concepts where c.name == name {
                if match(v, ei + 1, tokens, ti + c.length, &budget) { return true }
            }
            return false
        }
    }
}
