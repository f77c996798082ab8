import KarirCore

/// Where answers come from: the engine in this process or a `karir serve` over TCP.
///
/// The chat controller talks only to this protocol, so both give the same experience.
/// Implementations keep the conversation (session) themselves.
protocol ChatBackend: Sendable {
    /// Answers one message of the conversation.
    /// - Parameters:
    ///   - text: what the person typed (a question, or the number of an offered choice).
    ///   - language: forces the answer language; nil lets the engine detect it.
    /// - Throws: ``ChatError``; a question is never sent twice, whatever the error.
    func ask(_ text: String, language: Language?) async throws(ChatError) -> ReplyPayload

    /// Forgets the conversation so the next message starts a fresh one. Best effort: never fails.
    func reset() async

    /// The interface text `key` from `prompts/` in `language`, or nil when there is none
    /// (or the server cannot be asked right now).
    func prompt(_ key: String, _ language: Language) async -> String?

    /// Connection changes, for the "reconnecting…" indicator. Finishes when the backend closes.
    var statusUpdates: AsyncStream<BackendStatus> { get }

    /// Releases connections and stops retrying.
    func close() async
}
