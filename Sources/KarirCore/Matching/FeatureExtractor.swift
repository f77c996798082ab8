/// The kinds of feature a message is described by, each its own name space.
enum FeatureKind: Sendable {
    /// a word's root (weight 1)
    case stem
    /// the word itself when it differs from its root (0.4)
    case word
    /// a synonym set the word belongs to (0.8), so "ongkos" and "biaya" meet
    case concept
    /// an entity type (1), so "UMP Jawa Tengah" and "UMP Aceh" are the same question
    case entity
}

/// Assigns or finds the integer id of a feature. The knowledge compiler interns new features;
/// a query only looks them up, so queries never hash a concatenated string.
protocol FeatureIDs {
    mutating func id(_ kind: FeatureKind, _ key: String) -> Int32?
    /// The id of a root or word form (`kind` `.stem` or `.word`) that also has a number in the
    /// analyser's word table (``Token/stemNumber``, ``Token/surfaceNumber``; -1: none): found
    /// by that number instead of by hashing the string.
    mutating func id(_ kind: FeatureKind, _ key: String, number: Int32) -> Int32?
    /// Adjacent pair of two known features (previous root or entity, then this root).
    mutating func pairID(_ first: Int32, _ second: Int32) -> Int32?
}

/// The feature ids of a compiled knowledge base, one table per kind.
struct FeatureSpace: Sendable, FeatureIDs {
    private(set) var stems: [String: Int32] = [:]
    private(set) var words: [String: Int32] = [:]
    private(set) var concepts: [String: Int32] = [:]
    private(set) var entities: [String: Int32] = [:]
    private(set) var pairs: [Int64: Int32] = [:]
    private(set) var count = 0
    /// Root and word-form ids by the analyser's word number (-1: no such feature), filled by
    /// ``Builder/finish(wordNumbers:)`` for every word of the table.
    private var stemByNumber: [Int32] = []
    private var wordByNumber: [Int32] = []

    func id(_ kind: FeatureKind, _ key: String) -> Int32? {
        switch kind {
        case .stem: stems[key]
        case .word: words[key]
        case .concept: concepts[key]
        case .entity: entities[key]
        }
    }

    func id(_ kind: FeatureKind, _ key: String, number: Int32) -> Int32? {
        let table = kind == .stem ? stemByNumber : kind == .word ? wordByNumber : []
        guard number >= 0, Int(number) < table.count else { return id(kind, key) }
        let found = table[Int(number)]
        return found >= 0 ? found : nil
    }

    func pairID(_ first: Int32, _ second: Int32) -> Int32? {
        pairs[Int64(first) << 32 | Int64(second)]
    }

    /// Interns features while the knowledge is compiled.
    struct Builder: FeatureIDs {
        var space = FeatureSpace()

        mutating func id(_ kind: FeatureKind, _ key: String) -> Int32? {
            if let existing = space.id(kind, key) { return existing }
            let new = Int32(space.count)
            space.count += 1
            switch kind {
            case .stem: space.stems[key] = new
            case .word: space.words[key] = new
            case .concept: space.concepts[key] = new
            case .entity: space.entities[key] = new
            }
            return new
        }

        /// While compiling, the same as ``id(_:_:)`` (first come, first numbered), remembered
        /// by word number.
        mutating func id(_ kind: FeatureKind, _ key: String, number: Int32) -> Int32? {
            guard number >= 0, kind == .stem || kind == .word else { return id(kind, key) }
            let n = Int(number)
            func known(_ table: [Int32]) -> Int32? { n < table.count && table[n] >= 0 ? table[n] : nil }
            if let hit = kind == .stem ? known(space.stemByNumber) : known(space.wordByNumber) { return hit }
            guard let found = id(kind, key) else { return nil }
            func remember(_ table: inout [Int32]) {
                if n >= table.count { table += [Int32](repeating: -1, count: n + 1 - table.count) }
                table[n] = found
            }
            if kind == .stem { remember(&space.stemByNumber) } else { remember(&space.wordByNumber) }
            return found
        }

