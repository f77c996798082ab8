import Foundation

/// Summary of the loaded knowledge, for `info` and logs.
public struct EngineInfo: Codable, Sendable, Equatable {
    public var version: String
    /// SHA-256-like fingerprint of the knowledge and prompt files (hex), changes with any edit.
    public var knowledgeHash: String
    public var topics: [String]
    public var languages: [Language]
    public var intents: Int
    public var examples: Int
    public var loadedAt: Date
    public var loadMilliseconds: Double

    enum CodingKeys: String, CodingKey {
        case version, topics, languages, intents, examples
        case knowledgeHash = "knowledge_hash"
        case loadedAt = "loaded_at"
        case loadMilliseconds = "load_ms"
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

    /// Loads and validates `knowledge` and `prompts` folders.
    /// - Throws: ``LoadFailure`` with every error found (file, line, column, hint).
    public static func load(knowledge: URL, prompts: URL) throws(LoadFailure) -> Engine {
        throw LoadFailure(diagnostics: [Diagnostic(.error, file: knowledge.path, "engine not built yet")])
    }

    init(info: EngineInfo, warnings: [Diagnostic]) {
        self.info = info
        self.warnings = warnings
    }

    /// Answers one message in the given session.
    /// - Parameters:
    ///   - text: the user's message, any size or content (it is cleaned and capped).
    ///   - session: the conversation so far; a fresh `Session()` for a new one.
    ///   - language: forces the answer language (otherwise detected, session as tie-breaker).
    ///   - explain: fill ``Reply/trace`` with the decision trace.
    public func respond(to text: String, in session: Session, language: Language? = nil, explain: Bool = false) -> Reply {
        Reply(text: "", kind: .fallback, topic: "fallback", intent: nil, confidence: 0,
              language: language ?? .id, session: session)
    }

    /// A prompt from `prompts/` rendered in a language (e.g. `greeting`, `help`, `chat_typing`).
    public func prompt(_ key: String, _ language: Language) -> String { key }
}
