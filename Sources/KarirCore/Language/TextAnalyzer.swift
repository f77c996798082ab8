/// One word of an analysed message.
public struct Token: Sendable, Equatable {
    /// The word as understood (after slang expansion and spelling correction).
    public var surface: String
    /// Its root (Indonesian or English stemming), or the word itself.
    public var stem: String
    /// The word the user typed when spelling correction changed it.
    public var typed: String?
    /// Concept sets this word starts, with how many words the phrase spans.
    public var concepts: [(name: String, length: Int)]
    /// When the token stands for an entity mention ("jawa tengah" → province jawa_tengah).
    public var entity: EntityMention?
    /// Whether the word is known to the knowledge base at all.
    public var known: Bool

    public static func == (a: Token, b: Token) -> Bool {
        a.surface == b.surface && a.stem == b.stem && a.entity == b.entity && a.typed == b.typed
    }
}

/// An entity named in a message.
public struct EntityMention: Sendable, Equatable {
    public var type: String
    public var id: String
    /// The words as they appeared.
    public var text: String
}

/// A message turned into tokens, with its language.
public struct Analysis: Sendable {
    public var tokens: [Token]
    public var language: Language
    public var languageScore: Double
    public var entities: [EntityMention] { tokens.compactMap(\.entity) }
    public var normalized: String { tokens.map(\.surface).joined(separator: " ") }
}

/// The language layer compiled from a knowledge base: slang lexicon, spelling, stemming,
/// synonym phrases, entity names and language detection, applied in that order.
public struct TextAnalyzer: Sendable {
    let lexicon: [String: [String]]
    let vocabulary: Set<String>
    /// Correctly spelled words the knowledge does not use (`words:`): left as they are.
    let spellings: Set<String>
    let corrector: SpellingCorrector
    let stemmer: IndonesianStemmer
    let detector: LanguageDetector
    /// word sequence (joined by a space) → concept names
    let conceptPhrases: [String: [String]]
    let longestConcept: Int
    /// word sequence → entity (type, id)
    let entityNames: [String: (type: String, id: String)]
    let longestEntity: Int
    /// memo of stems for known words
    let stemCache: [String: String]
    /// first words of multi-word entity names and concept phrases: only there is a longer
    /// look-up worth its cost
    let entityStarts: Set<String>
    let conceptStarts: Set<String>

    /// Builds the layer. `corpus` is every text of the knowledge (examples, answers, names),
    /// used as the stemmer's dictionary and the spelling vocabulary; `languageCounts` trains
    /// language detection.
    init(lexicon rawLexicon: [String: String], synonyms: [String: [String]], entities: [String: [EntityValue]],
         spellings: Set<String> = [], corpus: [String: Int], languageCounts: [Language: [String: Int]]) {
        var lexicon: [String: [String]] = [:]
        for (k, v) in rawLexicon { lexicon[k] = TextNormalizer.words(v) }
        self.lexicon = lexicon

        var vocabulary = corpus
        for words in lexicon.values { for w in words { vocabulary[w, default: 0] += 1 } }
        for k in lexicon.keys { vocabulary[k, default: 0] += 1 }
        var conceptPhrases: [String: [String]] = [:]
        var longestConcept = 1
        for (name, members) in synonyms {
            for m in members {
                let words = TextNormalizer.words(m).flatMap { lexicon[$0] ?? [$0] }
                guard !words.isEmpty else { continue }
                for w in words { vocabulary[w, default: 0] += 1 }
                let key = words.joined(separator: " ")
                if !(conceptPhrases[key]?.contains(name) ?? false) { conceptPhrases[key, default: []].append(name) }
                longestConcept = max(longestConcept, words.count)
            }
        }
        var entityNames: [String: (String, String)] = [:]
        var longestEntity = 1
        for (type, values) in entities {
            for v in values {
                for name in v.names + [v.id.replacingOccurrences(of: "_", with: " ")] {
                    let words = TextNormalizer.words(name)
                    guard !words.isEmpty else { continue }
                    for w in words { vocabulary[w, default: 0] += 1 }
                    entityNames[words.joined(separator: " ")] = (type, v.id)
                    longestEntity = max(longestEntity, words.count)
                }
            }
        }
        self.conceptStarts = Set(conceptPhrases.keys.compactMap { k in k.contains(" ") ? k.split(separator: " ").first.map(String.init) : nil })
        self.entityStarts = Set(entityNames.keys.compactMap { k in k.contains(" ") ? k.split(separator: " ").first.map(String.init) : nil })
        self.conceptPhrases = conceptPhrases
        self.longestConcept = min(longestConcept, 6)
        self.entityNames = entityNames
        self.longestEntity = min(longestEntity, 6)
        self.vocabulary = Set(vocabulary.keys)
        // Listed spellings are never corrected, and a typo of one ("sambng") goes to it rather
        // than to a knowledge word further away; knowledge words win ties (count 0 here).
        let spellings = spellings.subtracting(vocabulary.keys)
        self.spellings = spellings
        var targets = vocabulary
        for w in spellings { targets[w] = 0 }
        self.corrector = SpellingCorrector(vocabulary: targets)
        let stemmer = IndonesianStemmer(dictionary: Set(vocabulary.keys))
        self.stemmer = stemmer
        self.detector = LanguageDetector(counts: languageCounts)
        let words = Array(vocabulary.keys)
        let stems = Parallel.map(words) { Self.computeStem($0, stemmer) }
        self.stemCache = Dictionary(uniqueKeysWithValues: zip(words, stems))
    }

