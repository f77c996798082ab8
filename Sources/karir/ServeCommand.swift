import ArgumentParser
import Foundation
import KarirCore
import KarirServer
import Logging
import Metrics

/// `karir serve`: the line protocol over TCP for gateways and kiosks (docs/protocol.md).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve Karir over TCP: JSON-RPC 2.0 or plain text, one message per line.",
        discussion: """
        Every setting can come from a YAML file (--config), an environment variable (KARIR_<KEY>, \
        e.g. KARIR_PORT) or a flag; flags win over the environment, which wins over the file. \
        Keys: \(ConfigKey.allCases.map(\.rawValue).joined(separator: ", ")).

        Prints "listening on HOST:PORT" when ready (port 0 picks a free port). SIGHUP reloads the \
        knowledge; SIGTERM/SIGINT stop gracefully. See docs/protocol.md.
        """
    )

    @OptionGroup var knowledgeOptions: KnowledgeOptions

    @Option(help: "YAML configuration file (env: KARIR_CONFIG).")
    var config: String?

    @Option(help: "Address to listen on (default 127.0.0.1).")
    var host: String?

    @Option(help: "TCP port (default 7420; 0 picks a free one).")
    var port: String?

    @Option(name: .customLong("metrics-port"), help: "Serve Prometheus metrics at GET /metrics on this port.")
    var metricsPort: String?

    @Option(name: .customLong("metrics-host"), help: "Address for the metrics port (default 127.0.0.1).")
    var metricsHost: String?

    @Option(name: .customLong("admin-token"), help: "Token for the admin methods reload and stats (prefer KARIR_ADMIN_TOKEN).")
    var adminToken: String?

    @Option(name: .customLong("max-line-bytes"), help: "Longest accepted line (default 16KiB).")
    var maxLineBytes: String?

    @Option(name: .customLong("max-connections"), help: "Most simultaneous connections (default 4096).")
    var maxConnections: String?

    @Option(name: .customLong("idle-timeout"), help: "Close a connection silent for this long (default 300s; 0 = never).")
    var idleTimeout: String?

    @Option(name: .customLong("write-timeout"), help: "Disconnect a client not reading its replies for this long (default 30s).")
    var writeTimeout: String?

    @Option(name: .customLong("output-buffer-bytes"), help: "Replies buffered per connection before reading pauses (default 64KiB).")
    var outputBufferBytes: String?

    @Option(name: .customLong("session-timeout"), help: "Forget a session unused for this long (default 30m).")
    var sessionTimeout: String?

    @Option(name: .customLong("max-sessions"), help: "Most sessions kept; the least recently used is evicted (default 100000).")
    var maxSessions: String?

    @Flag(inversion: .prefixedNo, help: "Reload when knowledge or prompt files change.")
    var watch: Bool?

    @Option(name: .customLong("watch-interval"), help: "How often --watch looks at the files (default 1s).")
    var watchInterval: String?

    @Option(help: "Append each question and answer as a JSON line to this file (session ids hashed).")
    var transcript: String?

    @Option(name: .customLong("transcript-salt"), help: "Secret for hashing session ids in the transcript (default: random per start).")
    var transcriptSalt: String?

    @Option(name: .customLong("shutdown-timeout"), help: "How long shutdown waits for connections to finish (default 10s).")
    var shutdownTimeout: String?

    @Option(help: "Event loop threads (default 0 = one per core).")
    var threads: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (default info).")
    var logLevel: String?

    @Option(name: .customLong("log-format"), help: "text or json (default text).")
    var logFormat: String?

    /// `--webhook URL` (repeatable), `--webhook-secret`, `--data-dir`; endpoints can also come
    /// from the `webhooks:` section of the configuration file (docs/webhooks.md).
    @OptionGroup var webhookOptions: WebhookOptions

    /// Config keys handled outside ``ServerConfiguration``: the webhook section.
    static let extraConfigKeys: Set<String> = ["webhooks"]

    func run() async throws {
        let configFile = config ?? ProcessInfo.processInfo.environment["KARIR_CONFIG"]
        let configuration: ServerConfiguration
        do {
            configuration = try ServerConfiguration.resolve(
                configFile: configFile,
                environment: ProcessInfo.processInfo.environment, flags: flagValues(), extraKeys: Self.extraConfigKeys)
        } catch {
            printError("karir serve: \(error.description)")
            throw ExitCode(2)
        }
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = switch configuration.logFormat {
            case .json: JSONLogHandler(label: label)
            case .text: StreamLogHandler.standardError(label: label)
            }
            handler.logLevel = configuration.logLevel
            return handler
        }
        let registry = MetricsRegistry()
        MetricsSystem.bootstrap(registry)
        let logger = Logger(label: "karir.serve")
        // Events go to the durable outbox and from there to the endpoints; nothing when none is set.
        let forwarder = try webhookOptions.startForwarder(configFile: configFile,
                                                          logger: Logger(label: "karir.webhook"))
        if let forwarder { logger.info("forwarding events", metadata: ["data_dir": "\(forwarder.dataDirectory)"]) }
        defer { _ = forwarder?.shutdown() }
        do {
            try await ServeRunner.run(configuration: configuration, registry: registry, events: forwarder, logger: logger,
                                      onListening: { printLine("listening on \($0)") },
                                      onMetricsListening: { printLine("metrics on http://\($0)/metrics") })
        } catch let failure as ServeRunner.Failure {
            printError("karir serve: \(failure.description)")
            throw ExitCode(1)
        }
    }

    /// The flags given on the command line, by config key.
    private func flagValues() -> [ConfigKey: String] {
        var flags: [ConfigKey: String] = [:]
        let given: [(ConfigKey, String?)] = [
            (.host, host), (.port, port), (.metricsPort, metricsPort), (.metricsHost, metricsHost),
            (.adminToken, adminToken), (.maxLineBytes, maxLineBytes), (.maxConnections, maxConnections),
            (.idleTimeout, idleTimeout), (.writeTimeout, writeTimeout), (.outputBufferBytes, outputBufferBytes),
            (.sessionTimeout, sessionTimeout), (.maxSessions, maxSessions), (.watch, watch.map { $0 ? "true" : "false" }),
            (.watchInterval, watchInterval), (.transcript, transcript), (.transcriptSalt, transcriptSalt),
            (.shutdownTimeout, shutdownTimeout), (.threads, threads), (.logLevel, logLevel), (.logFormat, logFormat),
        ]
        for case let (key, value?) in given { flags[key] = value }
        // --knowledge and --prompts have defaults in the shared options; only an explicit flag should
        // override the configuration file and the environment.
        if Self.wasGiven("--knowledge") { flags[.knowledge] = knowledgeOptions.knowledge }
        if Self.wasGiven("--prompts") { flags[.prompts] = knowledgeOptions.prompts }
        return flags
    }

    private static func wasGiven(_ flag: String) -> Bool {
        CommandLine.arguments.contains { $0 == flag || $0.hasPrefix(flag + "=") }
    }
}

/// Writes a line to standard output unbuffered, so a script waiting for it sees it at once.
func printLine(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
