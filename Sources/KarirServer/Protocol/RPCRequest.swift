/// One JSON-RPC 2.0 request or notification, validated for shape but not for its method's params.
public struct RPCRequest: Sendable, Equatable {
    /// The request id; nil for a notification (no `id` member), which gets no response.
    public var id: JSONValue?
    public var method: String
    /// The `params` member when present (an object or an array).
    public var params: JSONValue?

    public var isNotification: Bool { id == nil }

    /// Reads a request from a parsed JSON value.
    /// - Returns: the request, or the error to answer with and the id to answer to (null when unknown).
    public static func from(_ value: JSONValue) -> Result<RPCRequest, RPCFailure> {
        guard case .object = value else {
            return .failure(RPCFailure(id: .null, error: RPCError(.invalidRequest, "a request must be a JSON object, got \(value.typeName)")))
        }
        let rawID = value["id"]
        var id: JSONValue = .null
        if let rawID {
            switch rawID {
            case .string, .number, .null: id = rawID
            default:
                return .failure(RPCFailure(id: .null, error: RPCError(.invalidRequest, "\"id\" must be a string, a number or null, got \(rawID.typeName)")))
            }
        }
        guard value["jsonrpc"] == .string("2.0") else {
            return .failure(RPCFailure(id: id, error: RPCError(.invalidRequest, "\"jsonrpc\" must be \"2.0\"")))
        }
        guard case .string(let method)? = value["method"] else {
            let got = value["method"]?.typeName ?? "nothing"
            return .failure(RPCFailure(id: id, error: RPCError(.invalidRequest, "\"method\" must be a string, got \(got)")))
        }
        let params = value["params"]
        switch params {
        case nil, .object?, .array?: break
        case let other?:
            return .failure(RPCFailure(id: id, error: RPCError(.invalidRequest, "\"params\" must be an object, got \(other.typeName)")))
        }
        return .success(RPCRequest(id: rawID, method: method, params: params))
    }
}

/// A request that cannot be served: the error, and the id to answer to.
public struct RPCFailure: Error, Sendable, Equatable {
    public var id: JSONValue
    public var error: RPCError
}
