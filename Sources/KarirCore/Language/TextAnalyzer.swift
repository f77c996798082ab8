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
    /// The numbers of the surface and of the stem in the analyser's word table (-1: not in it),
    /// so that features are found without hashing the strings again.
    var surfaceNumber: Int32 = -1
    var stemNumber: Int32 = -1

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
    /// What the layer knows of each word it knows, so that a known word costs one look-up
    /// instead of one per table (its root, entity and concept names, language vote).
    let wordNumber: [String: Int32]
    let facts: [WordFacts]
    /// The numbers of the first two words of every multi-word entity name and concept phrase:
    /// a longer look-up is only tried where the next word fits.
    let entityPairs: Set<Int64>
    let conceptPairs: Set<Int64>


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
        // Words only the English examples use are never what an Indonesian word is stripped to.
        let english = languageCounts[.en] ?? [:], indonesian = languageCounts[.id] ?? [:]
        let foreign = Set(english.keys.filter { indonesian[$0] == nil && lexicon[$0] == nil })
        let stemmer = IndonesianStemmer(dictionary: Set(vocabulary.keys), foreign: foreign)
        self.stemmer = stemmer
        let detector = LanguageDetector(counts: languageCounts)
        self.detector = detector
        let table = Self.wordTable(words: Array(vocabulary.keys), stemmer: stemmer, lexicon: lexicon, detector: detector,
                                   conceptPhrases: conceptPhrases, entityNames: entityNames)
        self.wordNumber = table.numbers
        self.facts = table.facts
        self.entityPairs = table.entityPairs
        self.conceptPairs = table.conceptPairs
    }

    /// Indonesian root first; otherwise an English root, but only when that root is itself a
    /// known word ("applying" → "apply", while slang "mending" must not become "mend").
    static func computeStem(_ word: String, _ stemmer: IndonesianStemmer) -> String {
        let id = stemmer.stem(word)
        if id != word || stemmer.exceptions.contains(word) { return id }
        let en = EnglishStemmer.stem(word)
        guard en != word else { return word }
        // A verb whose -ing or -ed took its final e with it: "taking" is "take", "caring" is
        // "care" and "noted" is "note" when those are known, not "tak", "car" and "not".
        // Only between English words: the root is a word only English examples use, and so
        // is the word, if the knowledge has it ("paling" is Indonesian, not "pale"; "ending" is
        // not the town of Ende). Not after a doubled consonant: "sitting" is "sit", not "site".
        let plain = word.hasSuffix("ing") ? word.dropLast(3) : word.hasSuffix("ed") ? word.dropLast(2) : ""
        if !plain.isEmpty, plain == en, !en.hasSuffix("e"), stemmer.foreign.contains(en + "e"),
           stemmer.foreign.contains(word) || !stemmer.dictionary.contains(word) { return en + "e" }
        return stemmer.dictionary.contains(en) ? en : word
    }

    func stem(_ word: String) -> String { wordNumber[word].flatMap { facts[Int($0)].stem } ?? Self.computeStem(word, stemmer) }

    /// Numbers written as words ("dua ratus ribu", "tujuh belas", "three hundred"): like digits,
    /// known words that no example needs, so a number spelt out does not count against the
    /// match as an unknown word would.
    static let numberWords: Set<String> = [
        "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
        "sebelas", "belas", "puluh", "seratus", "ratus", "seribu", "ribu", "sejuta", "juta", "miliar", "setengah",
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
        "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
    ]

    /// Digits (of any script), or a number written as a word (``numberWords``).
    static func isNumber(_ word: String) -> Bool {
        word.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } == true || word.first?.isNumber == true || numberWords.contains(word)
    }

    /// Javanese and Sundanese suffixes on an Indonesian or regional word: "-ne"/"-e" (its,
    /// "gajine", "syarate"), "-ke"/"-ake" and "-keun" (-kan, "didaftarke", "daftarkeun") and
    /// Sundanese "-na" (its, "carana"), and the Javanese polite "-nipun"/"-ipun" (its,
    /// "caranipun", "biayanipun", "kantoripun"). The word without the suffix when that is a lexicon word
    /// ("kerjone" → "kerjo", read as "kerja") or an Indonesian word of the knowledge, so that a
    /// regional form reads as its word instead of being "corrected" to a look-alike. Nil
    /// otherwise, and for English words ("care" is not "car" + "-e").
    func regionalBase(_ word: String) -> String? {
        for suffix in Self.regionalSuffixes where word.hasSuffix(suffix) {
            let base = String(word.dropLast(suffix.count))
            guard base.count >= (suffix == "na" ? 4 : 3) else { continue }
            if lexicon[base] != nil { return base }
            if let n = wordNumber[base], facts[Int(n)].languageWeight > 0 { return base }
        }
        return nil
    }

    /// Longest first, so that "-keun" is tried before "-ne" and "-e".
    static let regionalSuffixes = ["nipun", "ipun", "keun", "ake", "ne", "ke", "na", "e"]

    /// Analyses a message. `sessionLanguage` breaks ties in language detection.
    public func analyze(_ text: String, sessionLanguage: Language?) -> Analysis {
        let (tokens, score) = tokensAndLanguage(text)
        let detection = LanguageDetector.decide(score, fallback: sessionLanguage)
        return Analysis(tokens: tokens, language: detection.language, languageScore: detection.score)
    }

    /// The tokens of a text whose language is known (the knowledge's examples), from its
    /// words (``TextNormalizer/words(_:)``).
    func tokens(words: [String]) -> [Token] {
        tokensAndLanguage(words: words).tokens
    }

    /// The tokens, and the language detector's score of the words as resolved before entities
    /// and concepts.
    private func tokensAndLanguage(_ text: String) -> (tokens: [Token], languageScore: Double) {
        tokensAndLanguage(words: TextNormalizer.words(text))
    }

    private func tokensAndLanguage(words normalized: [String]) -> (tokens: [Token], languageScore: Double) {
        // Each word with the number of its facts (one look-up per word; -1: none); the
        // lexicon's replacements are looked up in turn.
        var words: [(word: String, n: Int32)] = []
        // The expansion of an abbreviation written in both languages ("btw" → "by the way") casts
        // no language vote: "btw umr klaten brp ya" is Indonesian.
        var bilingualVotes = 0.0
        for w in normalized {
            let n = wordNumber[w] ?? -1
            if n >= 0, let expansion = facts[Int(n)].expansion {
                for x in expansion {
                    let m = wordNumber[x] ?? -1
                    words.append((x, m))
                    if m >= 0, LanguageDetector.bilingualAbbreviations.contains(w) { bilingualVotes += facts[Int(m)].languageWeight }
                }
            } else {
                words.append((w, n))
            }
        }
        if words.count > 200 { words = Array(words.prefix(200)) }

        // Spelling: elongation, known stems, then nearest known word. Each word is stemmed once
        // here (stemming an unknown word is the costly case) and the root carried along.
        var items: [(word: String, stem: String, typed: String?, known: Bool, n: Int32)] = []
        items.reserveCapacity(words.count)
        func known(_ x: String, typed: String? = nil) {
            let n = wordNumber[x] ?? -1
            items.append((x, (n >= 0 ? facts[Int(n)].stem : nil) ?? Self.computeStem(x, stemmer), typed, true, n))
        }
        for (w, n) in words {
            // Known words carry their root.
            if n >= 0, let root = facts[Int(n)].stem {
                items.append((w, root, nil, true, n))
                continue
            }
            if Self.isNumber(w) {
                known(w)
                continue
            }
            if let d = TextNormalizer.dedoubled(w), vocabulary.contains(d) {
                for x in lexicon[d] ?? [d] { known(x) }
                continue
            }
            let root = stem(w)
            if root != w, vocabulary.contains(root) {
                items.append((w, root, nil, true, n))
            } else if let base = regionalBase(w) {
                for x in lexicon[base] ?? [base] { known(x) }
            } else if !spellings.contains(w), let c = corrector.correct(w) ?? corrector.expandVowelless(w) {
                if spellings.contains(c) {
                    // A typo of a listed word: that word, which the examples do not know.
                    known(c, typed: w)
                    items[items.count - 1].known = false
                } else {
                    for (k, x) in (lexicon[c] ?? [c]).enumerated() { known(x, typed: k == 0 ? w : nil) }
                }
            } else if let parts = segment(w) {
                for part in parts {
                    for x in lexicon[part] ?? [part] { known(x) }
                }
            } else {
                items.append((w, root, nil, false, n))
            }
        }
        var languageScore = -bilingualVotes
        for item in items where item.n >= 0 { languageScore += facts[Int(item.n)].languageWeight }

        var tokens: [Token] = []
        tokens.reserveCapacity(items.count)
        /// Per token, the number of its word's facts (-1 for none and for entities).
        var tokenFacts: [Int32] = []
        tokenFacts.reserveCapacity(items.count)
        var i = 0
        while i < items.count {
            // Entities: longest name first.
            let n = items[i].n
            if n >= 0 && facts[Int(n)].startsEntity, i + 1 < items.count, entityPairs.contains(Self.pair(n, items[i + 1].n)) {
                var length = min(longestEntity, items.count - i)
                var matched = false
                while length >= 2 {
                    let key = items[i..<(i + length)].map(\.word).joined(separator: " ")
                    if let e = entityNames[key] {
                        let mention = EntityMention(type: e.type, id: e.id, text: key)
                        tokens.append(Token(surface: key, stem: "@" + e.type, typed: nil, concepts: [], entity: mention, known: true))
                        tokenFacts.append(-1)
                        i += length
                        matched = true
                        break
                    }
                    length -= 1
                }
                if matched { continue }
            }
            if n >= 0, let e = facts[Int(n)].entity {
                let key = items[i].word
                tokens.append(Token(surface: key, stem: "@" + e.type, typed: nil, concepts: [], entity: EntityMention(type: e.type, id: e.id, text: key), known: true))
                tokenFacts.append(-1)
                i += 1
                continue
            }
            let stemNumber = n >= 0 && facts[Int(n)].stem == items[i].stem ? facts[Int(n)].stemNumber : (wordNumber[items[i].stem] ?? -1)
            tokens.append(Token(surface: items[i].word, stem: items[i].stem, typed: items[i].typed, concepts: [], entity: nil, known: items[i].known,
                                surfaceNumber: n, stemNumber: stemNumber))
            tokenFacts.append(n)
            i += 1
        }
        // Concepts: phrases over surfaces, single words by surface or stem. Every concept word
        // is in the vocabulary, so a word without facts can only reach one through its root.
        for start in tokens.indices where tokens[start].entity == nil {
            let n = Int(tokenFacts[start])
            var found: [(name: String, length: Int)] = []
            let maxLen = n >= 0 && facts[n].startsConcept && start + 1 < tokens.count
                && conceptPairs.contains(Self.pair(Int32(n), firstWordNumber(tokens[start + 1], tokenFacts[start + 1])))
                ? min(longestConcept, tokens.count - start) : 1
            if maxLen >= 2 {
                for length in stride(from: maxLen, through: 2, by: -1) {
                    let key = tokens[start..<(start + length)].map(\.surface).joined(separator: " ")
                    if let names = conceptPhrases[key] { for name in names { found.append((name, length)) } }
                }
            }
            if n >= 0 { for name in facts[n].concepts { found.append((name, 1)) } }
            if tokens[start].stem != tokens[start].surface {
                // The root's concepts: known with the word when the token carries the word's
                // own root, looked up otherwise.
                let stemConcepts = if n >= 0, facts[n].stem == tokens[start].stem { facts[n].stemConcepts } else { conceptPhrases[tokens[start].stem] ?? [] }
                for name in stemConcepts where !found.contains(where: { $0.name == name }) { found.append((name, 1)) }
            }
            if !found.isEmpty { tokens[start].concepts = found }
        }
        return (tokens, languageScore)
    }
}
