import Foundation
import Logging
import Synchronization

/// Background delivery: a fixed set of worker threads that claim due deliveries from the outbox
/// and POST them with libcurl.
///
/// Threads, not tasks: each worker blocks inside `curl_easy_perform`, which must stay off the
/// NIO event loops and off Swift's cooperative pool. The pool never grows, every request has a
/// timeout, and deliveries stay on disk until claimed, so a slow or dead endpoint costs neither
/// memory nor threads. Per-endpoint `max_in_flight` keeps one slow endpoint from occupying every
/// worker.
final class DeliveryService: Sendable {
    struct Dependencies: Sendable {
        var store: any OutboxStore
        var configuration: WebhookConfiguration
        var renderer: PayloadRenderer
        var deadLetters: DeadLetterFile
        var metrics: WebhookMetrics
        var stats: StatsCounters
        var logger: Logger
    }

    /// Longest a worker sleeps without a wake-up, so rows changed by another process
    /// (`karir outbox replay`) are noticed.
    static let idlePoll = 1.0
    /// How often one worker refreshes counts and prunes dead rows.
    static let maintenanceInterval = 10.0

    let dependencies: Dependencies
    let scheduler: EndpointScheduler
    let signal = WakeSignal()
    let backoff: Backoff
    let signers: [String: WebhookSigner]
    /// Identifies this process's leases.
    let owner = "pid-\(getpid())-\(UUID().uuidString.prefix(8))"
    private let running = Atomic<Bool>(false)
    private let stopped = DispatchGroup()

    init(_ dependencies: Dependencies) {
        self.dependencies = dependencies
        scheduler = EndpointScheduler(endpoints: dependencies.configuration.endpoints)
        backoff = Backoff(settings: dependencies.configuration.retry)
        var signers: [String: WebhookSigner] = [:]
        for endpoint in dependencies.configuration.endpoints {
            if let secret = endpoint.secret {
                signers[endpoint.name] = WebhookSigner(secret: secret, previousSecret: endpoint.previousSecret)
            }
        }
        self.signers = signers
    }

    var isRunning: Bool { running.load(ordering: .acquiring) }

    /// Starts the worker threads.
    func start() {
        guard !running.exchange(true, ordering: .acquiringAndReleasing) else { return }
        for index in 0..<dependencies.configuration.workers {
            stopped.enter()
            let thread = Thread { [self] in
                defer { stopped.leave() }
                runWorker(index)
            }
            thread.name = "karir-webhook-\(index)"
            thread.start()
        }
    }

    /// Asks the workers to stop and waits until they have, at most `timeout` seconds. A request
    /// in flight finishes first (each is bounded by its endpoint timeout); its delivery stays
    /// queued if the answer does not arrive in time and is sent again after the next start.
    /// - Returns: false when workers were still busy at the deadline.
    @discardableResult
    func shutdown(timeout: Double) -> Bool {
        guard running.exchange(false, ordering: .acquiringAndReleasing) else { return true }
        signal.wakeAll(dependencies.configuration.workers)
        return stopped.wait(timeout: .now() + .milliseconds(Int(timeout * 1000))) == .success
    }

    private func runWorker(_ index: Int) {
        var logger = dependencies.logger
        logger[metadataKey: "worker"] = "\(index)"
        var transport: CurlTransport?
        while isRunning {
            if transport == nil {
                do {
                    transport = try CurlTransport()
                } catch {
                    logger.critical("webhook worker cannot start libcurl: \(error.message); retrying in 5 s")
                    signal.wait(seconds: 5)
                    continue
                }
            }
            maintainIfDue(logger: logger)
            signal.clear()
            switch nextJob(now: Date()) {
            case let .job(endpoint, delivery):
                // There may be more: let a peer look while this one delivers.
                signal.wake()
                if let transport { attempt(delivery, to: endpoint, with: transport, logger: logger) }
                scheduler.release(endpoint.name)
                signal.wake()
            case let .idle(until):
                signal.wait(seconds: min(Self.idlePoll, max(0.001, until.timeIntervalSinceNow)))
            case let .storeFailed(error):
                logger.error("webhook outbox unavailable: \(error); retrying in 1 s")
                signal.wait(seconds: 1)
            }
        }
    }

    private enum Next {
        case job(EndpointConfiguration, OutboxDelivery)
        case idle(until: Date)
        case storeFailed(OutboxError)
    }

    /// Claims the next due delivery of the first endpoint (in rotation) that is neither paused nor
    /// full, or says when to look again.
    private func nextJob(now: Date) -> Next {
        var wake = now.addingTimeInterval(Self.idlePoll)
        for endpoint in scheduler.rotation() {
            switch scheduler.admit(endpoint, now: now) {
            case .full:
                continue
            case let .paused(until):
                wake = min(wake, until)
                continue
            case .admitted:
                break
            }
            do {
                // A cheap read first, so idle workers never take the write lock an answer needs.
                if let due = try dependencies.store.nextDueDate(endpoint: endpoint.name) {
                    if due <= now {
                        let lease = now.addingTimeInterval(endpoint.timeout + 60)
                        if let delivery = try dependencies.store.claimNext(endpoint: endpoint.name, now: now,
                                                                           leaseUntil: lease, owner: owner) {
                            return .job(endpoint, delivery)
                        }
                    } else {
                        wake = min(wake, due)
                    }
                }
            } catch {
                scheduler.release(endpoint.name)
                return .storeFailed(error)
            }
            scheduler.release(endpoint.name)
        }
        return .idle(until: wake)
    }

    /// Every ``maintenanceInterval``: refresh the pending count from disk (other processes may
    /// have replayed rows), update the queue-depth gauge, prune dead rows beyond the cap.
    private func maintainIfDue(logger: Logger) {
        guard scheduler.claimMaintenance(now: Date(), interval: Self.maintenanceInterval) else { return }
        do {
            let counts = try dependencies.store.counts()
            dependencies.metrics.queueDepth.record(counts.pending)
            let keep = dependencies.configuration.outbox.maxDead
            if counts.dead > keep {
                let pruned = try dependencies.store.pruneDead(keep: keep)
                logger.info("webhook outbox pruned \(pruned) dead deliveries beyond max_dead \(keep) (kept in dead-letter.jsonl)")
            }
        } catch {
            logger.error("webhook outbox maintenance failed: \(error)")
        }
    }
}
