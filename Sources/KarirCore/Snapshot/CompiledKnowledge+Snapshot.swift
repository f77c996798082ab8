/// The compiled parts of the knowledge in a snapshot: the language layer, the similarity index
/// with its trained model, and the topic-neutral words. Patterns, templates and the per-intent
/// tables are rebuilt from the knowledge when it is read back (``CompiledKnowledge/assemble``):
/// they cost little and hold parsed Mustache templates.

extension CompiledKnowledge {
    /// Writes what ``read(snapshot:)`` needs, with the prompt texts.
    func writeSnapshot(prompts: PromptSet, to w: inout SnapshotWriter) {
        w.write(base); w.write(prompts); w.writeMeasured(analyzer); index.write(to: &w); w.write(topicNeutral)
    }

    /// The compiled knowledge read back, marking each part in `stages`; throws when the snapshot
    /// is damaged or inconsistent. Two cores share the work: one reads
    /// the language layer and compiles the patterns, the other reads the index, checks the
    /// knowledge's references and parses the templates.
    static func read(snapshot r: inout SnapshotReader, stages: inout LoadStages) throws(SnapshotError) -> CompiledKnowledge {
        let base: KnowledgeBase = try r.read()
        let prompts: PromptSet = try r.read()
        stages.mark("knowledge and prompts")
        // Two readers: one for the language layer (then the patterns, which need it), one
        // placed after it for the index. The references are checked and the templates parsed
        // beside the index.
        var analyzerReader = r
        let (analyzerLength, after) = try analyzerReader.skipMeasured()
        let analyzerEnd = analyzerReader.position + analyzerLength
        var indexReader = after
        let (first, second) = Parallel.both({ () -> Result<(Bool, CompiledKnowledge.Templates, [Diagnostic], SimilarityIndex, TopicNeutralFeatures), SnapshotError> in
            do throws(SnapshotError) {
                let index = try SimilarityIndex.read(from: &indexReader, intentCount: base.intents.count)
                let topicNeutral: TopicNeutralFeatures = try indexReader.read()
                guard topicNeutral.entity.count == index.space.count else { throw .invalid("topic-neutral words") }
                // The references between intents, topics, tables and flows are checked again,
                // as the loader checked them: the rest of the engine relies on them.
                var checked = base
                let collector = DiagnosticCollector()
                KnowledgeValidator.validate(&checked, collector: collector)
                var diagnostics: [Diagnostic] = []
                let templates = compileTemplates(base, prompts: prompts, diagnostics: &diagnostics)
                return .success((!collector.diagnostics.contains(where: { $0.severity == .error }), templates, diagnostics, index, topicNeutral))
            } catch {
                return .failure(error)
            }
        }, { () -> Result<(TextAnalyzer, PatternIndex, [Diagnostic]), SnapshotError> in
            do throws(SnapshotError) {
                let analyzer: TextAnalyzer = try analyzerReader.read()
                guard analyzerReader.position == analyzerEnd else { throw .invalid("language layer length") }
                var diagnostics: [Diagnostic] = []
                let patterns = compilePatterns(base, analyzer: analyzer, diagnostics: &diagnostics)
                return .success((analyzer, patterns, diagnostics))
            } catch {
                return .failure(error)
            }
        })
        r = indexReader
        let (referencesHold, templates, templateDiagnostics, index, topicNeutral) = try first.get()
        let (analyzer, patterns, patternDiagnostics) = try second.get()
        guard referencesHold else { throw .invalid("the knowledge's references") }
        guard let compiled = assemble(base: base, analyzer: analyzer, index: index, topicNeutral: topicNeutral, patterns: patterns,
                                      templates: templates, diagnostics: patternDiagnostics + templateDiagnostics) else {
            throw .invalid("the knowledge's patterns or templates")
        }
        stages.mark("language layer, index and patterns (references and templates beside them)")
        return compiled
    }
}

extension TextAnalyzer: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.write(lexicon); w.write(vocabulary); w.write(spellings); w.write(corrector); w.write(stemmer); w.write(detector)
        w.write(conceptPhrases); w.write(longestConcept)
        w.writeCount(entityNames.count)
        for (name, entity) in entityNames { w.write(name); w.write(entity.type); w.write(entity.id) }
        w.write(longestEntity); w.write(wordNumber); w.write(facts); w.write(entityPairs); w.write(conceptPairs)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        lexicon = try r.read(); vocabulary = try r.read(); spellings = try r.read(); corrector = try r.read()
        stemmer = try r.read(); detector = try r.read(); conceptPhrases = try r.read(); longestConcept = try r.read()
        let count = try r.readCount(minimumSize: 12)
        var entityNames: [String: (type: String, id: String)] = [:]
        entityNames.reserveCapacity(count)
        for _ in 0..<count { entityNames[try r.readString()] = (try r.readString(), try r.readString()) }
        self.entityNames = entityNames
        longestEntity = try r.read(); wordNumber = try r.read(); facts = try r.read(); entityPairs = try r.read()
        conceptPairs = try r.read()
        let factCount = facts.count
        guard wordNumber.values.allSatisfy({ $0 >= 0 && Int($0) < factCount }),
              facts.allSatisfy({ $0.stemNumber >= -1 && Int($0.stemNumber) < factCount }) else {
            throw .invalid("word numbers")
        }
    }
}

