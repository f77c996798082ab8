import Foundation
import KarirCore
import Logging

/// The answer-path half of the forwarder: ``publish(_:)`` only writes rows to the outbox (one
/// small SQLite transaction) and nudges a worker. It never waits for the network.
///
/// When the outbox is full, the deliveries that do not fit are stored dead and written to the
/// dead-letter file at once (nothing is dropped silently). When the outbox cannot be written at
/// all (disk full, file removed), the events go to the dead-letter file as a last resort.
public struct WebhookSink: EventSink {
    let store: any OutboxStore
    /// Endpoint names subscribed to each event kind, in configuration order.
    let routes: [ChatEvent.Kind: [String]]
    let endpoints: [String: EndpointConfiguration]
    let signal: WakeSignal
    let deadLetters: DeadLetterFile
    let hasher: SessionHasher
    let metrics: WebhookMetrics
    let stats: StatsCounters
    let logger: Logger

    init(store: any OutboxStore, configuration: WebhookConfiguration, signal: WakeSignal, deadLetters: DeadLetterFile,
         hasher: SessionHasher, metrics: WebhookMetrics, stats: StatsCounters, logger: Logger) {
        self.store = store
        var routes: [ChatEvent.Kind: [String]] = [:]
        for kind in ChatEvent.Kind.allCases {
            routes[kind] = configuration.endpoints.filter { $0.events.contains(kind) }.map(\.name)
        }
        self.routes = routes
        endpoints = Dictionary(configuration.endpoints.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.signal = signal
        self.deadLetters = deadLetters
        self.hasher = hasher
        self.metrics = metrics
        self.stats = stats
        self.logger = logger
    }

    /// Queues each event for every endpoint that wants its kind. Returns once the rows are
    /// committed (durable against a crash of Karir); delivery happens on the worker threads.
    public func publish(_ events: [ChatEvent]) {
        var items: [OutboxItem] = []
        items.reserveCapacity(events.count)
        for event in events {
            if let names = routes[event.type], !names.isEmpty { items.append(OutboxItem(event: event, endpoints: names)) }
        }
        guard !items.isEmpty else { return }
        let now = Date()
        do {
            let result = try store.enqueue(items, now: now)
            if result.queued > 0 {
                stats.enqueued.add(result.queued, ordering: .relaxed)
                metrics.enqueued.increment(by: Int64(result.queued))
                signal.wake()
            }
            if !result.overflow.isEmpty { spill(result.overflow, now: now) }
            metrics.queueDepth.record(store.pendingEstimate)
        } catch {
            stats.enqueueErrors.add(1, ordering: .relaxed)
            metrics.enqueueErrors.increment()
            logger.error("webhook events not queued, writing them to the dead letters: \(error)")
            for item in items {
                for name in item.endpoints {
                    let delivery = OutboxDelivery(id: 0, endpoint: name, event: item.event, attempts: 0, createdAt: now)
                    record(delivery, reason: "outbox write failed: \(error)", now: now)
                }
            }
        }
    }

    /// Deliveries refused by the full outbox: already dead in the database, now in the file too.
    private func spill(_ overflow: [OutboxDelivery], now: Date) {
        let before = stats.overflow.add(overflow.count, ordering: .relaxed).oldValue
        stats.dead.add(overflow.count, ordering: .relaxed)
        // Log the first overflow and then every thousandth, not every event.
        if before == 0 || before / 1000 != (before + overflow.count) / 1000 {
            logger.warning("""
                webhook outbox full: \(before + overflow.count) deliveries sent to the dead letters so far; check the \
                endpoints, raise outbox.max_pending, or replay with `karir outbox replay --dead`
                """)
        }
        for delivery in overflow {
            let counters = metrics.endpoint(delivery.endpoint)
            counters.overflow.increment()
            counters.dead.increment()
            record(delivery, reason: "outbox full", now: now)
        }
    }

    private func record(_ delivery: OutboxDelivery, reason: String, now: Date) {
        let endpoint = endpoints[delivery.endpoint] ?? EndpointConfiguration(name: delivery.endpoint, url: "")
        let line = DeadLetterRecord(delivery, endpoint: endpoint, attempts: 0, now: now, reason: reason, hasher: hasher)
        do {
            try deadLetters.append(line)
        } catch {
            logger.critical("webhook event \(delivery.event.id) for \(delivery.endpoint) lost: \(error)")
        }
    }
}