        /// The finished space, with the root and word-form tables filled for every word of the
        /// analyser's table (so that a look-up by number always agrees with one by string).
        func finish(wordNumbers: [String: Int32]) -> FeatureSpace {
            var space = space
            let size = (wordNumbers.values.max().map { Int($0) + 1 }) ?? 0
            space.stemByNumber = [Int32](repeating: -1, count: size)
            space.wordByNumber = [Int32](repeating: -1, count: size)
            for (word, n) in wordNumbers {
                space.stemByNumber[Int(n)] = space.stems[word] ?? -1
                space.wordByNumber[Int(n)] = space.words[word] ?? -1
            }
            return space
        }

        mutating func pairID(_ first: Int32, _ second: Int32) -> Int32? {
            let key = Int64(first) << 32 | Int64(second)
            if let existing = space.pairs[key] { return existing }
            let new = Int32(space.count)
            space.count += 1
            space.pairs[key] = new
            return new
        }
    }
}

/// Turns analysed tokens into weighted sparse features for the similarity index.
///
/// - a root for every word (weight 1), the word itself when it differs from its root (0.4);
/// - a synonym set for every concept the word starts (0.8);
/// - an entity type for an entity mention (1);
/// - adjacent pairs (previous root or entity type, then this root; 0.35), a little word-order signal.
enum FeatureExtractor {
    /// A message's features: known ids with summed weights (sorted by id), and the roots no
    /// example knows with their summed weights (they count against the match).
    struct Vector {
        var known: [(id: Int32, weight: Float)] = []
        var unknownStems: [(key: String, weight: Float)] = []
    }

    static func features<IDs: FeatureIDs>(_ tokens: [Token], ids: inout IDs) -> Vector {
        var raw: [(id: Int32, weight: Float)] = []
        raw.reserveCapacity(tokens.count * 3)
        var unknown: [(key: String, weight: Float)] = []
        var previous: Int32?
        for t in tokens {
            if let e = t.entity {
                let id = ids.id(.entity, e.type)
                if let id { raw.append((id, 1)) }
                previous = id
                continue
            }
            let stem = ids.id(.stem, t.stem, number: t.stemNumber)
            if let stem { raw.append((stem, 1)) } else if TextAnalyzer.isNumber(t.stem) {
                // A number no example has ("4.750.000", "tujuh belas") says nothing against a match.
            } else if let k = unknown.firstIndex(where: { $0.key == t.stem }) {
                unknown[k].weight += 1
            } else {
                unknown.append((t.stem, 1))
            }
            if t.surface != t.stem, let w = ids.id(.word, t.surface, number: t.surfaceNumber) { raw.append((w, 0.4)) }
            for c in t.concepts { if let id = ids.id(.concept, c.name) { raw.append((id, 0.8)) } }
            if let p = previous, let stem, let pair = ids.pairID(p, stem) { raw.append((pair, 0.35)) }
            previous = stem
        }
        raw.sort { $0.id < $1.id }
        var known: [(id: Int32, weight: Float)] = []
        known.reserveCapacity(raw.count)
        for f in raw {
            if let last = known.last, last.id == f.id { known[known.count - 1].weight += f.weight } else { known.append(f) }
        }
        return Vector(known: known, unknownStems: unknown)
    }
}

extension FeatureSpace: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.write(stems); w.write(words); w.write(concepts); w.write(entities); w.write(pairs); w.write(count)
        w.write(stemByNumber); w.write(wordByNumber)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        stems = try r.read(); words = try r.read(); concepts = try r.read(); entities = try r.read(); pairs = try r.read()
        count = try r.read(); stemByNumber = try r.read(); wordByNumber = try r.read()
        let count = count
        func valid(_ id: Int32) -> Bool { id >= 0 && Int(id) < count }
        guard [stems, words, concepts, entities].allSatisfy({ $0.values.allSatisfy(valid) }), pairs.values.allSatisfy(valid),
              (stemByNumber + wordByNumber).allSatisfy({ $0 >= -1 && Int($0) < count }) else {
            throw .invalid("feature numbers")
        }
    }
}
