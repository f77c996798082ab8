import KarirServer
import NIOCore
import NIOPosix

/// One TCP connection to `karir serve`: writes request lines, reports response lines and the close.
struct RPCConnection: Sendable {
    let channel: Channel

    /// Connects and installs the line decoder.
    /// - Parameters:
    ///   - onLine: called (on the event loop) with each line received.
    ///   - onClose: called once when the connection closes, for any reason.
    /// - Throws: ``ChatError/unreachable(address:reason:)``.
    static func open(to address: ServerAddress, group: EventLoopGroup, timeout: TimeAmount,
                     onLine: @escaping @Sendable ([UInt8]) -> Void,
                     onClose: @escaping @Sendable () -> Void) async throws(ChatError) -> RPCConnection {
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(timeout)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandlers([
                        ByteToMessageHandler(LineFrameDecoder(maxLength: 1 << 20)),
                        RPCLineHandler(onLine: onLine),
                    ])
                }
            }
        do {
            let channel = try await bootstrap.connect(host: address.host, port: address.port).get()
            channel.closeFuture.whenComplete { _ in onClose() }
            return RPCConnection(channel: channel)
        } catch {
            throw .unreachable(address: address.description, reason: String(describing: error))
        }
    }

    /// Writes one line (a newline is added).
    func send(_ line: [UInt8]) async throws {
        var buffer = channel.allocator.buffer(capacity: line.count + 1)
        buffer.writeBytes(line)
        buffer.writeInteger(UInt8(ascii: "\n"))
        try await channel.writeAndFlush(buffer)
    }

    /// Closes the connection; `onClose` fires.
    func close() {
        channel.close(promise: nil)
    }
}