    /// Indonesian root first; otherwise an English root, but only when that root is itself a
    /// known word ("applying" → "apply", while slang "mending" must not become "mend").
    static func computeStem(_ word: String, _ stemmer: IndonesianStemmer) -> String {
        let id = stemmer.stem(word)
        if id != word { return id }
        let en = EnglishStemmer.stem(word)
        return en != word && stemmer.dictionary.contains(en) ? en : word
    }

    func stem(_ word: String) -> String { stemCache[word] ?? Self.computeStem(word, stemmer) }

    /// Analyses a message. `sessionLanguage` breaks ties in language detection.
    public func analyze(_ text: String, sessionLanguage: Language?) -> Analysis {
        let (tokens, resolved) = tokensAndWords(text)
        let detection = detector.detect(resolved, fallback: sessionLanguage)
        return Analysis(tokens: tokens, language: detection.language, languageScore: detection.score)
    }

    /// The tokens of a text whose language is known (the knowledge's examples): no detection.
    func tokens(_ text: String) -> [Token] {
        tokensAndWords(text).tokens
    }

    /// The tokens, and the words as resolved before entities and concepts (what language
    /// detection reads).
    private func tokensAndWords(_ text: String) -> (tokens: [Token], resolved: [String]) {
        var words: [String] = []
        for w in TextNormalizer.words(text) { words.append(contentsOf: lexicon[w] ?? [w]) }
        if words.count > 200 { words = Array(words.prefix(200)) }

        // Spelling: elongation, known stems, then nearest known word. Each word is stemmed once
        // here (stemming an unknown word is the costly case) and the root carried along.
        var items: [(word: String, stem: String, typed: String?, known: Bool)] = []
        items.reserveCapacity(words.count)
        for w in words {
            // Known words carry their root in the cache: one look-up.
            if let root = stemCache[w] {
                items.append((w, root, nil, true))
                continue
            }
            if w.utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true || w.first?.isNumber == true {
                items.append((w, stem(w), nil, true))
                continue
            }
            if let d = TextNormalizer.dedoubled(w), vocabulary.contains(d) {
                for x in lexicon[d] ?? [d] { items.append((x, stem(x), nil, true)) }
                continue
            }
            let root = stem(w)
            if root != w, vocabulary.contains(root) {
                items.append((w, root, nil, true))
            } else if !spellings.contains(w), let c = corrector.correct(w) {
                if spellings.contains(c) {
                    // A typo of a listed word: that word, which the examples do not know.
                    items.append((c, stem(c), w, false))
                } else {
                    for (k, x) in (lexicon[c] ?? [c]).enumerated() { items.append((x, stem(x), k == 0 ? w : nil, true)) }
                }
            } else {
                items.append((w, root, nil, false))
            }
        }
        let resolved = items.map(\.word)

        var tokens: [Token] = []
        var i = 0
        while i < resolved.count {
            // Entities: longest name first.
            var matched = false
            var length = entityStarts.contains(resolved[i]) ? min(longestEntity, resolved.count - i) : 1
            while length >= 1 {
                let key = length == 1 ? resolved[i] : resolved[i..<(i + length)].joined(separator: " ")
                if let e = entityNames[key] {
                    let mention = EntityMention(type: e.type, id: e.id, text: key)
                    tokens.append(Token(surface: key, stem: "@" + e.type, typed: nil, concepts: [], entity: mention, known: true))
                    i += length
                    matched = true
                    break
                }
                length -= 1
            }
            if matched { continue }
            let w = resolved[i]
            tokens.append(Token(surface: w, stem: items[i].stem, typed: items[i].typed, concepts: [], entity: nil, known: items[i].known))
            i += 1
        }
        // Concepts: phrases over surfaces, single words by surface or stem.
        for start in tokens.indices where tokens[start].entity == nil {
            var found: [(String, Int)] = []
            let maxLen = conceptStarts.contains(tokens[start].surface) ? min(longestConcept, tokens.count - start) : 1
            if maxLen >= 2 {
                for length in stride(from: maxLen, through: 2, by: -1) {
                    let key = tokens[start..<(start + length)].map(\.surface).joined(separator: " ")
                    if let names = conceptPhrases[key] { for n in names { found.append((n, length)) } }
                }
            }
            for n in conceptPhrases[tokens[start].surface] ?? [] { found.append((n, 1)) }
            if tokens[start].stem != tokens[start].surface {
                for n in conceptPhrases[tokens[start].stem] ?? [] where !found.contains(where: { $0.0 == n }) { found.append((n, 1)) }
            }
            tokens[start].concepts = found.map { (name: $0.0, length: $0.1) }
        }
        return (tokens, resolved)
    }
}
