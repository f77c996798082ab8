import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP server on 127.0.0.1 that webhook tests POST to. It answers from a script (status,
/// headers, delay per request) and records every request it fully received.
final class TestReceiver: Sendable {
    struct Request: Sendable {
        var index: Int
        var method: String
        var uri: String
        /// Header names lower-cased.
        var headers: [String: String]
        var body: [UInt8]
        var receivedAt: Date

        var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
        }

        var eventID: String? { headers["karir-event-id"] }
    }

    struct Reply: Sendable {
        var status: Int = 200
        var headers: [(String, String)] = []
        /// Seconds to wait before answering.
        var delay: Double = 0
        var body: String = "ok"
    }

    /// Decides the reply to the request with this 0-based index.
    typealias Script = @Sendable (_ request: Request) -> Reply

    private struct State {
        var requests: [Request] = []
        var children: [any Channel] = []
        var server: (any Channel)?
    }

    /// Shared by the receiver and its channel handlers.
    private final class Core: Sendable {
        let state = Mutex(State())
        let script: Script
        init(script: @escaping Script) { self.script = script }

        func received(method: String, uri: String, headers: HTTPHeaders, body: [UInt8]) -> Reply {
            let request = state.withLock { state -> Request in
                var names: [String: String] = [:]
                for (name, value) in headers { names[name.lowercased()] = value }
                let request = Request(index: state.requests.count, method: method, uri: uri, headers: names, body: body,
                                      receivedAt: Date())
                state.requests.append(request)
                return request
            }
            return script(request)
        }
    }

    private let core: Core
    let port: Int

    var url: String { "http://127.0.0.1:\(port)/hook" }

    var requests: [Request] { core.state.withLock { $0.requests } }

    /// Starts listening on `port` (0 picks a free one).
    init(port: Int = 0, script: @escaping Script = { _ in Reply() }) throws {
        let core = Core(script: script)
        self.core = core
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                core.state.withLock { $0.children.append(channel) }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(core: core))
                }
            }
        let server = try bootstrap.bind(host: "127.0.0.1", port: port).wait()
        self.port = server.localAddress?.port ?? port
        core.state.withLock { $0.server = server }
    }

    /// Closes the listening socket and every open connection: the endpoint is down.
    func stop() {
        let (server, children) = core.state.withLock { state -> ((any Channel)?, [any Channel]) in
            defer { state.server = nil; state.children = [] }
            return (state.server, state.children)
        }
        try? server?.close().wait()
        for child in children { try? child.close().wait() }
    }

    /// Waits until at least `count` requests arrived, polling; false on timeout.
    func waitForRequests(_ count: Int, timeout: Double = 10) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if requests.count >= count { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return requests.count >= count
    }

    /// Waits until every id in `ids` was received at least once; false on timeout.
    func waitForEvents(_ ids: Set<String>, timeout: Double = 10) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if ids.isSubset(of: Set(requests.compactMap(\.eventID))) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return ids.isSubset(of: Set(requests.compactMap(\.eventID)))
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let core: Core
        var head: HTTPRequestHead?
        var body: [UInt8] = []

        init(core: Core) { self.core = core }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case let .head(head):
                self.head = head
                body = []
            case var .body(buffer):
                body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
            case .end:
                guard let head else { return }
                let reply = core.received(method: "\(head.method)", uri: head.uri, headers: head.headers, body: body)
                let keepAlive = head.isKeepAlive
                if reply.delay > 0 {
                    context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(Int64(reply.delay * 1000))) {
                        self.respond(reply, keepAlive: keepAlive, context: context)
                    }
                } else {
                    respond(reply, keepAlive: keepAlive, context: context)
                }
            }
        }

        private func respond(_ reply: Reply, keepAlive: Bool, context: ChannelHandlerContext) {
            guard context.channel.isActive else { return }
            var headers = HTTPHeaders(reply.headers)
            headers.replaceOrAdd(name: "Content-Length", value: "\(reply.body.utf8.count)")
            headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
            let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: reply.status), headers: headers)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: reply.body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
