import NIOCore

/// Hands every line the server sends to `onLine`; the routing to waiting calls happens in
/// ``RemoteBackend``, outside the event loop.
final class RPCLineHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer

    private let onLine: @Sendable ([UInt8]) -> Void

    init(onLine: @escaping @Sendable ([UInt8]) -> Void) {
        self.onLine = onLine
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = Self.unwrapInboundIn(data)
        onLine(Array(buffer.readableBytesView))
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A broken frame or a reset connection: closing makes the backend reconnect.
        context.close(promise: nil)
    }
}
