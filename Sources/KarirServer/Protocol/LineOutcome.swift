import NIOCore

/// What a connection sends back for one input line.
enum LineOutcome {
    /// Nothing (an empty line, or only notifications).
    case none
    /// Text to send, including its line terminators (text mode).
    case reply(String)
    /// One line to send; the LF is added when it is written (JSON mode, saves a copy).
    case line(String)
    /// Text to send when an asynchronous step (a reload) finishes; nil sends nothing.
    case deferred(EventLoopFuture<String?>)
}
