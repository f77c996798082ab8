import Foundation

/// The knowledge base compiled for answering: analyser, similarity index, patterns and
/// templates, built once at load time and only read afterwards.
final class CompiledKnowledge: Sendable {
    let base: KnowledgeBase
    let analyzer: TextAnalyzer
    let index: SimilarityIndex
    /// Patterns, most specific first, indexed by the words they need.
    let patterns: PatternIndex
    let intentIndex: [String: Int]
    let topicIndex: [String: TopicDefinition]
    let answers: [[Language: AnswerTemplate]]
    let asks: [[Language: AnswerTemplate]]
    let missing: [[Language: AnswerTemplate]]
    let prompts: [String: [Language: AnswerTemplate]]
    /// Examples per intent (positives only), for statistics.
    let exampleCount: Int
    /// Per intent, precomputed so that scoring never copies an intent definition.
    let intentTopicNumber: [Int]
    let followUpIndices: [[Int]]
    let intentContexts: [[String]]
    /// Whether an intent has a `context` (checked for every candidate; no array touched).
    let hasContext: [Bool]
    let topicNumber: [String: Int]
    /// Per intent, its topic's priority (looked up for every candidate by the dialogue rules).
    let intentPriority: [TopicPriority]
    /// Words that do not tell topics apart, for recognising elliptical follow-ups.
    let topicNeutral: TopicNeutralFeatures
    /// The referral (index into `base.referrals`) of each referral's example text.
    let referralOfExample: [String: Int]
    /// The phrases of ``MatchSettings/abroadWords`` as words, by their first word.
    let abroadPhrases: [String: [[String]]]
    /// The phrases of ``MatchSettings/employerWords`` as words, by their first word.
    let employerPhrases: [String: [[String]]]
    /// Per intent, whether its answer is written for employers (`audience: employer`).
    let forEmployers: [Bool]

    init(base: KnowledgeBase, analyzer: TextAnalyzer, index: SimilarityIndex, patterns: PatternIndex, intentIndex: [String: Int], topicIndex: [String: TopicDefinition], answers: [[Language: AnswerTemplate]], asks: [[Language: AnswerTemplate]], missing: [[Language: AnswerTemplate]], prompts: [String: [Language: AnswerTemplate]], exampleCount: Int, intentTopicNumber: [Int], followUpIndices: [[Int]], intentContexts: [[String]], hasContext: [Bool], topicNumber: [String: Int], topicNeutral: TopicNeutralFeatures) {
        self.base = base
        self.analyzer = analyzer
        self.index = index
        self.patterns = patterns
        self.intentIndex = intentIndex
        self.topicIndex = topicIndex
        self.answers = answers
        self.asks = asks
        self.missing = missing
        self.prompts = prompts
        self.exampleCount = exampleCount
        self.intentTopicNumber = intentTopicNumber
        self.followUpIndices = followUpIndices
        self.intentContexts = intentContexts
        self.hasContext = hasContext
        self.topicNumber = topicNumber
        self.topicNeutral = topicNeutral
        self.intentPriority = base.intents.map { topicIndex[$0.topic]?.priority ?? .normal }
        var referralOfExample: [String: Int] = [:]
        for (i, referral) in base.referrals.enumerated() {
            for examples in referral.examples.values { for e in examples where referralOfExample[e.value] == nil { referralOfExample[e.value] = i } }
        }
        self.referralOfExample = referralOfExample
        self.abroadPhrases = Self.phrasesByFirstWord(base.settings.abroadWords)
        self.employerPhrases = Self.phrasesByFirstWord(base.settings.employerWords)
        self.forEmployers = base.intents.map { $0.audience == .employer }
    }

    /// Phrases as words, grouped by their first word (for finding them in a message's tokens).
    static func phrasesByFirstWord(_ phrases: [String]) -> [String: [[String]]] {
        var byFirst: [String: [[String]]] = [:]
        for phrase in phrases {
            let words = phrase.split(separator: " ").map(String.init)
            if let first = words.first { byFirst[first, default: []].append(words) }
        }
        return byFirst
    }

