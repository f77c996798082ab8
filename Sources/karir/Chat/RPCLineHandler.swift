import KarirServer
import NIOCore

/// Hands every line the server sends to `onLine`; the routing to waiting calls happens in
/// ``RemoteBackend``, outside the event loop. Lines come from KarirServer's `LineFrameDecoder`
/// (capped at 1 MiB); a longer one means a broken server, and the connection is closed.
final class RPCLineHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = LineFrame

    private let onLine: @Sendable ([UInt8]) -> Void

    init(onLine: @escaping @Sendable ([UInt8]) -> Void) {
        self.onLine = onLine
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch Self.unwrapInboundIn(data) {
        case .line(let buffer): onLine(Array(buffer.readableBytesView))
        case .tooLong: context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A broken frame or a reset connection: closing makes the backend reconnect.
        context.close(promise: nil)
    }
}
