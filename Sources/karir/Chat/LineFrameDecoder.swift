import NIOCore

/// Splits the byte stream from the server into lines (LF or CRLF), one JSON message each.
///
/// Runs on the channel's event loop. Refuses lines longer than `maximumLength` so a broken
/// server cannot make the client buffer without bound.
struct LineFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    /// A line grew past the limit without a newline.
    struct LineTooLong: Error {}

    let maximumLength: Int
    /// How far the current buffer was already searched for a newline.
    private var searched = 0

    init(maximumLength: Int = 1 << 20) {
        self.maximumLength = maximumLength
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let bytes = buffer.readableBytesView
        guard let newline = bytes.dropFirst(searched).firstIndex(of: UInt8(ascii: "\n")) else {
            searched = bytes.count
            if searched > maximumLength { throw LineTooLong() }
            return .needMoreData
        }
        let lineLength = newline - bytes.startIndex
        var contentLength = lineLength
        if contentLength > 0, bytes[newline - 1] == UInt8(ascii: "\r") { contentLength -= 1 }
        guard let line = buffer.readSlice(length: contentLength) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: lineLength - contentLength + 1)
        searched = 0
        context.fireChannelRead(Self.wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
