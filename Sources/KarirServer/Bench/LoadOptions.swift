/// What `karir bench` sends, how hard, and for how long.
public struct LoadOptions: Sendable {
    /// How requests are framed.
    public enum Mode: String, Sendable, CaseIterable, Codable {
        /// JSON-RPC `ask` (or `ping`) requests, one response line each.
        case json
        /// Plain questions, answered by lines ending with ".".
        case text
    }

    public var host = "127.0.0.1"
    public var port = 7420
    /// Simultaneous connections.
    public var connections = 64
    /// Requests each connection keeps outstanding (1 = request/response; more = pipelining).
    public var depth = 1
    /// Measured time.
    public var duration: Duration = .seconds(10)
    /// Time before measuring (load runs, results discarded).
    public var warmup: Duration = .seconds(1)
    public var mode = Mode.json
    /// JSON mode: send `ping` instead of `ask`.
    public var ping = false
    /// The question asked.
    public var question = "cara membuat kartu kuning"
    /// Distinct session ids used in JSON mode; 0 means one per connection.
    public var sessions = 0
    /// Event loop threads of the load generator.
    public var threads = 1
    /// Open the connections and send nothing (for memory measurements); `duration` is how long to hold them.
    public var idle = false

    public init() {}
}
