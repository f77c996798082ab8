import Foundation
import NIOCore
import NIOPosix

/// A JSON-RPC 2.0 client over one TCP connection to `karir serve` that comes back by itself.
///
/// When the connection drops it reconnects with ``Backoff`` until it is back or the client is
/// closed, reporting ``BackendStatus`` changes. A request is written at most once: if the
/// connection drops after that and before the response, the call fails with
/// ``ChatError/lostAfterSending`` and is never sent again.
///
/// A connection counts as up (``BackendStatus/connected``) once it answered something: right
/// after connecting it sends `ping`, and again every `keepAliveInterval`, which also keeps the
/// server's idle timeout from closing a quiet kiosk and notices a server that vanished without
/// closing the connection. A connection that closes before answering anything (a full server sends
/// one `-32005` line and hangs up) counts as a failed attempt, so a refusing server is retried with
/// backoff, not in a tight loop.
actor RPCClient {
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
    private let group: EventLoopGroup
    private let backoff: Backoff
    private let keepAliveInterval: Duration

    private var connection: RPCConnection?
    private var connectionGeneration = 0
    private var lastGeneration = 0
    /// Failed attempts in a row (connections that answered nothing count as failed).
    private var failureStreak = 0
    private var currentAnswered = false
    private var reconnectTask: Task<Void, Never>?
    private var keepAliveTask: Task<Void, Never>?
    private var eventTask: Task<Void, Never>?
    private var isClosed = false
    private var nextID = 1
    private var pending: [Int: PendingCall] = [:]

    nonisolated let statusUpdates: AsyncStream<BackendStatus>
    private let statusContinuation: AsyncStream<BackendStatus>.Continuation
    private let connectionEvents: AsyncStream<ConnectionEvent>
    private let connectionContinuation: AsyncStream<ConnectionEvent>.Continuation

    init(address: ServerAddress, backoff: Backoff = Backoff(), keepAliveInterval: Duration = .seconds(60),
         group: EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.address = address
        self.backoff = backoff
        self.keepAliveInterval = keepAliveInterval
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

    /// Keeps trying to connect in the background.
    func startReconnecting() {
        startEventLoopIfNeeded()
        guard reconnectTask == nil, connection == nil, !isClosed else { return }
        reconnectTask = Task { await self.reconnectLoop() }
    }

    /// Calls `method` and decodes its result.
    /// - Parameters:
    ///   - waitForConnection: wait (cancellably) while the server is away; otherwise fail at once.
    /// - Throws: ``ChatError``: `.server` for a JSON-RPC error, `.lostAfterSending`, `.timedOut`,
    ///   `.unreachable` (not connected and not waiting), `.cancelled`, `.badResponse`.
    func call<Params: Encodable & Sendable, Result: Decodable & Sendable>(
        _ method: String, _ params: Params, timeout: Double, waitForConnection: Bool
    ) async throws(ChatError) -> Result {
        let (link, generation) = try await currentConnection(waiting: waitForConnection)
        let id = nextID
        nextID += 1
        let line: [UInt8]
        do {
            line = Array(try JSONEncoder().encode(RPCRequest(id: id, method: method, params: params)))
        } catch {
            throw .badResponse("request could not be encoded: \(error)")
        }
        let bytes = try await exchange(id: id, line: line, on: link, generation: generation, timeout: timeout).get()
        let response: RPCResponse<Result>
        do {
            response = try JSONDecoder().decode(RPCResponse<Result>.self, from: Data(bytes))
        } catch {
            throw .badResponse(String(describing: error))
        }
        if let error = response.error { throw .server(code: error.code, message: error.message) }
        guard let result = response.result else { throw .badResponse("\(method) response without result") }
        return result
    }

    /// Closes the connection, stops retrying and fails waiting calls with `.cancelled`.
    func close() {
        isClosed = true
        reconnectTask?.cancel()
        reconnectTask = nil
        keepAliveTask?.cancel()
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
        currentAnswered = false
        keepAliveTask?.cancel()
        keepAliveTask = Task { await self.keepAlive(generation: opened.1) }
    }

    private func reconnectLoop() async {
        while !isClosed, !Task.isCancelled {
            if failureStreak > 0 {
                try? await Task.sleep(for: .seconds(backoff.delay(afterAttempt: failureStreak)))
                if isClosed || Task.isCancelled { break }
            }
            do {
                install(try await open())
                reconnectTask = nil
                return
            } catch {
                failureStreak += 1
                statusContinuation.yield(.reconnecting(attempt: failureStreak))
            }
        }
        reconnectTask = nil
    }

    /// Pings at once (a connection is only up once it answered something), then every
    /// `keepAliveInterval`.
    private func keepAlive(generation: Int) async {
        var first = true
        while !Task.isCancelled {
            if !first { try? await Task.sleep(for: keepAliveInterval) }
            first = false
            guard !Task.isCancelled, !isClosed, generation == connectionGeneration, let link = connection else { return }
            do throws(ChatError) {
                let _: String = try await call("ping", NoParams(), timeout: 10, waitForConnection: false)
            } catch .timedOut {
                // Connected on paper, but nobody answers: start over.
                link.close()
            } catch {
                continue
            }
        }
    }

    private func handle(_ event: ConnectionEvent) {
        switch event {
        case .line(let bytes, let generation):
            guard let envelope = try? JSONDecoder().decode(RPCEnvelope.self, from: Data(bytes)),
                  let id = envelope.id else { return }
            if generation == connectionGeneration, !currentAnswered {
                currentAnswered = true
                failureStreak = 0
                statusContinuation.yield(.connected)
            }
            // A response to an abandoned call (reset, timeout) is dropped here.
            finish(id, with: .success(bytes))
        case .closed(let generation):
            for (id, call) in pending where call.generation == generation {
                finish(id, with: .failure(.lostAfterSending))
            }
            guard generation == connectionGeneration, connection != nil else { return }
            connection = nil
            keepAliveTask?.cancel()
            if !currentAnswered {
                failureStreak += 1
                statusContinuation.yield(.reconnecting(attempt: failureStreak))
            }
            startReconnecting()
        }
    }

    private func currentConnection(waiting: Bool) async throws(ChatError) -> (RPCConnection, Int) {
        while true {
            if isClosed { throw .cancelled }
            if let link = connection { return (link, connectionGeneration) }
            guard waiting else { throw .unreachable(address: address.description, reason: "not connected") }
            startReconnecting()
            do {
                try await Task.sleep(for: .milliseconds(50))
            } catch {
                throw .cancelled
            }
        }
    }

    // MARK: - Calls

    /// Sends one request line and waits for the response line with the same id.
    private func exchange(id: Int, line: [UInt8], on link: RPCConnection, generation: Int,
                          timeout: Double) async -> Result<[UInt8], ChatError> {
        await withTaskCancellationHandler {
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
    }

    /// Completes a pending call once; later completions of the same id are ignored.
    private func finish(_ id: Int, with result: Result<[UInt8], ChatError>) {
        guard let call = pending.removeValue(forKey: id) else { return }
        call.timeout?.cancel()
        call.continuation.resume(returning: result)
    }
}
