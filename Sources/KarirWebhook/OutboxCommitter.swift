import Foundation
import KarirCore
import Logging

/// Writes batches of published events to the outbox and accounts for the result: counters,
/// a wake-up for the delivery workers, and the dead letters for whatever the outbox could not
/// take. Runs on the ``OutboxWriter`` thread (or on the caller's after shutdown).
///
/// When the outbox is full, the deliveries that do not fit are stored dead and written to the
/// dead-letter file at once (nothing is dropped silently). When the outbox cannot be written at
/// all (disk full, file removed), the events go to the dead-letter file as a last resort.
struct OutboxCommitter: Sendable {
    let store: any OutboxStore
    let endpoints: [String: EndpointConfiguration]
    let signal: WakeSignal
    let deadLetters: DeadLetterFile
    let hasher: SessionHasher
    let metrics: WebhookMetrics
    let stats: StatsCounters
    let logger: Logger

    func commit(_ items: [OutboxItem]) {
        let now = Date()
        do {
            let result = try store.enqueue(items, now: now)
            if result.queued > 0 {
                stats.enqueued.add(result.queued, ordering: .relaxed)
                metrics.enqueued.increment(by: Int64(result.queued))
                signal.wake()
            }
            if !result.overflow.isEmpty { spill(result.overflow, reason: "outbox full", now: now) }
            metrics.queueDepth.record(store.pendingEstimate)
        } catch {
            stats.enqueueErrors.add(items.count, ordering: .relaxed)
            metrics.enqueueErrors.increment(by: Int64(items.count))
            logger.error("webhook events not queued, writing them to the dead letters: \(error)")
            spill(deliveries(of: items, at: now), reason: "outbox write failed: \(error)", now: now, counted: false)
        }
    }

    /// The deliveries `items` would have become, for the dead letters.
    func deliveries(of items: [OutboxItem], at now: Date) -> [OutboxDelivery] {
        items.flatMap { item in
            item.endpoints.map { OutboxDelivery(id: 0, endpoint: $0, event: item.event, attempts: 0, createdAt: now) }
        }
    }

    /// Deliveries refused for lack of room: counted as overflow and dead, written to the file.
    func spill(_ overflow: [OutboxDelivery], reason: String, now: Date, counted: Bool = true) {
        if counted {
            let before = stats.overflow.add(overflow.count, ordering: .relaxed).oldValue
            stats.dead.add(overflow.count, ordering: .relaxed)
            // Log the first overflow and then every thousandth, not every event.
            if before == 0 || before / 1000 != (before + overflow.count) / 1000 {
                logger.warning("""
                    webhook outbox full (\(reason)): \(before + overflow.count) deliveries sent to the dead letters so far; \
                    check the endpoints and the disk, raise outbox.max_pending, or replay with `karir outbox replay --dead`
                    """)
            }
            for delivery in overflow {
                let counters = metrics.endpoint(delivery.endpoint)
                counters.overflow.increment()
                counters.dead.increment()
            }
        }
        for delivery in overflow {
            let endpoint = endpoints[delivery.endpoint] ?? EndpointConfiguration(name: delivery.endpoint, url: "")
            let line = DeadLetterRecord(delivery, endpoint: endpoint, attempts: 0, now: now, reason: reason, hasher: hasher)
            do {
                try deadLetters.append(line)
            } catch {
                logger.critical("webhook event \(delivery.event.id) for \(delivery.endpoint) lost: \(error)")
            }
        }
    }
}
