import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A stand-in for `karir serve` speaking the agreed protocol (JSON-RPC 2.0, one JSON per line):
/// `ask`, `reset`, `ping`, `prompt`, with ``CannedReplies``. Records every question received and
/// can be stopped and started again on the same port, like a server restart.
final class FakeKarirServer: Sendable {
    private struct State {
        var listener: Channel?
        var connections: [ObjectIdentifier: Channel] = [:]
        var port = 0
        var asks: [String] = []
        var sessions: Set<String> = []
        var resets = 0
        var offered: [String: [String]] = [:]
        var accepted = 0
        var refusing = false
    }

    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let state = Mutex(State())

    /// The port it listens on (fixed after the first start).
    var port: Int { state.withLock { $0.port } }
    /// Every `ask` text received, in order.
    var asks: [String] { state.withLock { $0.asks } }
    /// Session names seen in `ask` and `reset`.
    var sessions: Set<String> { state.withLock { $0.sessions } }
    /// How many `reset` calls were received.
    var resets: Int { state.withLock { $0.resets } }
    /// Connections accepted since the start.
    var acceptedCount: Int { state.withLock { $0.accepted } }

    /// While true, every new connection gets one `-32005` line and is closed, as a full server does.
    var refusing: Bool {
        get { state.withLock { $0.refusing } }
        set { state.withLock { $0.refusing = newValue } }
    }

    /// Connections open right now.
    var connectionCount: Int { state.withLock { $0.connections.count } }
    /// `127.0.0.1:<port>`.
    var address: String { "127.0.0.1:\(port)" }

    /// Starts listening (on a free port the first time, on the same port after ``stop()``).
    func start() async throws {
        let port = state.withLock { $0.port }
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(TestLineDecoder()), FakeRPCHandler(server: self),
                    ])
                }
            }
        // Restarting on the same port can briefly find it taken: the client's own reconnect
        // attempts take ephemeral source ports, and the freed listening port is one. Try again
        // for up to a second, as a restarted server would.
        var attempt = 0
        let listener: Channel
        while true {
            do {
                listener = try await bootstrap.bind(host: "127.0.0.1", port: port).get()
                break
            } catch let error as IOError where error.errnoCode == EADDRINUSE && port != 0 && attempt < 20 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        state.withLock {
            $0.listener = listener
            $0.port = listener.localAddress?.port ?? port
        }
    }

    /// Stops listening and drops every connection, like a server going away.
    func stop() async throws {
        // The listener first: a client reconnecting fast must not slip in between.
        let listener = state.withLock { state in
            defer { state.listener = nil }
            return state.listener
        }
        try await listener?.close()
        let connections = state.withLock { state in
            defer { state.connections = [:] }
            return Array(state.connections.values)
        }
        for connection in connections { try? await connection.close() }
        // Like the real server, a restart forgets the sessions.
        state.withLock { $0.offered = [:] }
    }

    /// Stops and releases the event loop.
    func shutdown() async {
        try? await stop()
        try? await group.shutdownGracefully()
    }

    /// Registers a new connection; false when it must be refused.
    fileprivate func opened(_ channel: Channel) -> Bool {
        state.withLock { state in
            state.accepted += 1
            state.connections[ObjectIdentifier(channel)] = channel
            return !state.refusing
        }
    }

    /// The line a full server sends before hanging up.
    fileprivate static let busyLine = #"{"error":{"code":-32005,"message":"server busy: connection limit reached"},"id":null,"jsonrpc":"2.0"}"#

    fileprivate func closed(_ channel: Channel) {
        _ = state.withLock { $0.connections.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Answers one request line; nil means "close the connection without answering".
    fileprivate func respond(to line: String) -> (reply: String?, delay: Double) {
        guard let request = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
              let method = request["method"] as? String else {
            return (Self.encode(["jsonrpc": "2.0", "id": NSNull(), "error": ["code": -32700, "message": "parse error"]]), 0)
        }
        let id = request["id"] ?? NSNull()
        let params = request["params"] as? [String: Any] ?? [:]
        let session = params["session"] as? String ?? ""
        if method == "ask" || method == "reset" { _ = state.withLock { $0.sessions.insert(session) } }
        func result(_ value: Any) -> String? { Self.encode(["jsonrpc": "2.0", "id": id, "result": value]) }
        func failure(_ code: Int, _ message: String) -> String? {
            Self.encode(["jsonrpc": "2.0", "id": id, "error": ["code": code, "message": message]])
        }
        switch method {
        case "ask":
            let text = params["text"] as? String ?? ""
            let offered = state.withLock { state -> [String] in
                state.asks.append(text)
                return state.offered[session] ?? []
            }
            let (action, nowOffered) = CannedReplies.action(for: text, lang: params["lang"] as? String, offered: offered)
            state.withLock { $0.offered[session] = nowOffered }
            switch action {
            case .reply(var payload):
                payload["session"] = session
                return (result(payload), 0)
            case .delayed(let seconds, var payload):
                payload["session"] = session
                return (result(payload), seconds)
            case .drop:
                return (nil, 0)
            case .error(let code, let message):
                return (failure(code, message), 0)
            }
        case "reset":
            state.withLock {
                $0.resets += 1
                $0.offered[session] = nil
            }
            return (result(["session": session, "reset": true]), 0)
        case "ping":
            return (result("pong"), 0)
        case "prompt":
            let key = params["key"] as? String ?? ""
            let lang = params["lang"] as? String ?? "id"
            guard let text = CannedReplies.prompts[key]?[lang] else { return (failure(-32602, "unknown prompt key \(key)"), 0) }
            return (result(["key": key, "lang": lang, "text": text]), 0)
        default:
            return (failure(-32601, "method not found"), 0)
        }
    }

    private static func encode(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

/// One connection of the fake server: a request line in, a response line out (maybe later).
private final class FakeRPCHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    private let server: FakeKarirServer

    init(server: FakeKarirServer) {
        self.server = server
    }

    func channelActive(context: ChannelHandlerContext) {
        guard server.opened(context.channel) else {
            let channel = context.channel
            var buffer = channel.allocator.buffer(capacity: 128)
            buffer.writeString(FakeKarirServer.busyLine + "\n")
            channel.writeAndFlush(buffer).whenComplete { _ in channel.close(promise: nil) }
            return
        }
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        server.closed(context.channel)
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let line = String(buffer: Self.unwrapInboundIn(data))
        let channel = context.channel
        let (reply, delay) = server.respond(to: line)
        guard let reply else {
            channel.close(promise: nil)
            return
        }
        let send: @Sendable () -> Void = {
            var buffer = channel.allocator.buffer(capacity: reply.utf8.count + 1)
            buffer.writeString(reply + "\n")
            channel.writeAndFlush(buffer, promise: nil)
        }
        if delay > 0 {
            channel.eventLoop.scheduleTask(in: .milliseconds(Int64(delay * 1000))) { send() }
        } else {
            send()
        }
    }
}
