import Foundation
import Logging

/// One delivery attempt and what follows from its outcome.
extension DeliveryService {
    func attempt(_ delivery: OutboxDelivery, to endpoint: EndpointConfiguration, with transport: CurlTransport,
                 logger: Logger) {
        let deps = dependencies
        let metrics = deps.metrics.endpoint(endpoint.name)
        let body = deps.renderer.body(for: delivery.event, rawSession: endpoint.rawSession)
        let attemptNumber = delivery.attempts + 1
        var headers = endpoint.headers.map { "\($0.name): \($0.value)" }
        headers.append("Karir-Event-Id: \(delivery.event.id)")
        headers.append("Karir-Event-Type: \(delivery.event.type.rawValue)")
        headers.append("Karir-Delivery-Attempt: \(attemptNumber)")
        if let signer = signers[endpoint.name] {
            let timestamp = Int64(Date().timeIntervalSince1970)
            headers.append("\(WebhookSigner.headerName): \(signer.signature(timestamp: timestamp, body: body))")
        }

        let started = ContinuousClock.now
        let result = transport.post(url: endpoint.url, body: body, headers: headers, timeout: endpoint.timeout)
        metrics.requestDuration.recordNanoseconds(Self.nanoseconds(ContinuousClock.now - started))
        let now = Date()
        let outcome = DeliveryOutcome.classify(result) { RetryAfter.seconds($0, now: now) }

        do {
            switch outcome {
            case .delivered:
                scheduler.recordReachable(endpoint.name)
                try deps.store.markDelivered(id: delivery.id)
                deps.stats.delivered.add(1, ordering: .relaxed)
                metrics.delivered.increment()
                metrics.latency.recordNanoseconds(Int64(max(0, now.timeIntervalSince(delivery.createdAt)) * 1e9))
            case let .retry(reason, retryAfter, pauseEndpoint):
                if pauseEndpoint {
                    let pause = retryAfter.map { min($0, deps.configuration.retry.maxRetryAfter) }
                    scheduler.recordUnreachable(endpoint.name, now: now, retryAfter: pause) {
                        backoff.delay(afterAttempt: $0, retryAfter: nil)
                    }
                } else {
                    scheduler.recordReachable(endpoint.name)
                }
                if attemptNumber >= endpoint.maxAttempts {
                    try bury(delivery, endpoint: endpoint, attempts: attemptNumber, now: now,
                             reason: "gave up after \(attemptNumber) attempts; last: \(reason)", logger: logger)
                } else {
                    let delay = backoff.delay(afterAttempt: attemptNumber, retryAfter: retryAfter)
                    try deps.store.scheduleRetry(id: delivery.id, attempts: attemptNumber,
                                                 at: now.addingTimeInterval(delay), error: reason)
                    deps.stats.retried.add(1, ordering: .relaxed)
                    metrics.retried.increment()
                    logger.debug("webhook delivery retried", metadata: [
                        "endpoint": "\(endpoint.name)", "event": "\(delivery.event.id)", "attempt": "\(attemptNumber)",
                        "delay_s": "\(String(format: "%.3f", delay))", "reason": "\(reason)",
                    ])
                }
            case let .reject(reason):
                scheduler.recordReachable(endpoint.name)
                try bury(delivery, endpoint: endpoint, attempts: attemptNumber, now: now,
                         reason: "rejected: \(reason)", logger: logger)
            }
        } catch {
            // The outcome could not be recorded: the lease runs out and the delivery is attempted
            // again (a duplicate at worst, within the at-least-once rule).
            logger.error("webhook outbox could not record delivery \(delivery.id): \(error)")
        }
        deps.metrics.queueDepth.record(deps.store.pendingEstimate)
    }

    /// Moves a delivery to the dead letters: the line in `dead-letter.jsonl` first, then the row,
    /// so a crash in between leaves a duplicate line rather than a missing one.
    func bury(_ delivery: OutboxDelivery, endpoint: EndpointConfiguration, attempts: Int, now: Date, reason: String,
              logger: Logger) throws(OutboxError) {
        let deps = dependencies
        let record = DeadLetterRecord(delivery, endpoint: endpoint, attempts: attempts, now: now, reason: reason,
                                      hasher: deps.renderer.hasher)
        do {
            try deps.deadLetters.append(record)
        } catch {
            logger.error("webhook dead letter not written: \(error)")
        }
        try deps.store.markDead(id: delivery.id, attempts: attempts, error: reason, at: now)
        deps.stats.dead.add(1, ordering: .relaxed)
        deps.metrics.endpoint(endpoint.name).dead.increment()
        logger.warning("webhook delivery dead", metadata: [
            "endpoint": "\(endpoint.name)", "event": "\(delivery.event.id)", "attempts": "\(attempts)", "reason": "\(reason)",
        ])
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let parts = duration.components
        return parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
    }
}