    static func compile(_ kb: KnowledgeBase, prompts: PromptSet, modelCache: ModelCache? = nil, stages: inout LoadStages,
                        denseLimit: Int = OwnerRanges.maxExamples) -> (CompiledKnowledge?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []

        // Every example, negative example and out-of-scope question is split into words once
        // (in parallel): the words feed the corpus counts and, once the language layer is
        // built, the analysis of the examples.
        let texts = indexedTexts(kb)
        let textWords = Parallel.map(texts) { TextNormalizer.words($0.text.value) }
        // Corpus and language statistics: those words plus the other texts of the knowledge
        // (answers, titles, pattern words), counted in parallel over slices and summed (counts
        // do not depend on the order).
        var otherTexts: [(String, Language?)] = []
        for intent in kb.intents {
            for (lang, a) in intent.answer { otherTexts.append((a.value, lang)) }
            otherTexts.append((intent.title.id, .id)); otherTexts.append((intent.title.en, .en))
            // Pattern words are knowledge words too: otherwise "hajar" in a pattern would be
            // unknown, and a message saying "hajar" would be corrected to "wajar".
            for p in intent.patterns { otherTexts.append((Self.patternWords(p.value).joined(separator: " "), nil)) }
        }
        var corpusWords: [(words: [String], language: Language?)] = zip(texts, textWords).map { ($1, $0.language) }
        corpusWords += Parallel.map(otherTexts) { (TextNormalizer.words($0.0), $0.1) }
        let (corpus, languageCounts) = Self.wordCounts(corpusWords)
        stages.mark("corpus word counts")
        let analyzer = TextAnalyzer(lexicon: kb.lexicon.mapValues(\.value), synonyms: kb.synonyms.mapValues { $0.map(\.value) }, entities: kb.entities,
                                    spellings: kb.spellings,
                                    corpus: corpus, languageCounts: languageCounts)
        stages.mark("language layer (stems, spelling index, word table)")

        // Similarity index.
        // Every example, negative example and out-of-scope question, analysed in parallel; the
        // features are then numbered in this fixed order, so ids never depend on scheduling.
        let analysed = Parallel.map(textWords) { analyzer.tokens(words: $0) }
        stages.mark("analysing the examples")
        var space = FeatureSpace.Builder()
        var docs: [SimilarityIndex.Document] = []
        docs.reserveCapacity(texts.count)
        for (t, tokens) in zip(texts, analysed) {
            docs.append(.init(features: FeatureExtractor.features(tokens, ids: &space).known, owner: t.owner, text: t.text.value))
        }
        stages.mark("numbering features")
        let featureSpace = space.finish(wordNumbers: analyzer.wordNumber)
        let index = SimilarityIndex(documents: docs, space: featureSpace, intentCount: kb.intents.count, modelCache: modelCache,
                                    denseLimit: denseLimit)
        stages.mark(index.modelFromCache ? "similarity index, model from the cache" : "similarity index, model trained")
        let topicNumber = topicNumber(kb)
        let topicNeutral = TopicNeutralFeatures(documents: docs, topicOfIntent: kb.intents.map { topicNumber[$0.topic] ?? -1 },
                                                topics: kb.topics.count, space: featureSpace)
        let compiled = assemble(base: kb, prompts: prompts, analyzer: analyzer, index: index, topicNeutral: topicNeutral,
                                diagnostics: &diagnostics)
        stages.mark("topic-neutral words, patterns, templates")
        return (compiled, diagnostics)
    }

    /// Each topic's number (its place among the declared topics; the first of a repeated id).
    static func topicNumber(_ kb: KnowledgeBase) -> [String: Int] {
        var topicNumber: [String: Int] = [:]
        for (n, t) in kb.topics.enumerated() where topicNumber[t.id] == nil { topicNumber[t.id] = n }
        return topicNumber
    }

    /// The compiled knowledge from its language layer, index and topic-neutral words (compiled
    /// now or read from a snapshot): patterns and templates are compiled here, with their
    /// errors added to `diagnostics` (nil when there are any).
    static func assemble(base kb: KnowledgeBase, prompts: PromptSet, analyzer: TextAnalyzer, index: SimilarityIndex,
                         topicNeutral: TopicNeutralFeatures, diagnostics: inout [Diagnostic]) -> CompiledKnowledge? {
        let patterns = compilePatterns(kb, analyzer: analyzer, diagnostics: &diagnostics)
        let templates = compileTemplates(kb, prompts: prompts, diagnostics: &diagnostics)
        return assemble(base: kb, analyzer: analyzer, index: index, topicNeutral: topicNeutral, patterns: patterns, templates: templates,
                        diagnostics: diagnostics)
    }

