import Foundation
import KarirCore
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import UnixSignals

/// Runs `karir serve`: loads the knowledge, starts the server and its companions (metrics port,
/// transcript, SIGHUP and file-watch reloads) in one `ServiceGroup`, and stops them all gracefully on
/// SIGTERM or SIGINT.
public enum ServeRunner {
    /// `karir serve` could not start.
    public enum Failure: Error, CustomStringConvertible {
        /// The knowledge has errors (every one is listed).
        case knowledge(LoadFailure)
        /// The transcript file cannot be opened.
        case transcript(TranscriptWriter.OpenError)

        public var description: String {
            switch self {
            case .knowledge(let failure): "cannot start: " + failure.description
            case .transcript(let error): "cannot start: " + error.description
            }
        }
    }

    /// Serves until SIGTERM/SIGINT.
    /// - Parameters:
    ///   - configuration: the resolved settings.
    ///   - registry: where metrics go (bootstrap `MetricsSystem` with it to export library metrics too).
    ///   - events: receives conversation events (the webhook outbox), or nil.
    ///   - onListening: called with `host:port` once the protocol port listens (print it for scripts).
    ///   - onMetricsListening: called with `host:port` once the metrics port listens.
    public static func run(configuration: ServerConfiguration, registry: MetricsRegistry, events: (any EventSink)?,
                           logger: Logger, onListening: @escaping @Sendable (String) -> Void,
                           onMetricsListening: @escaping @Sendable (String) -> Void = { _ in }) async throws {
        let knowledge = URL(fileURLWithPath: configuration.knowledge)
        let prompts = URL(fileURLWithPath: configuration.prompts)
        // Trained models and compiled knowledge are kept between loads (KARIR_CACHE_DIR, `off` to
        // turn it off): a restart or reload with unchanged knowledge skips training, and with
        // unchanged files skips compiling.
        let modelCache = ModelCache.standard()
        let engine: Engine
        do {
            engine = try Engine.load(knowledge: knowledge, prompts: prompts, modelCache: modelCache)
        } catch {
            throw Failure.knowledge(error)
        }
        logger.info("knowledge loaded", metadata: [
            "hash": "\(engine.info.knowledgeHash)", "intents": "\(engine.info.intents)",
            "warnings": "\(engine.warnings.count)", "load_ms": "\(engine.info.loadMilliseconds)",
            "model_from_cache": "\(engine.info.modelFromCache)", "compiled_from_cache": "\(engine.info.compiledFromCache)",
        ])
        for warning in engine.warnings {
            logger.warning("\(warning.oneLine)")
        }
        let holder = EngineHolder(initial: engine, logger: logger) { () throws(LoadFailure) -> any Responder in
            try Engine.load(knowledge: knowledge, prompts: prompts, modelCache: modelCache)
        }
        let metrics = ServerMetrics(registry: registry)
        let transcript: TranscriptWriter?
        do {
            transcript = try configuration.transcript.map { path throws(TranscriptWriter.OpenError) in
                try TranscriptWriter(path: path, salt: configuration.transcriptSalt, metrics: metrics, logger: logger)
            }
        } catch {
            throw Failure.transcript(error)
        }
        let threads = configuration.threads > 0 ? configuration.threads : System.coreCount
        let group = MultiThreadedEventLoopGroup(numberOfThreads: threads)
        let reload: @Sendable (String) async -> Void = { trigger in
            _ = await ServerContext.reload(holder, metrics: metrics, logger: logger, trigger: trigger)
        }

        // Shut down in reverse order: reload triggers, then the server (draining), then metrics, then the transcript.
        var services: [any Service] = []
        if let transcript { services.append(transcript) }
        if let metricsPort = configuration.metricsPort {
            services.append(MetricsHTTPServer(host: configuration.metricsHost, port: metricsPort, registry: registry,
                                              group: group, logger: logger) { address in
                onMetricsListening(hostPort(address))
            })
        }
        services.append(KarirServerService(start: {
            try await KarirServer.start(configuration: configuration, engine: holder, metrics: metrics, events: events,
                                        transcript: transcript, logger: logger, group: group)
        }, onStarted: { server in
            onListening(hostPort(server.localAddress))
        }))
        services.append(SignalReloadService { await reload("SIGHUP") })
        if configuration.watch {
            let interval = Duration(configuration.watchInterval)
            services.append(KnowledgeWatcher(folders: [knowledge, prompts], interval: interval) { await reload("watch") })
        }
        let serviceGroup = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await serviceGroup.run()
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        try? await group.shutdownGracefully()
    }

    /// `127.0.0.1:7420`, or `[::1]:7420` for IPv6.
    static func hostPort(_ address: SocketAddress) -> String {
        let host = address.ipAddress ?? "?"
        let port = address.port ?? 0
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
