import Foundation
import KarirCore
import NIOCore
import NIOPosix

/// Answers through a running `karir serve` (JSON-RPC 2.0, one JSON per line over TCP).
///
/// Keeps one connection. When it drops, reports ``BackendStatus/reconnecting(attempt:)`` and
/// reconnects with ``Backoff`` until it is back or the backend is closed. A question is written to
/// the socket at most once: if the connection drops after that and before the answer, the call
/// fails with ``ChatError/lostAfterSending`` instead of being sent again.
actor RemoteBackend: ChatBackend {
    /// What the connection's event-loop callbacks report, in order.
    private enum ConnectionEvent: Sendable {
        case line([UInt8], generation: Int)
        case closed(generation: Int)
    }

    /// A call waiting for its response line.
    private struct PendingCall {
        var generation: Int
        var continuation: CheckedContinuation<Result<[UInt8], ChatError>, Never>
        var timeout: Task<Void, Never>?
    }

    private let address: ServerAddress
    private let baseSession: String
    private var session: String
    private var sessionRotations = 0
    private let group: EventLoopGroup
    private let backoff: Backoff
    private let askTimeout: Double
    private let shortTimeout: Double = 3

    private var connection: RPCConnection?
    private var connectionGeneration = 0
    private var lastGeneration = 0
    private var reconnectTask: Task<Void, Never>?
    private var eventTask: Task<Void, Never>?
    private var isClosed = false
    private var nextID = 1
    private var pending: [Int: PendingCall] = [:]

    nonisolated let statusUpdates: AsyncStream<BackendStatus>
    private let statusContinuation: AsyncStream<BackendStatus>.Continuation
    private let connectionEvents: AsyncStream<ConnectionEvent>
    private let connectionContinuation: AsyncStream<ConnectionEvent>.Continuation

    /// - Parameters:
    ///   - session: the session name on the server (distinct per kiosk).
    ///   - askTimeout: seconds to wait for an answer before giving up.
    init(address: ServerAddress, session: String, backoff: Backoff = Backoff(), askTimeout: Double = 30,
         group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.address = address
        self.baseSession = session
        self.session = session
        self.backoff = backoff
        self.askTimeout = askTimeout
        self.group = group
        (statusUpdates, statusContinuation) = AsyncStream.makeStream(of: BackendStatus.self)
        (connectionEvents, connectionContinuation) = AsyncStream.makeStream(of: ConnectionEvent.self)
    }

    /// Makes the first connection.
    /// - Throws: ``ChatError/unreachable(address:reason:)``; call ``startReconnecting()`` to keep trying instead.
    func connect() async throws(ChatError) {
        startEventLoopIfNeeded()
        try await install(open())
    }

    /// Keeps trying to connect in the background (kiosk mode starts this way when the server is down).
    func startReconnecting() {
        startEventLoopIfNeeded()
        guard reconnectTask == nil, connection == nil, !isClosed else { return }
        statusContinuation.yield(.reconnecting(attempt: 0))
        reconnectTask = Task { await self.reconnectLoop() }
    }

    func ask(_ text: String, language: Language?) async throws(ChatError) -> ReplyPayload {
        let (link, generation) = try await waitForConnection()
        let id = takeID()
        let request = RPCRequest(id: id, method: "ask", params: AskParams(session: session, text: text, lang: language))
        let line = try encode(request)
        let response: RPCResponse<ReplyPayload> = try await call(id: id, line: line, on: link,
                                                                 generation: generation, timeout: askTimeout)
        if let error = response.error { throw .server(code: error.code, message: error.message) }
        guard let payload = response.result else { throw .badResponse("ask response without result") }
        return payload
    }

    func reset() async {
        guard let link = connection else { rotateSession(); return }
        let id = takeID()
        do {
            let line = try encode(RPCRequest(id: id, method: "reset", params: SessionParams(session: session)))
            let response: RPCResponse<ResetResult> = try await call(id: id, line: line, on: link,
                                                                    generation: connectionGeneration,
                                                                    timeout: shortTimeout)
            if response.result?.reset != true { rotateSession() }
        } catch {
            // The server could not forget the old conversation: start a new one under a new name.
            rotateSession()
        }
    }

    func prompt(_ key: String, _ language: Language) async -> String? {
        guard let link = connection else { return nil }
        let id = takeID()
        do {
            let line = try encode(RPCRequest(id: id, method: "prompt", params: PromptParams(key: key, lang: language)))
            let response: RPCResponse<PromptResult> = try await call(id: id, line: line, on: link,
                                                                     generation: connectionGeneration,
                                                                     timeout: shortTimeout)
            guard let text = response.result?.text else { return nil }
            return PromptText.usable(text, key: key)
        } catch {
            return nil
        }
    }

    func close() async {
        isClosed = true
        reconnectTask?.cancel()
        reconnectTask = nil
        connection?.close()
        connection = nil
        for (id, _) in pending { finish(id, with: .failure(.cancelled)) }
        statusContinuation.finish()
        connectionContinuation.finish()
    }

    // MARK: - Connection management

    private func startEventLoopIfNeeded() {
        guard eventTask == nil else { return }
        let events = connectionEvents
        eventTask = Task {
            for await event in events { self.handle(event) }
        }
    }

    private func open() async throws(ChatError) -> (RPCConnection, Int) {
        lastGeneration += 1
        let generation = lastGeneration
        let events = connectionContinuation
        let link = try await RPCConnection.open(
            to: address, group: group, timeout: .seconds(3),
            onLine: { events.yield(.line($0, generation: generation)) },
            onClose: { events.yield(.closed(generation: generation)) })
        return (link, generation)
    }

    private func install(_ opened: (RPCConnection, Int)) {
        guard !isClosed else { opened.0.close(); return }
        connection = opened.0
        connectionGeneration = opened.1
        statusContinuation.yield(.connected)
    }

    private func reconnectLoop() async {
        var attempt = 0
        while !isClosed, !Task.isCancelled {
            do {
                install(try await open())
                reconnectTask = nil
                return
            } catch {
                attempt += 1
                statusContinuation.yield(.reconnecting(attempt: attempt))
                try? await Task.sleep(for: .seconds(backoff.delay(afterAttempt: attempt)))
            }
        }
        reconnectTask = nil
    }

    private func handle(_ event: ConnectionEvent) {
        switch event {
        case .line(let bytes, _):
            guard let envelope = try? JSONDecoder().decode(RPCEnvelope.self, from: Data(bytes)),
                  let id = envelope.id else { return }
            // A response to an abandoned call (reset, timeout) is dropped here.
            finish(id, with: .success(bytes))
        case .closed(let generation):
            for (id, call) in pending where call.generation == generation {
                finish(id, with: .failure(.lostAfterSending))
            }
            guard generation == connectionGeneration, connection != nil else { return }
            connection = nil
            startReconnecting()
        }
    }

    private func waitForConnection() async throws(ChatError) -> (RPCConnection, Int) {
        while true {
            if isClosed { throw .cancelled }
            if let link = connection { return (link, connectionGeneration) }
            startReconnecting()
            do {
                try await Task.sleep(for: .milliseconds(50))
            } catch {
                throw .cancelled
            }
        }
    }

    // MARK: - Calls

    private func takeID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    private func rotateSession() {
        sessionRotations += 1
        session = "\(baseSession)-\(sessionRotations)"
    }

    private func encode<P>(_ request: RPCRequest<P>) throws(ChatError) -> [UInt8] {
        do {
            return Array(try JSONEncoder().encode(request))
        } catch {
            throw .badResponse("request could not be encoded: \(error)")
        }
    }

    /// Sends one request line and waits for the response with the same id.
    private func call<R: Decodable & Sendable>(id: Int, line: [UInt8], on link: RPCConnection, generation: Int,
                                               timeout: Double) async throws(ChatError) -> RPCResponse<R> {
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<[UInt8], ChatError>, Never>) in
                let timer = Task {
                    try? await Task.sleep(for: .seconds(timeout))
                    if !Task.isCancelled { self.finish(id, with: .failure(.timedOut(seconds: timeout))) }
                }
                pending[id] = PendingCall(generation: generation, continuation: continuation, timeout: timer)
                Task {
                    do {
                        try await link.send(line)
                    } catch {
                        // Whether any byte left is unknown: treat it as sent, never resend.
                        self.finish(id, with: .failure(.lostAfterSending))
                    }
                }
            }
        } onCancel: {
            Task { await self.finish(id, with: .failure(.cancelled)) }
        }
        switch result {
        case .failure(let error):
            throw error
        case .success(let bytes):
            do {
                return try JSONDecoder().decode(RPCResponse<R>.self, from: Data(bytes))
            } catch {
                throw .badResponse(String(describing: error))
            }
        }
    }

    /// Completes a pending call once; later completions of the same id are ignored.
    private func finish(_ id: Int, with result: Result<[UInt8], ChatError>) {
        guard let call = pending.removeValue(forKey: id) else { return }
        call.timeout?.cancel()
        call.continuation.resume(returning: result)
    }
}
