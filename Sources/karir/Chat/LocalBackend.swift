import KarirCore

/// Answers with an ``Engine`` loaded in this process; the ``Session`` lives here.
actor LocalBackend: ChatBackend {
    private let engine: Engine
    private var session: Session
    private let initialLanguage: Language?
    nonisolated let statusUpdates: AsyncStream<BackendStatus>
    private let statusContinuation: AsyncStream<BackendStatus>.Continuation

    /// - Parameter language: the language a fresh session starts with (nil: detect).
    init(engine: Engine, language: Language?) {
        self.engine = engine
        self.initialLanguage = language
        self.session = Session(language: language)
        (statusUpdates, statusContinuation) = AsyncStream.makeStream(of: BackendStatus.self)
        statusContinuation.yield(.connected)
    }

    func ask(_ text: String, language: Language?) async throws(ChatError) -> ReplyPayload {
        let reply = engine.respond(to: text, in: session, language: language)
        session = reply.session
        return ReplyPayload(reply)
    }

    func reset() async {
        session = Session(language: initialLanguage)
    }

    func prompt(_ key: String, _ language: Language) async -> String? {
        PromptText.usable(engine.prompt(key, language), key: key)
    }

    func close() async {
        statusContinuation.finish()
    }
}