    /// The compiled knowledge from its parts, or nil when `diagnostics` hold an error.
    static func assemble(base kb: KnowledgeBase, analyzer: TextAnalyzer, index: SimilarityIndex, topicNeutral: TopicNeutralFeatures,
                         patterns: PatternIndex, templates: Templates, diagnostics: [Diagnostic]) -> CompiledKnowledge? {
        if diagnostics.contains(where: { $0.severity == .error }) { return nil }
        var intentIndex: [String: Int] = [:]
        for (i, intent) in kb.intents.enumerated() { intentIndex[intent.id] = intentIndex[intent.id] ?? i }
        let topicNumber = topicNumber(kb)
        return CompiledKnowledge(
            base: kb, analyzer: analyzer, index: index, patterns: patterns, intentIndex: intentIndex,
            topicIndex: Dictionary(kb.topics.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
            answers: templates.answers, asks: templates.asks, missing: templates.missing, prompts: templates.prompts,
            exampleCount: index.owner.count { $0 >= 0 },
            intentTopicNumber: kb.intents.map { topicNumber[$0.topic] ?? -2 },
            followUpIndices: kb.intents.map { $0.followUps.compactMap { intentIndex[$0.value] } },
            intentContexts: kb.intents.map { $0.context.map(\.value) },
            hasContext: kb.intents.map { !$0.context.isEmpty },
            topicNumber: topicNumber, topicNeutral: topicNeutral)
    }

    /// Every intent's patterns, compiled with `analyzer`'s words and indexed, most specific
    /// first; a pattern that does not parse or names an unknown synonym set adds an error.
    static func compilePatterns(_ kb: KnowledgeBase, analyzer: TextAnalyzer, diagnostics: inout [Diagnostic]) -> PatternIndex {
        var patterns: [Pattern] = []
        for (i, intent) in kb.intents.enumerated() {
            for p in intent.patterns {
                do {
                    patterns.append(try Pattern(p.value, intent: i) { word in
                        // A pattern word is never spell-corrected: "hajar", unknown to the
                        // examples, must not become "wajar".
                        analyzer.analyze(word, sessionLanguage: nil).tokens.map { t in
                            t.typed.map { ($0, analyzer.stem($0)) } ?? (t.surface, t.stem)
                        }
                    })
                } catch {
                    diagnostics.append(Diagnostic(.error, file: p.file, line: p.line, column: p.column,
                                                  "pattern of `\(intent.id)`: \(error.description)",
                                                  hint: "close every ( and [ and separate alternatives with |"))
                }
                for case let name in Self.conceptReferences(p.value) where kb.synonyms[name] == nil {
                    diagnostics.append(Diagnostic(.error, file: p.file, line: p.line, column: p.column,
                                                  "pattern of `\(intent.id)` uses unknown synonym set `~\(name)`",
                                                  hint: "declare it under `synonyms:` or fix the name"))
                }
            }
        }
        patterns.sort { ($0.literalCount, -$0.wildcardCount) > ($1.literalCount, -$1.wildcardCount) }
        return PatternIndex(patterns, wordNumbers: analyzer.wordNumber)
    }

    /// The parsed answer, ask, missing-value and prompt templates.
    struct Templates: Sendable {
        var answers: [[Language: AnswerTemplate]] = []
        var asks: [[Language: AnswerTemplate]] = []
        var missing: [[Language: AnswerTemplate]] = []
        var prompts: [String: [Language: AnswerTemplate]] = [:]
    }

    /// Every template of the knowledge and the prompts, parsed; one that does not parse adds an
    /// error. Needs no language layer, so a snapshot's read runs it beside the rest.
    static func compileTemplates(_ kb: KnowledgeBase, prompts: PromptSet, diagnostics: inout [Diagnostic]) -> Templates {
        func compileTemplate(_ text: String, at: Located<String>?, what: String) -> AnswerTemplate? {
            do { return try AnswerTemplate(text) } catch {
                diagnostics.append(Diagnostic(.error, file: at?.file ?? "", line: at?.line ?? 0, column: at?.column ?? 0,
                                              "the template of \(what) does not parse: \(error)",
                                              hint: "every {{#section}} needs a matching {{/section}}; values are written {{name}}"))
                return nil
            }
        }
        var templates = Templates()
        for intent in kb.intents {
            var a: [Language: AnswerTemplate] = [:], k: [Language: AnswerTemplate] = [:], m: [Language: AnswerTemplate] = [:]
            for lang in Language.allCases {
                if let text = intent.answer[lang] { a[lang] = compileTemplate(text.value, at: text, what: "`\(intent.id)` (\(lang.rawValue))") }
                if let ask = intent.ask { k[lang] = compileTemplate(ask[lang], at: intent.location, what: "ask of `\(intent.id)`") }
                if let miss = intent.missing { m[lang] = compileTemplate(miss[lang], at: intent.location, what: "missing of `\(intent.id)`") }
            }
            templates.answers.append(a); templates.asks.append(k); templates.missing.append(m)
        }
        for (key, text) in prompts.texts {
            for lang in Language.allCases {
                templates.prompts[key, default: [:]][lang] = compileTemplate(text[lang], at: nil, what: "prompt `\(key)`")
            }
        }
        return templates
    }

    static func compile(_ kb: KnowledgeBase, prompts: PromptSet, modelCache: ModelCache? = nil,
                        denseLimit: Int = OwnerRanges.maxExamples) -> (CompiledKnowledge?, [Diagnostic]) {
        var stages = LoadStages()
        return compile(kb, prompts: prompts, modelCache: modelCache, stages: &stages, denseLimit: denseLimit)
    }

    /// How often each word occurs in the texts' words, overall and per language.
    static func wordCounts(_ texts: [(words: [String], language: Language?)]) -> (all: [String: Int], perLanguage: [Language: [String: Int]]) {
        let slices = stride(from: 0, to: texts.count, by: 2_000).map { texts[$0..<min($0 + 2_000, texts.count)] }
        let counted = Parallel.map(slices) { slice in
            var all: [String: Int] = [:]
            var perLanguage: [Language: [String: Int]] = [:]
            for (words, lang) in slice {
                for w in words {
                    all[w, default: 0] += 1
                    if let lang { perLanguage[lang, default: [:]][w, default: 0] += 1 }
                }
            }
            return (all, perLanguage)
        }
        guard var all = counted.first?.0, var perLanguage = counted.first?.1 else { return ([:], [:]) }
        for (a, p) in counted.dropFirst() {
            all.merge(a, uniquingKeysWith: +)
            for (lang, counts) in p { perLanguage[lang, default: [:]].merge(counts, uniquingKeysWith: +) }
        }
        return (all, perLanguage)
    }

    /// The texts the similarity index stores, in its order: grouped by owner (each intent's
    /// examples, then each intent's negative examples, then out-of-scope questions), so that the
    /// index can take each intent's best example from one range. Owners as in
    /// ``SimilarityIndex/owner``.
    static func indexedTexts(_ kb: KnowledgeBase) -> [(text: Located<String>, language: Language, owner: Int32)] {
        var texts: [(text: Located<String>, language: Language, owner: Int32)] = []
        for (i, intent) in kb.intents.enumerated() {
            for lang in Language.allCases { for e in intent.examples[lang] ?? [] { texts.append((e, lang, Int32(i))) } }
        }
        for (i, intent) in kb.intents.enumerated() {
            for lang in Language.allCases { for e in intent.negatives[lang] ?? [] { texts.append((e, lang, Int32(-1 - i))) } }
        }
        for lang in Language.allCases { for e in kb.outOfScope[lang] ?? [] { texts.append((e, lang, Int32.min)) } }
        for referral in kb.referrals {
            for lang in Language.allCases { for e in referral.examples[lang] ?? [] { texts.append((e, lang, Int32.min)) } }
        }
        return texts
    }

    /// The plain words of a pattern: no wildcards, prefixes (`kerj*`) or concept names (`~biaya`).
    static func patternWords(_ pattern: String) -> [String] {
        let pieces = pattern.split { $0 == " " || $0 == "(" || $0 == ")" || $0 == "[" || $0 == "]" || $0 == "|" }
        return pieces.filter { !$0.hasPrefix("~") && !$0.hasSuffix("*") && $0 != "*" }.map(String.init)
    }

    static func conceptReferences(_ pattern: String) -> [String] {
        var out: [String] = []
        var current: String?
        for c in pattern {
            if c == "~" { current = ""; continue }
            if var cur = current {
                if c.isLetter || c.isNumber || c == "_" { cur.append(c); current = cur } else {
                    if !cur.isEmpty { out.append(cur) }
                    current = nil
                }
            }
        }
        if let cur = current, !cur.isEmpty { out.append(cur) }
        return out
    }
}