extension TextAnalyzer.WordFacts: SnapshotCodable {
    func write(to w: inout SnapshotWriter) {
        w.write(expansion); w.write(stem); w.write(startsEntity); w.write(startsConcept)
        w.write(entity?.type); w.write(entity?.id)
        w.write(concepts); w.write(stemConcepts); w.write(languageWeight); w.write(stemNumber)
    }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        expansion = try r.read(); stem = try r.read(); startsEntity = try r.read(); startsConcept = try r.read()
        let type: String? = try r.read(), id: String? = try r.read()
        if let type, let id { entity = (type, id) } else { entity = nil }
        concepts = try r.read(); stemConcepts = try r.read(); languageWeight = try r.read(); stemNumber = try r.read()
    }
}

extension IndonesianStemmer: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.write(dictionary); w.write(exceptions); w.write(foreign) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        dictionary = try r.read(); exceptions = try r.read(); foreign = try r.read()
    }
}

extension LanguageDetector: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.write(weights) }
    init(from r: inout SnapshotReader) throws(SnapshotError) { weights = try r.read() }
}

extension PostingLists: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.write(start); w.write(doc); w.write(weight) }

    init(from r: inout SnapshotReader) throws(SnapshotError) {
        let start: [Int32] = try r.read(), doc: [Int32] = try r.read(), weight: [Float] = try r.read()
        guard start.first == 0, start.last == Int32(doc.count), doc.count == weight.count,
              zip(start, start.dropFirst()).allSatisfy({ $0 <= $1 }) else { throw .invalid("posting lists") }
        self.init(start: start, doc: doc, weight: weight)
    }

    /// Whether every posting names a document (or intent) below `limit`.
    func documents(below limit: Int) -> Bool { doc.allSatisfy { $0 >= 0 && Int($0) < limit } }
}

extension TopicNeutralFeatures: SnapshotCodable {
    func write(to w: inout SnapshotWriter) { w.write(neutral); w.write(entity); w.write(anchor) }
    init(from r: inout SnapshotReader) throws(SnapshotError) {
        neutral = try r.read(); entity = try r.read(); anchor = try r.read()
    }
}

extension SimilarityIndex {
    func write(to w: inout SnapshotWriter) {
        w.write(space); w.write(idf); w.write(examplePostings); w.write(centroidPostings); w.write(exampleBound); w.write(owner); w.write(exampleText)
        w.write(unseenIDF); w.write(dropped); w.write(untaught); w.write(model.weights)
    }

    static func read(from r: inout SnapshotReader, intentCount: Int) throws(SnapshotError) -> SimilarityIndex {
        let space: FeatureSpace = try r.read(), idf: [Float] = try r.read()
        let examples: PostingLists = try r.read(), centroids: PostingLists = try r.read(), bounds: [Float] = try r.read()
        let owner: [Int32] = try r.read(), texts: [String] = try r.read(), unseenIDF: Float = try r.read()
        let dropped: [Bool] = try r.read(), untaught: [Bool] = try r.read(), weights: PostingLists = try r.read()
        let features = space.count
        guard idf.count == features, dropped.count == features, bounds.count == centroids.weight.count, untaught.count == features, texts.count == owner.count,
              [examples, centroids, weights].allSatisfy({ $0.start.count == features + 1 }),
              examples.documents(below: owner.count), centroids.documents(below: intentCount), weights.documents(below: intentCount),
              owner.allSatisfy({ $0 == Int32.min || (Int($0) < intentCount && Int($0) >= -intentCount) }) else {
            throw .invalid("similarity index")
        }
        return SimilarityIndex(space: space, idf: idf, examplePostings: examples, centroidPostings: centroids, exampleBound: bounds, owner: owner,
                               exampleText: texts, unseenIDF: unseenIDF, dropped: dropped, untaught: untaught,
                               intentCount: intentCount, model: LinearModel(weights: weights))
    }
}
