import KarirCore

/// Answers through a running `karir serve` (see docs/protocol.md): `ask`, `reset` and `prompt`
/// over an ``RPCClient``, under a session name of its own.
///
/// Questions wait while the server is away and go out once it is back; a question already sent
/// when the connection dropped is not sent again (the caller gets ``ChatError/lostAfterSending``).
actor RemoteBackend: ChatBackend {
    private let client: RPCClient
    private let baseSession: String
    private var session: String
    private var sessionRotations = 0
    private let askTimeout: Double

    nonisolated var statusUpdates: AsyncStream<BackendStatus> { client.statusUpdates }

    /// - Parameters:
    ///   - session: the session name on the server (distinct per kiosk).
    ///   - askTimeout: seconds to wait for an answer before giving up.
    init(address: ServerAddress, session: String, askTimeout: Double = 30) {
        self.client = RPCClient(address: address)
        self.baseSession = session
        self.session = session
        self.askTimeout = askTimeout
    }

    /// Makes the first connection.
    /// - Throws: ``ChatError/unreachable(address:reason:)``; call ``startReconnecting()`` to keep trying instead.
    func connect() async throws(ChatError) {
        try await client.connect()
    }

    /// Keeps trying to connect in the background (a kiosk starts this way when its server is down).
    func startReconnecting() async {
        await client.startReconnecting()
    }

    func ask(_ text: String, language: Language?) async throws(ChatError) -> ReplyPayload {
        try await client.call("ask", AskParams(session: session, text: text, lang: language),
                              timeout: askTimeout, waitForConnection: true)
    }

    func reset() async {
        do throws(ChatError) {
            let result: ResetResult = try await client.call("reset", SessionParams(session: session),
                                                           timeout: 3, waitForConnection: false)
            if !result.reset { rotateSession() }
        } catch {
            // The server could not forget the old conversation: start a new one under a new name.
            rotateSession()
        }
    }

    func prompt(_ key: String, _ language: Language) async -> String? {
        do throws(ChatError) {
            let result: PromptResult = try await client.call("prompt", PromptParams(key: key, lang: language),
                                                            timeout: 3, waitForConnection: false)
            return PromptText.usable(result.text, key: key)
        } catch {
            return nil
        }
    }

    func close() async {
        await client.close()
    }

    private func rotateSession() {
        sessionRotations += 1
        session = "\(baseSession)-\(sessionRotations)"
    }
}
