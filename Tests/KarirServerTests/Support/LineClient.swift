import KarirServer
import NIOCore
import NIOPosix

/// A real TCP client on loopback that sends raw bytes and reads replies line by line.
final class LineClient: Sendable {
    struct Closed: Error, CustomStringConvertible {
        var description: String { "the server closed the connection" }
    }

    let channel: any Channel
    private let inbox: LineInbox

    private init(channel: any Channel, inbox: LineInbox) {
        self.channel = channel
        self.inbox = inbox
    }

    /// Connects to 127.0.0.1:`port`; `receiveBuffer` shrinks the socket's receive buffer.
    static func connect(port: Int, receiveBuffer: Int? = nil) async throws -> LineClient {
        let inbox = LineInbox()
        var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelOption(.allowRemoteHalfClosure, value: true)
        if let receiveBuffer {
            bootstrap = bootstrap.channelOption(.socketOption(.so_rcvbuf), value: SocketOptionValue(receiveBuffer))
        }
        let channel = try await bootstrap
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLength: 64 << 20)))
                    try channel.pipeline.syncOperations.addHandler(InboxHandler(inbox: inbox))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return LineClient(channel: channel, inbox: inbox)
    }

    /// Sends `text` exactly as given.
    func send(_ text: String) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(string: text)).get()
    }

    /// Sends raw bytes.
    func send(bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes)).get()
    }

    /// The next line; throws at end of stream or after `timeout`.
    func line(timeout: TimeAmount = .seconds(10)) async throws -> String {
        guard let line = try await inbox.next(timeout: timeout, loop: channel.eventLoop) else { throw Closed() }
        return line
    }

    /// The next line, or nil at end of stream.
    func lineOrEnd(timeout: TimeAmount = .seconds(10)) async throws -> String? {
        try await inbox.next(timeout: timeout, loop: channel.eventLoop)
    }

    /// The lines of one text-mode reply, without the final "." and with dot-stuffing undone.
    func textReply(timeout: TimeAmount = .seconds(10)) async throws -> [String] {
        var lines: [String] = []
        for _ in 0..<10_000 {
            let line = try await self.line(timeout: timeout)
            if line == "." { return lines }
            lines.append(line.hasPrefix("..") ? String(line.dropFirst()) : line)
        }
        return lines
    }

    /// The next line parsed as JSON.
    func json(timeout: TimeAmount = .seconds(10)) async throws -> JSONValue {
        try JSONParser.parse(Array(try await line(timeout: timeout).utf8))
    }

    /// Sends one JSON-RPC request and returns the parsed response line.
    func call(_ method: String, _ params: JSONValue? = nil, id: Int = 1) async throws -> JSONValue {
        try await send(Self.request(method, params, id: id) + "\n")
        return try await json()
    }

    /// One JSON-RPC request as text (no newline).
    static func request(_ method: String, _ params: JSONValue? = nil, id: Int? = 1) -> String {
        var members: [(String, JSONValue)] = [("jsonrpc", .string("2.0"))]
        if let id { members.append(("id", .number(String(id)))) }
        members.append(("method", .string(method)))
        if let params { members.append(("params", params)) }
        return JSONValue.object(members).serialized
    }

    func close() async {
        try? await channel.close()
    }
}

/// Pushes decoded lines into a ``LineInbox`` and closes it at end of stream.
private final class InboxHandler: ChannelInboundHandler {
    typealias InboundIn = LineFrame

    private let inbox: LineInbox

    init(inbox: LineInbox) {
        self.inbox = inbox
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .line(let buffer) = unwrapInboundIn(data) {
            inbox.push(String(buffer: buffer))
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event {
            inbox.close()
            context.close(promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        inbox.close()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        inbox.close()
        context.close(promise: nil)
    }
}
