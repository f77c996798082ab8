import Foundation

/// Summary of the loaded knowledge, for `info` and logs.
public struct EngineInfo: Codable, Sendable, Equatable {
    public var version: String
    /// Fingerprint of the knowledge and prompt files (hex); changes with any edit.
    public var knowledgeHash: String
    public var topics: [String]
    public var languages: [Language]
    public var intents: Int
    public var examples: Int
    public var loadedAt: Date
    public var loadMilliseconds: Double
    /// Whether the trained model was read from the model cache (see ``ModelCache``).
    public var modelFromCache: Bool
    /// Whether the whole compiled knowledge was read from the cache (unchanged files since an
    /// earlier load; see ``ModelCache``): then `modelFromCache` is true as well.
    public var compiledFromCache: Bool

    enum CodingKeys: String, CodingKey {
        case version, topics, languages, intents, examples
        case knowledgeHash = "knowledge_hash"
        case loadedAt = "loaded_at"
        case loadMilliseconds = "load_ms"
        case modelFromCache = "model_from_cache"
        case compiledFromCache = "compiled_from_cache"
    }

    public init(version: String, knowledgeHash: String, topics: [String], languages: [Language], intents: Int, examples: Int,
                loadedAt: Date, loadMilliseconds: Double, modelFromCache: Bool = false, compiledFromCache: Bool = false) {
        self.modelFromCache = modelFromCache
        self.compiledFromCache = compiledFromCache
        self.version = version
        self.knowledgeHash = knowledgeHash
        self.topics = topics
        self.languages = languages
        self.intents = intents
        self.examples = examples
        self.loadedAt = loadedAt
        self.loadMilliseconds = loadMilliseconds
    }

    /// Reads `info` JSON; `model_from_cache` and `compiled_from_cache` may be missing (older servers).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(String.self, forKey: .version)
        knowledgeHash = try c.decode(String.self, forKey: .knowledgeHash)
        topics = try c.decode([String].self, forKey: .topics)
        languages = try c.decode([Language].self, forKey: .languages)
        intents = try c.decode(Int.self, forKey: .intents)
        examples = try c.decode(Int.self, forKey: .examples)
        loadedAt = try c.decode(Date.self, forKey: .loadedAt)
        loadMilliseconds = try c.decode(Double.self, forKey: .loadMilliseconds)
        modelFromCache = try c.decodeIfPresent(Bool.self, forKey: .modelFromCache) ?? false
        compiledFromCache = try c.decodeIfPresent(Bool.self, forKey: .compiledFromCache) ?? false
    }
}

/// The Karir engine: compiled knowledge plus prompts, answering one message at a time.
///
/// Immutable after loading and safe to share between threads; a reload builds a new engine
/// and swaps it in.
public final class Engine: Sendable {
    public static let version = "0.1.0"

    public let info: EngineInfo
    /// Warnings found while loading (errors make loading fail).
    public let warnings: [Diagnostic]
    /// Where the load's time went (``LoadStages``).
    public let loadStages: LoadStages
    let knowledge: CompiledKnowledge
    let matcher: Matcher
    let entityValues: [String: [String: EntityValue]]
    /// The topics' menus by the words that open them.
    let topicMenus: TopicMenus

    /// Loads and validates `knowledge` and `prompts` folders.
    /// - Parameter modelCache: where trained models and compiled knowledge are kept between loads
    ///   (``ModelCache/standard(environment:)`` for the usual place); nil compiles the knowledge
    ///   and trains the model on every load. With a cache, files unchanged since an earlier load
    ///   are not parsed at all: their compiled form is read back (``EngineInfo/compiledFromCache``).
    /// - Throws: ``LoadFailure`` with every error found (file, line, column, hint).
    public static func load(knowledge: URL, prompts: URL, modelCache: ModelCache? = nil) throws(LoadFailure) -> Engine {
        let start = DispatchTime.now()
        var stages = LoadStages()
        let snapshotKey = modelCache?.keepsCompiledKnowledge == true ? KnowledgeSnapshot.key(knowledge: knowledge, prompts: prompts) : nil
        if let modelCache, let snapshotKey {
            stages.mark("fingerprint of the files")
            if let (compiled, warnings) = modelCache.loadSnapshot(key: snapshotKey, stages: &stages) {
                HeapTrim.afterLoad()
                stages.mark("returning freed memory")
                return Engine(compiled: compiled, warnings: warnings, loadMilliseconds: milliseconds(since: start), loadStages: stages,
                              compiledFromCache: true)
            }
        }
        let (kb, kbDiagnostics) = KnowledgeLoader.load(folder: knowledge)
        let (promptSet, promptDiagnostics) = PromptSet.load(folder: prompts)
        stages.mark("reading and parsing the files")
        var diagnostics = kbDiagnostics + promptDiagnostics
        if diagnostics.contains(where: { $0.severity == .error }) { throw LoadFailure(diagnostics: diagnostics) }
        let (compiled, compileDiagnostics) = CompiledKnowledge.compile(kb, prompts: promptSet, modelCache: modelCache, stages: &stages)
        diagnostics += compileDiagnostics
        guard let compiled, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw LoadFailure(diagnostics: diagnostics)
        }
        // Filed only if no file changed while it was compiled: otherwise the key (read before)
        // would not describe what was compiled.
        if let modelCache, let snapshotKey, KnowledgeSnapshot.key(knowledge: knowledge, prompts: prompts) == snapshotKey {
            modelCache.storeSnapshot(compiled, prompts: promptSet, warnings: diagnostics, key: snapshotKey)
            stages.mark("compiled knowledge filed in the cache")
        }
        HeapTrim.afterLoad()
        return Engine(compiled: compiled, warnings: diagnostics, loadMilliseconds: milliseconds(since: start), loadStages: stages)
    }

    private static func milliseconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    }

    init(compiled: CompiledKnowledge, warnings: [Diagnostic], loadMilliseconds: Double, loadStages: LoadStages = LoadStages(),
         compiledFromCache: Bool = false) {
        self.loadStages = loadStages
        self.knowledge = compiled
        self.matcher = Matcher(knowledge: compiled)
        self.warnings = warnings
        var values: [String: [String: EntityValue]] = [:]
        for (type, list) in compiled.base.entities { for v in list { values[type, default: [:]][v.id] = v } }
        self.entityValues = values
        self.topicMenus = TopicMenus(compiled.base, analyzer: compiled.analyzer)
        self.info = EngineInfo(
            version: Engine.version, knowledgeHash: compiled.base.fingerprint,
            topics: compiled.base.topics.map(\.id), languages: Language.allCases,
            intents: compiled.base.intents.count, examples: compiled.exampleCount,
            loadedAt: Date(), loadMilliseconds: loadMilliseconds, modelFromCache: compiled.index.modelFromCache,
            compiledFromCache: compiledFromCache)
    }

    /// A prompt from `prompts/` rendered in a language (e.g. `greeting`, `help`, `chat_typing`).
    /// Returns an empty string for an unknown key.
    public func prompt(_ key: String, _ language: Language) -> String {
        prompt(key, language, [:])
    }

    func prompt(_ key: String, _ language: Language, _ values: [String: Any]) -> String {
        knowledge.prompts[key]?[language]?.render(values) ?? ""
    }

    /// A prompt, or the given built-in text when `prompts/` does not define the key.
    func promptOr(_ key: String, _ language: Language, _ values: [String: Any] = [:], id: String, en: String) -> String {
        let text = prompt(key, language, values)
        return text.isEmpty ? (language == .id ? id : en) : text
    }
}
