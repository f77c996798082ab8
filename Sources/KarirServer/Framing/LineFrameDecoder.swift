import NIOCore

/// Splits a byte stream into lines terminated by LF (a CR before the LF is removed).
///
/// A line longer than `maxLength` bytes is not buffered: the decoder emits ``LineFrame/tooLong(firstByte:)``
/// as soon as the limit is passed, then drops bytes up to the next LF, so a client can recover and the
/// connection stays usable. Memory per connection is bounded by `maxLength` plus one read.
///
/// Runs on the channel's event loop like any `ByteToMessageDecoder`; it keeps only the scan position.
public struct LineFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = LineFrame

    /// The longest line accepted, in bytes, not counting the line terminator.
    public let maxLength: Int
    /// How far the current buffer has been searched for LF, so a slow trickle is not rescanned.
    private var scanned = 0
    /// True after a too-long line was reported and its remaining bytes are being dropped.
    private var discarding = false

    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// - Parameter maxLength: the longest accepted line in bytes (at least 1).
    public init(maxLength: Int) {
        self.maxLength = max(1, maxLength)
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if discarding {
            return discard(&buffer)
        }
        let view = buffer.readableBytesView
        guard let newline = view[(view.startIndex + scanned)...].firstIndex(of: Self.lf) else {
            // Allow one extra byte: a CR waiting for its LF is not part of the line.
            if view.count > maxLength + 1 {
                let first = view.first
                buffer.moveReaderIndex(forwardBy: view.count)
                discarding = true
                scanned = 0
                context.fireChannelRead(Self.wrapInboundOut(.tooLong(firstByte: first)))
                return .continue
            }
            scanned = view.count
            return .needMoreData
        }
        scanned = 0
        let lengthWithLF = newline - view.startIndex + 1
        var length = lengthWithLF - 1
        if length > 0, view[newline - 1] == Self.cr {
            length -= 1
        }
        if length > maxLength {
            let first = view.first
            buffer.moveReaderIndex(forwardBy: lengthWithLF)
            context.fireChannelRead(Self.wrapInboundOut(.tooLong(firstByte: first)))
            return .continue
        }
        guard let line = buffer.readSlice(length: length) else { return .needMoreData }
        buffer.moveReaderIndex(forwardBy: lengthWithLF - length)
        context.fireChannelRead(Self.wrapInboundOut(.line(line)))
        return .continue
    }

    /// At end of input a last line without LF still counts, unless it is part of a discarded line.
    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        if !discarding, buffer.readableBytes > 0, let line = buffer.readSlice(length: buffer.readableBytes) {
            context.fireChannelRead(Self.wrapInboundOut(.line(line)))
        }
        scanned = 0
        return .needMoreData
    }

    private mutating func discard(_ buffer: inout ByteBuffer) -> DecodingState {
        if let newline = buffer.readableBytesView.firstIndex(of: Self.lf) {
            buffer.moveReaderIndex(to: newline + 1)
            discarding = false
            return .continue
        }
        buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
        return .needMoreData
    }
}
