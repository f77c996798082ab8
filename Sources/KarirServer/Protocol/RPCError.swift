/// JSON-RPC 2.0 error codes: the standard ones and Karir's application codes (documented in docs/protocol.md).
public enum RPCErrorCode: Int, Sendable, CaseIterable {
    /// The line is not valid JSON.
    case parseError = -32700
    /// Valid JSON, but not a JSON-RPC 2.0 request object (or an empty batch).
    case invalidRequest = -32600
    /// The method does not exist.
    case methodNotFound = -32601
    /// Missing or wrongly typed parameters.
    case invalidParams = -32602
    /// An unexpected server error.
    case internalError = -32603
    /// An admin method was called without the right token (or admin methods are disabled).
    case unauthorized = -32001
    /// The line was longer than the configured limit and was discarded.
    case lineTooLong = -32002
    /// The line was not valid UTF-8.
    case invalidUTF8 = -32003
    /// A reload found errors; the previous knowledge keeps serving. `data` lists `file:line:col: message`.
    case reloadFailed = -32004
    /// The server is at its connection limit or shutting down.
    case serverBusy = -32005
}

/// A JSON-RPC error object: a code, a message a person can act on, and optional data.
public struct RPCError: Error, Sendable, Equatable {
    public var code: RPCErrorCode
    public var message: String
    public var data: JSONValue?

    public init(_ code: RPCErrorCode, _ message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// The `error` member of a response.
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("code", .number(String(code.rawValue))), ("message", .string(message))]
        if let data { members.append(("data", data)) }
        return .object(members)
    }

    static func invalidParams(_ message: String) -> RPCError { RPCError(.invalidParams, message) }
}
