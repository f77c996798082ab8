/// The analyser's table of known words: one look-up gives everything the analyser needs about
/// a word (see ``TextAnalyzer/facts``).
extension TextAnalyzer {
    /// Everything the analyser needs about one known word, gathered at load.
    struct WordFacts: Sendable {
        /// The lexicon's replacement words, if the lexicon lists the word.
        var expansion: [String]?
        /// Its root, for words of the vocabulary (nil for words only the language detector or
        /// the lexicon knows).
        var stem: String?
        /// The word begins a multi-word entity name or concept phrase: only then is a longer
        /// look-up worth its cost.
        var startsEntity = false
        var startsConcept = false
        /// The entity the word alone names.
        var entity: (type: String, id: String)?
        /// Concepts the word alone belongs to, and those its root belongs to.
        var concepts: [String] = []
        var stemConcepts: [String] = []
        /// Its vote in language detection (positive: Indonesian).
        var languageWeight: Double = 0
        /// The number of its root in the same table (-1: the root is not in it).
        var stemNumber: Int32 = -1
    }

    /// Builds the table: every vocabulary word with its root (stemmed in parallel), entity and
    /// concept names, plus the words only the language detector or the lexicon knows; and the
    /// first-word pairs of multi-word names.
    static func wordTable(words: [String], stemmer: IndonesianStemmer, lexicon: [String: [String]], detector: LanguageDetector,
                          conceptPhrases: [String: [String]], entityNames: [String: (type: String, id: String)])
        -> (numbers: [String: Int32], facts: [WordFacts], entityPairs: Set<Int64>, conceptPairs: Set<Int64>) {
        func firstWords(_ keys: some Sequence<String>) -> Set<String> {
            Set(keys.compactMap { k in k.contains(" ") ? k.split(separator: " ").first.map(String.init) : nil })
        }
        let conceptStarts = firstWords(conceptPhrases.keys)
        let entityStarts = firstWords(entityNames.keys)
        let stems = Parallel.map(words) { computeStem($0, stemmer) }
        var numbers: [String: Int32] = [:]
        var facts: [WordFacts] = []
        numbers.reserveCapacity(words.count + detector.weights.count)
        facts.reserveCapacity(words.count + detector.weights.count)
        func number(_ word: String) -> Int {
            if let n = numbers[word] { return Int(n) }
            numbers[word] = Int32(facts.count)
            facts.append(WordFacts())
            return facts.count - 1
        }
        for (word, stem) in zip(words, stems) {
            var f = WordFacts()
            f.stem = stem
            f.startsEntity = entityStarts.contains(word)
            f.startsConcept = conceptStarts.contains(word)
            f.entity = entityNames[word]
            f.concepts = conceptPhrases[word] ?? []
            if stem != word { f.stemConcepts = conceptPhrases[stem] ?? [] }
            facts[number(word)] = f
        }
        for (word, weight) in detector.weights { facts[number(word)].languageWeight = weight }
        for (word, expansion) in lexicon { facts[number(word)].expansion = expansion }
        for k in facts.indices { if let stem = facts[k].stem { facts[k].stemNumber = numbers[stem] ?? -1 } }
        func firstPairs(_ keys: some Sequence<String>) -> Set<Int64> {
            var pairs = Set<Int64>()
            for key in keys where key.contains(" ") {
                let words = key.split(separator: " ", maxSplits: 2)
                if words.count >= 2, let a = numbers[String(words[0])], let b = numbers[String(words[1])] {
                    pairs.insert(pair(a, b))
                }
            }
            return pairs
        }
        return (numbers, facts, firstPairs(entityNames.keys), firstPairs(conceptPhrases.keys))
    }

    static func pair(_ a: Int32, _ b: Int32) -> Int64 { Int64(a) << 32 | Int64(UInt32(bitPattern: b)) }

    /// The number of a token's first word (an entity's surface can be several words); -1 when
    /// the word has no facts.
    func firstWordNumber(_ token: Token, _ number: Int32) -> Int32 {
        guard token.entity != nil else { return number }
        let first = token.surface.split(separator: " ", maxSplits: 1).first.map(String.init) ?? token.surface
        return wordNumber[first] ?? -1
    }

}
