import KarirServer

/// Why the chat client could not do what was asked. Every case says what a person can do about it.
enum ChatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--connect` was not `HOST:PORT`.
    case badAddress(String)
    /// The server could not be reached; nothing was sent.
    case unreachable(address: String, reason: String)
    /// The connection dropped after the question was sent and before the answer came back.
    /// The question is never sent again (it may already have been answered): the person asks again.
    case lostAfterSending
    /// The server answered with a JSON-RPC error (`-32005`: busy or shutting down).
    case server(code: Int, message: String)
    /// The server's answer could not be understood.
    case badResponse(String)
    /// No answer came within the time limit.
    case timedOut(seconds: Double)
    /// The request was abandoned (the session was reset or the client is closing).
    case cancelled
    /// The terminal could not be put into (or out of) raw mode.
    case terminal(String)

    var description: String {
        switch self {
        case .badAddress(let text):
            return "'\(text)' is not a server address: use HOST:PORT, for example 127.0.0.1:7400 or [::1]:7400."
        case .unreachable(let address, let reason):
            return "cannot reach karir serve at \(address) (\(reason)). Is `karir serve` running there, and is the port right?"
        case .lostAfterSending:
            return "the connection dropped before the answer arrived; the question was not sent again. Ask it again."
        case .server(let code, let message):
            if code == RPCErrorCode.serverBusy.rawValue {
                return "the server is busy or shutting down (\(code): \(message)); try again in a moment."
            }
            return "the server reported an error (\(code): \(message))."
        case .badResponse(let detail):
            return "the server's answer could not be read (\(detail)); check that client and server versions match."
        case .timedOut(let seconds):
            return "no answer from the server within \(Int(seconds)) s; check that it is not overloaded."
        case .cancelled:
            return "the question was cancelled."
        case .terminal(let detail):
            return "the terminal could not be set up (\(detail)); run without a terminal (pipe input) or check TERM."
        }
    }
}
