import KarirCore

/// A JSON-RPC 2.0 request as `karir serve` expects it, one per line.
struct RPCRequest<Params: Encodable & Sendable>: Encodable, Sendable {
    let jsonrpc = "2.0"
    var id: Int
    var method: String
    var params: Params
}

/// Parameters of `ask`. `lang` is left out when the engine should detect the language.
struct AskParams: Encodable, Sendable {
    var session: String
    var text: String
    var lang: Language?
}

/// Parameters of `reset`.
struct SessionParams: Encodable, Sendable {
    var session: String
}

/// Parameters of `prompt`.
struct PromptParams: Encodable, Sendable {
    var key: String
    var lang: Language
}

/// Parameters of `ping` (none).
struct NoParams: Encodable, Sendable {}

/// Result of `prompt`.
struct PromptResult: Decodable, Sendable {
    var key: String
    var lang: Language
    var text: String
}

/// Result of `reset`.
struct ResetResult: Decodable, Sendable {
    var session: String
    var reset: Bool
}

/// The `error` member of a JSON-RPC response.
struct RPCErrorObject: Decodable, Sendable {
    var code: Int
    var message: String
}

/// Just the `id` of a response line, to route it to the call waiting for it.
struct RPCEnvelope: Decodable, Sendable {
    var id: Int?
}

/// A whole JSON-RPC response whose result is `Result`.
struct RPCResponse<Result: Decodable & Sendable>: Decodable, Sendable {
    var id: Int?
    var result: Result?
    var error: RPCErrorObject?
}
