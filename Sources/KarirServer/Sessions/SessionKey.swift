/// How a conversation is identified on the server.
public enum SessionKey: Hashable, Sendable {
    /// A session named by the client (`params.session` in JSON mode); shared by all connections using the name.
    case named(String)
    /// The private session of one text-mode connection, dropped when the connection closes.
    case connection(UInt64)

    /// The id used in events, logs and transcripts.
    public var label: String {
        switch self {
        case .named(let name): name
        case .connection(let id): "conn-\(id)"
        }
    }
}
