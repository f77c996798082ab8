import Foundation
import KarirCore
import Logging
import Metrics
import Synchronization

/// Forwards chat events to HTTP endpoints: the one object `karir serve` creates.
///
///     let configuration = try WebhookConfiguration.fromFlags(urls: flags.webhook, secret: flags.webhookSecret)
///     let forwarder = try WebhookForwarder.start(configuration: configuration,
///                                                dataDirectory: flags.dataDir, logger: logger)
///     // hand `forwarder` to the server as its EventSink; on exit:
///     forwarder.shutdown()
///
/// ``publish(_:)`` hands events to the outbox writer and returns; the writer commits them to the
/// durable outbox (usually within a millisecond) and worker threads deliver. Committed events
/// survive restarts (including `kill -9`) and are sent after the next start.
public final class WebhookForwarder: EventSink {
    /// The sink that answers call (also reachable through the forwarder's own ``publish(_:)``).
    public let sink: WebhookSink
    /// The outbox, for inspection.
    public let store: any OutboxStore
    /// The data directory in use.
    public let dataDirectory: String
    private let service: DeliveryService
    private let writer: OutboxWriter
    private let counters: StatsCounters
    private let lock: Mutex<DataDirectoryLock?>

    /// Validates the configuration, opens (or creates) the outbox in `dataDirectory`, ends leases
    /// left by a previous run, and starts the delivery workers. Pending events from before are
    /// delivered right away.
    /// - Parameters:
    ///   - dataDirectory: where `outbox.sqlite`, `dead-letter.jsonl`, `install-salt` and
    ///     `outbox.lock` live; default ``DataDirectory/defaultPath`` (`./data`).
    ///   - metricsFactory: where metrics go; default the bootstrapped `MetricsSystem.factory`.
    /// - Throws: ``WebhookConfigurationError`` for a bad configuration; ``OutboxError`` when the data
    ///   directory cannot be used or another process is delivering from it.
    public static func start(configuration: WebhookConfiguration, dataDirectory: String = DataDirectory.defaultPath,
                             logger: Logger, metricsFactory: (any MetricsFactory)? = nil) throws -> WebhookForwarder {
        try configuration.validate()
        let lock = try DataDirectoryLock(directory: dataDirectory)
        let store = try SQLiteOutboxStore(directory: dataDirectory, maxPending: configuration.outbox.maxPending,
                                          durability: configuration.outbox.durability, backgroundCheckpoints: true)
        try store.releaseAllLeases(now: Date())
        let forwarder = try WebhookForwarder(configuration: configuration, store: store, dataDirectory: dataDirectory,
                                             lock: lock, logger: logger, metricsFactory: metricsFactory ?? MetricsSystem.factory)
        forwarder.service.start()
        return forwarder
    }

    private init(configuration: WebhookConfiguration, store: any OutboxStore, dataDirectory: String,
                 lock: DataDirectoryLock, logger: Logger, metricsFactory: any MetricsFactory) throws(OutboxError) {
        let hasher = SessionHasher(salt: try InstallSalt.load(directory: dataDirectory))
        let deadLetters = try DeadLetterFile(directory: dataDirectory)
        let metrics = WebhookMetrics(endpointNames: configuration.endpoints.map(\.name), factory: metricsFactory)
        let stats = StatsCounters()
        service = DeliveryService(.init(store: store, configuration: configuration, renderer: PayloadRenderer(hasher: hasher),
                                        deadLetters: deadLetters, metrics: metrics, stats: stats, logger: logger))
        let committer = OutboxCommitter(
            store: store, endpoints: Dictionary(configuration.endpoints.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a }),
            signal: service.signal, deadLetters: deadLetters, hasher: hasher, metrics: metrics, stats: stats, logger: logger)
        writer = OutboxWriter(commit: committer.commit)
        sink = WebhookSink(configuration: configuration, writer: writer, committer: committer)
        self.store = store
        self.dataDirectory = dataDirectory
        counters = stats
        self.lock = Mutex(lock)
        try Self.report(store.counts(), configuration: configuration, metrics: metrics, logger: logger)
    }

    /// Queues events; see ``WebhookSink/publish(_:)``.
    public func publish(_ events: [ChatEvent]) {
        sink.publish(events)
    }

    /// Totals since start.
    public var stats: WebhookStats { counters.snapshot(queueDepth: store.pendingEstimate) }

    /// Commits events still in memory, stops the workers (waiting up to `timeout` seconds for
    /// requests in flight) and releases the data directory. Undelivered events stay in the outbox
    /// for the next start. Events published afterwards are committed on the caller's thread and
    /// delivered after a restart.
    /// - Returns: false when a request was still in flight at the deadline.
    @discardableResult
    public func shutdown(timeout: Double = 15) -> Bool {
        writer.stop()
        let finished = service.shutdown(timeout: timeout)
        lock.withLock { $0 = nil }
        return finished
    }

    private static func report(_ counts: OutboxCounts, configuration: WebhookConfiguration, metrics: WebhookMetrics,
                               logger: Logger) {
        metrics.queueDepth.record(counts.pending)
        let known = Set(configuration.endpoints.map(\.name))
        for (name, count) in counts.pendingByEndpoint where !known.contains(name) {
            logger.warning("""
                webhook outbox holds \(count) pending deliveries for endpoint "\(name)", which is no longer configured; \
                they stay queued until it is configured again (see `karir outbox list`)
                """)
        }
        if counts.pending > 0 {
            logger.info("webhook outbox: \(counts.pending) pending deliveries from the previous run will be sent")
        }
        if counts.dead > 0 {
            logger.info("webhook outbox: \(counts.dead) dead deliveries; `karir outbox list --dead` shows them")
        }
    }
}
