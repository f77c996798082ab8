import Synchronization

/// Totals since the forwarder started, for tests, logs and `karir outbox`; the same numbers go
/// to swift-metrics (``WebhookMetrics``).
public struct WebhookStats: Sendable, Equatable {
    /// Deliveries queued (one per event and endpoint).
    public var enqueued: Int
    /// Deliveries acknowledged with 2xx.
    public var delivered: Int
    /// Failed attempts that were scheduled again.
    public var retried: Int
    /// Deliveries moved to the dead letters (including overflow).
    public var dead: Int
    /// Deliveries refused because the outbox was full.
    public var overflow: Int
    /// Events that could not be written to the outbox at all.
    public var enqueueErrors: Int
    /// Pending deliveries now.
    public var queueDepth: Int
}

/// Lock-free counters behind ``WebhookStats``.
final class StatsCounters: Sendable {
    let enqueued = Atomic<Int>(0)
    let delivered = Atomic<Int>(0)
    let retried = Atomic<Int>(0)
    let dead = Atomic<Int>(0)
    let overflow = Atomic<Int>(0)
    let enqueueErrors = Atomic<Int>(0)

    func snapshot(queueDepth: Int) -> WebhookStats {
        WebhookStats(enqueued: enqueued.load(ordering: .relaxed), delivered: delivered.load(ordering: .relaxed),
                     retried: retried.load(ordering: .relaxed), dead: dead.load(ordering: .relaxed),
                     overflow: overflow.load(ordering: .relaxed), enqueueErrors: enqueueErrors.load(ordering: .relaxed),
                     queueDepth: queueDepth)
    }
}
