import NIOCore

/// One unit of input after framing: a complete line, or the notice that a line was too long.
public enum LineFrame: Sendable, Equatable {
    /// A line without its terminator (LF or CRLF). It may be empty and is not yet checked for UTF-8.
    case line(ByteBuffer)
    /// A line longer than the limit arrived and was discarded up to and including its LF.
    /// `firstByte` is its first byte (when it had one), so the receiver can tell a JSON line from a text line.
    case tooLong(firstByte: UInt8?)
}
