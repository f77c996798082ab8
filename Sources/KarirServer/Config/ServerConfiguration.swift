import Logging
import NIOCore

/// Everything `karir serve` can be told, with its defaults.
///
/// Built in one place, ``resolve(configFile:environment:flags:)``, from (lowest to highest precedence)
/// the defaults, a YAML file, `KARIR_*` environment variables and command-line flags. Every setting has
/// all three names; see ``ConfigKey``.
public struct ServerConfiguration: Sendable, Equatable {
    /// Address to listen on.
    public var host = "127.0.0.1"
    /// TCP port; 0 picks a free one (printed when listening).
    public var port = 7420
    /// Knowledge folder.
    public var knowledge = "./knowledge"
    /// Prompts folder.
    public var prompts = "./prompts"
    /// Port for Prometheus metrics over HTTP (`GET /metrics`); nil disables it.
    public var metricsPort: Int?
    /// Address for the metrics port.
    public var metricsHost = "127.0.0.1"
    /// Token required by the admin methods `reload` and `stats`; nil disables them.
    public var adminToken: String?
    /// Longest accepted line in bytes.
    public var maxLineBytes = 16 * 1024
    /// Most simultaneous connections; more are refused with error -32005.
    public var maxConnections = 4096
    /// A connection that sends nothing (not even the end of a started line) for this long is closed; 0 never.
    public var idleTimeout = TimeAmount.seconds(300)
    /// A client that does not read its replies for this long, while they back up, is disconnected.
    public var writeTimeout = TimeAmount.seconds(30)
    /// Bytes of replies buffered for a connection before the server stops reading its requests.
    public var outputBufferBytes = 64 * 1024
    /// A session unused for this long is forgotten.
    public var sessionTimeout = TimeAmount.minutes(30)
    /// Most sessions kept; the least recently used is evicted beyond it.
    public var maxSessions = 100_000
    /// Reload when files under the knowledge or prompts folders change.
    public var watch = false
    /// How often `watch` looks at the files.
    public var watchInterval = TimeAmount.seconds(1)
    /// Append a JSON line per question and answer to this file (session ids hashed); nil disables it.
    public var transcript: String?
    /// Secret mixed into the transcript's session hashes; random per start when nil.
    public var transcriptSalt: String?
    /// How long shutdown waits for connections to finish before closing them.
    public var shutdownTimeout = TimeAmount.seconds(10)
    /// Event loop threads; 0 means one per core.
    public var threads = 0
    /// Minimum level of log messages.
    public var logLevel = Logger.Level.info
    /// Log as human-readable text or as JSON lines.
    public var logFormat = LogFormat.text
    /// Values of the caller's own keys (see `extraKeys` in ``resolve(configFile:environment:flags:extraKeys:)``).
    public var extras: [String: String] = [:]

    /// How log lines are written.
    public enum LogFormat: String, Sendable, CaseIterable {
        case text, json
    }

    public init() {}
}
