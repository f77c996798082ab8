import Foundation

/// One setting of ``ServerConfiguration`` with its three spellings: YAML key, environment variable, flag.
///
/// The raw value is the YAML key (`max_line_bytes`); the environment variable is `KARIR_` plus the
/// key in capitals (`KARIR_MAX_LINE_BYTES`); the flag is the key with dashes (`--max-line-bytes`).
public enum ConfigKey: String, Sendable, CaseIterable, Hashable {
    case host, port, knowledge, prompts
    case metricsPort = "metrics_port"
    case metricsHost = "metrics_host"
    case adminToken = "admin_token"
    case maxLineBytes = "max_line_bytes"
    case maxConnections = "max_connections"
    case idleTimeout = "idle_timeout"
    case writeTimeout = "write_timeout"
    case outputBufferBytes = "output_buffer_bytes"
    case sessionTimeout = "session_timeout"
    case maxSessions = "max_sessions"
    case watch
    case watchInterval = "watch_interval"
    case transcript
    case transcriptSalt = "transcript_salt"
    case shutdownTimeout = "shutdown_timeout"
    case threads
    case logLevel = "log_level"
    case logFormat = "log_format"

    /// `KARIR_MAX_LINE_BYTES`.
    public var environmentVariable: String { "KARIR_" + rawValue.uppercased() }
    /// `--max-line-bytes`.
    public var flag: String { "--" + rawValue.replacingOccurrences(of: "_", with: "-") }

    /// What the value looks like, for error messages.
    public var expected: String {
        switch self {
        case .host, .metricsHost: "a host name or IP address"
        case .port, .metricsPort: "a port number 0-65535"
        case .knowledge, .prompts, .transcript: "a path"
        case .adminToken, .transcriptSalt: "a non-empty string"
        case .maxLineBytes, .outputBufferBytes: "a size such as 16384, 16KiB or 1MiB"
        case .maxConnections, .maxSessions: "a positive whole number"
        case .threads: "a whole number (0 = one per core)"
        case .idleTimeout, .writeTimeout, .sessionTimeout, .watchInterval, .shutdownTimeout:
            "a duration such as 30s, 500ms, 30m or 1h (a plain number is seconds)"
        case .watch: "true or false"
        case .logLevel: "one of trace, debug, info, notice, warning, error, critical"
        case .logFormat: "text or json"
        }
    }
}
