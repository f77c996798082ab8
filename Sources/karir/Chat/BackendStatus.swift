/// Whether the chat backend can currently take questions.
enum BackendStatus: Sendable, Equatable {
    /// Connected (or in-process): questions go through.
    case connected
    /// The server went away; the client is retrying. `attempt` counts failed tries so far.
    case reconnecting(attempt: Int)
}
