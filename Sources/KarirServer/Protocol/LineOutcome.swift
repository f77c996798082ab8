import NIOCore

/// What a connection sends back for one input line.
enum LineOutcome {
    /// Nothing (an empty line, or only notifications).
    case none
    /// Text to send, including its line terminators.
    case reply(String)
    /// Text to send when an asynchronous step (a reload) finishes; nil sends nothing.
    case deferred(EventLoopFuture<String?>)
}
