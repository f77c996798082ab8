import Foundation
import Synchronization
import KarirCore
import Testing
@testable import KarirWebhook

/// `kill -9` of a delivering process mid-queue, then a restart on the same data directory.
@Suite struct CrashRecoveryTests {
    /// The `karir` executable built next to the test bundle (`swift test` builds every product).
    static var karirExecutable: String? {
        guard let testBinary = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        var directory = (testBinary as NSString).deletingLastPathComponent
        // The bundle may be a directory (`….xctest/…`) on some platforms.
        while directory.hasSuffix(".xctest") || directory.contains(".xctest/") {
            directory = (directory as NSString).deletingLastPathComponent
        }
        let candidate = (directory as NSString).appendingPathComponent("karir")
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    @Test func killDashNineMidQueueLosesNothing() async throws {
        let executable = try #require(Self.karirExecutable, "build the karir executable first (swift build)")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // Until the kill, every request past the 30th is held back for a while: however slowly
        // this test is scheduled, the child cannot finish the queue before it is killed.
        let killed = Mutex(false)
        let receiver = try TestReceiver { request in
            .init(status: 200, delay: request.index < 30 || killed.withLock({ $0 }) ? 0.02 : 1.0)
        }
        defer { receiver.stop() }
        let configFile = directory.file("karir.yaml")
        try """
            webhooks:
              workers: 2
              retry: {initial_backoff: 50ms, max_backoff: 200ms}
              endpoints:
                - name: crm
                  url: \(receiver.url)
                  secret: whsec_crash
                  max_in_flight: 2
            """.write(toFile: configFile, atomically: true, encoding: .utf8)
        let dataDirectory = directory.file("data")

        // Queue 120 events in 4 sessions, as a server would have before the crash.
        let events = (0..<120).map { Fixtures.event($0, session: "s\($0 % 4)") }
        do {
            let store = try SQLiteOutboxStore(directory: dataDirectory)
            _ = try store.enqueue(events.map { OutboxItem(event: $0, endpoints: ["crm"]) }, now: Date())
            try store.close()
        }

        // A separate process delivers; kill it without warning once it is well into the queue.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: executable)
        child.arguments = ["outbox", "deliver", "--config", configFile, "--data-dir", dataDirectory]
        child.standardError = FileHandle(forWritingAtPath: "/dev/null")
        child.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try child.run()
        let started = await receiver.waitForRequests(30, timeout: 20)
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        killed.withLock { $0 = true }
        #expect(started, "the child process delivered nothing")
        #expect(child.terminationReason == .uncaughtSignal)
        let beforeRestart = receiver.requests.count
        #expect(beforeRestart < events.count, "the kill came before the queue was done")

        // Restart on the same directory: the lock is free again and every event arrives.
        let configuration = try WebhookConfiguration.load(yamlFile: configFile, environment: [:])
        let forwarder = try WebhookForwarder.start(configuration: configuration, dataDirectory: dataDirectory,
                                                   logger: Fixtures.quietLogger)
        defer { forwarder.shutdown() }
        #expect(await receiver.waitForEvents(Set(events.map(\.id)), timeout: 20))
        #expect(await Fixtures.eventually { forwarder.stats.queueDepth == 0 })
        #expect(forwarder.stats.dead == 0)

        // At-least-once: only requests in flight at the kill (at most one per worker) may repeat.
        let requests = receiver.requests
        let duplicates = requests.count - Set(requests.compactMap(\.eventID)).count
        #expect(duplicates <= configuration.workers, "duplicates: \(duplicates)")
        for session in ["s0", "s1", "s2", "s3"] {
            let expected = events.filter { $0.session == session }.map(\.id)
            #expect(DeliveryTests.firstOccurrences(requests, session: session, rawIDs: expected) == expected)
        }
        #expect(requests.allSatisfy {
            SignatureCheck.verify(header: $0.headers["karir-signature"], body: $0.body, secret: "whsec_crash", now: Date())
        })
    }
}
