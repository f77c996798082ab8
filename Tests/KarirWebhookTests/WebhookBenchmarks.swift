import Foundation
import KarirCore
import Synchronization
import Testing
@testable import KarirWebhook

/// Speed of the webhook path, for docs/benchmarks.md. Not a test: it asserts nothing about time
/// and only runs when asked, in a release build:
///
///     KARIR_BENCH=1 swift test -c release --filter WebhookBenchmarks
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["KARIR_BENCH"] != nil))
struct WebhookBenchmarks {
    /// Cost added to an answer: one `publish` of the events of one exchange, measured one call at
    /// a time while the workers deliver to a local receiver (so they compete for the database);
    /// with `wait_for_commit` the call includes the SQLite commit.
    @Test(arguments: [(1, 1, false), (2, 1, false), (2, 2, false), (1, 1, true), (2, 2, true)])
    func enqueueCost(events: Int, endpoints: Int, waitForCommit: Bool) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        var configuration = Fixtures.configuration(url: receiver.url)
        configuration.outbox.waitForCommit = waitForCommit
        for index in 1..<endpoints {
            configuration.endpoints.append(EndpointConfiguration(name: "extra\(index)", url: receiver.url, timeout: 2))
        }
        let forwarder = try WebhookForwarder.start(configuration: configuration, dataDirectory: directory.path,
                                                   logger: Fixtures.quietLogger)
        defer { forwarder.shutdown() }
        let samples = try await Self.paced { round in
            forwarder.publish((0..<events).map { Fixtures.event(round * 10 + $0, session: "s\(round % 200)") })
        }
        Self.report("publish while delivering, events=\(events) endpoints=\(endpoints) wait_for_commit=\(waitForCommit)", samples)
        #expect(await Fixtures.eventually(timeout: 60) { forwarder.stats.queueDepth == 0 })
    }

    /// A synchronous outbox insert with no delivery running: the commit alone.
    @Test func enqueueCostWithoutDelivery() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteOutboxStore(directory: directory.path, backgroundCheckpoints: true)
        let samples = try await Self.paced { round in
            _ = try? store.enqueue([OutboxItem(event: Fixtures.event(round, session: "s\(round % 200)"), endpoints: ["a"])],
                                   now: Date())
        }
        Self.report("enqueue, no delivery running, events=1 endpoints=1", samples)
        try store.close()
    }

    /// The noise floor of this machine: the same loop timing an uncontended lock.
    @Test func noiseFloor() async throws {
        let lock = Mutex(0)
        let samples = try await Self.paced { round in lock.withLock { $0 += round } }
        Self.report("noise floor (one uncontended lock)", samples)
    }

    /// Calls `body` 20 000 times at about 2 000 calls a second (a busy office, not a tight loop),
    /// timing each call; returns microseconds.
    static func paced(pause: Bool = true, _ body: (Int) -> Void) async throws -> [Double] {
        let rounds = 20_000
        var samples: [Double] = []
        samples.reserveCapacity(rounds)
        let clock = ContinuousClock()
        for round in 0..<rounds {
            let started = clock.now
            body(round)
            samples.append(Double(DeliveryService.nanoseconds(clock.now - started)) / 1000)
            if pause, round % 2 == 0 { try await Task.sleep(for: .microseconds(500)) }
        }
        return samples.sorted()
    }

    static func report(_ name: String, _ sorted: [Double]) {
        func at(_ p: Double) -> String { String(format: "%.1f", sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]) }
        print("BENCH \(name): n=\(sorted.count) us p50 \(at(0.5)) p90 \(at(0.9)) p99 \(at(0.99)) p99.9 \(at(0.999)) "
            + "max \(String(format: "%.1f", sorted.last ?? 0))")
    }

    /// Deliveries per second from a full outbox to a local receiver.
    @Test(arguments: [(4, 4), (8, 8), (16, 16)])
    func deliveryThroughput(workers: Int, inFlight: Int) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let total = 10_000
        // Queue first, then start delivering, so the measurement is delivery alone.
        do {
            let store = try SQLiteOutboxStore(directory: directory.path)
            let events = (0..<total).map { Fixtures.event($0, session: "s\($0 % 100)") }
            _ = try store.enqueue(events.map { OutboxItem(event: $0, endpoints: ["test"]) }, now: Date())
            try store.close()
        }
        let started = Date()
        let forwarder = try WebhookForwarder.start(
            configuration: Fixtures.configuration(url: receiver.url, workers: workers, maxInFlight: inFlight),
            dataDirectory: directory.path, logger: Fixtures.quietLogger)
        defer { forwarder.shutdown() }
        let done = await Fixtures.eventually(timeout: 300) { forwarder.stats.delivered == total }
        let seconds = Date().timeIntervalSince(started)
        print("BENCH deliver workers=\(workers) in_flight=\(inFlight) total=\(total) done=\(done) "
            + "seconds=\(String(format: "%.2f", seconds)) per_second=\(Int(Double(total) / seconds)) "
            + "requests=\(receiver.requests.count)")
    }
}
