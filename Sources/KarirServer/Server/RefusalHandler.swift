import NIOCore

/// Sits alone in the pipeline of a connection over the limit: writes one JSON-RPC error line
/// (code -32005, readable in a terminal too) when the connection becomes active, then closes it.
final class RefusalHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let message: String

    init(message: String) {
        self.message = message
    }

    func channelActive(context: ChannelHandlerContext) {
        let line = RPCResponse.failure(id: .null, error: RPCError(.serverBusy, message)) + "\n"
        let buffer = context.channel.allocator.buffer(string: line)
        context.writeAndFlush(wrapOutboundOut(buffer)).assumeIsolated().whenComplete { _ in
            context.close(promise: nil)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // Input of a refused connection is ignored.
    }
}
