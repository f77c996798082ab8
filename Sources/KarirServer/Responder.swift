import KarirCore

/// What the server needs from an engine: answer a message, describe the knowledge, render a prompt.
///
/// ``KarirCore/Engine`` conforms; tests use small deterministic responders. Implementations are
/// immutable and thread-safe: the server calls them from several event loops at once and swaps
/// whole responders on reload (see ``EngineHolder``).
public protocol Responder: Sendable {
    /// Answers `text` in `session`; the returned ``Reply`` carries the updated session.
    func respond(to text: String, in session: Session, language: Language?) -> Reply
    /// Version and fingerprint of the loaded knowledge.
    var info: EngineInfo { get }
    /// An interface text from `prompts/` (e.g. `greeting`, `chat_typing`); empty when unknown.
    func prompt(_ key: String, _ language: Language) -> String
}

extension Engine: Responder {
    public func respond(to text: String, in session: Session, language: Language?) -> Reply {
        respond(to: text, in: session, language: language, explain: false)
    }
}
