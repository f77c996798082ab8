/// Builds JSON-RPC 2.0 response lines (compact JSON, no trailing newline).
public enum RPCResponse {
    /// `{"jsonrpc":"2.0","id":…,"result":…}` where `result` is already-encoded JSON text.
    public static func success(id: JSONValue, resultJSON: String) -> String {
        var out = #"{"jsonrpc":"2.0","id":"#
        out.reserveCapacity(resultJSON.utf8.count + 64)
        id.write(to: &out)
        out += #","result":"#
        out += resultJSON
        out += "}"
        return out
    }

    /// `{"jsonrpc":"2.0","id":…,"result":…}` for a result given as a ``JSONValue``.
    public static func success(id: JSONValue, result: JSONValue) -> String {
        success(id: id, resultJSON: result.serialized)
    }

    /// `{"jsonrpc":"2.0","id":…,"error":{"code":…,"message":…,"data":…}}`.
    public static func failure(id: JSONValue, error: RPCError) -> String {
        var out = #"{"jsonrpc":"2.0","id":"#
        id.write(to: &out)
        out += #","error":"#
        error.json.write(to: &out)
        out += "}"
        return out
    }
}
