import Foundation
import KarirCore
import Logging
@testable import KarirWebhook

/// A fresh directory under the system temp dir, removed by the caller with ``remove()``.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("karir-webhook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

enum Fixtures {
    /// A logger that drops everything (tests assert on state, not on log text).
    static let quietLogger = Logger(label: "karir.webhook.test") { _ in SwiftLogNoOpLogHandler() }

    static func event(_ number: Int, session: String = "s1", type: ChatEvent.Kind = .message) -> ChatEvent {
        ChatEvent(id: "evt-\(session)-\(type.rawValue)-\(number)", type: type,
                  timestamp: Date(timeIntervalSince1970: 1_767_225_600 + Double(number)), session: session,
                  question: "Bagaimana cara membuat kartu kuning? #\(number)", answer: "Datang ke Disnaker dengan KTP. #\(number)",
                  topic: "job_search", intent: "kartu_kuning", confidence: 0.87, lang: .id)
    }

    /// A forwarder with ``configuration(url:secret:maxAttempts:timeout:)`` delivering to a fresh
    /// loopback receiver from a fresh data directory; all three are cleaned up after `body`.
    static func withForwarder(_ body: (WebhookForwarder, TestReceiver) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let forwarder = try WebhookForwarder.start(configuration: configuration(url: receiver.url),
                                                   dataDirectory: directory.path, logger: quietLogger)
        defer { forwarder.shutdown() }
        try await body(forwarder, receiver)
    }

    /// One endpoint with fast retries, so failure tests finish in well under a second per retry.
    static func configuration(url: String, secret: String? = "whsec_test", maxAttempts: Int = 20, timeout: Double = 2,
                              workers: Int = 4, maxInFlight: Int = 2, rawSession: Bool = false,
                              maxPending: Int = 100_000, maxBackoff: Double = 0.2) -> WebhookConfiguration {
        WebhookConfiguration(
            endpoints: [EndpointConfiguration(name: "test", url: url, secret: secret, timeout: timeout,
                                              maxAttempts: maxAttempts, maxInFlight: maxInFlight, rawSession: rawSession)],
            workers: workers,
            retry: RetrySettings(initialBackoff: 0.05, maxBackoff: maxBackoff, maxRetryAfter: 5),
            outbox: OutboxSettings(maxPending: maxPending))
    }

    /// Longest backoff for tests whose deliveries must stay pending while the test process is
    /// busy elsewhere: 100 attempts then take over a minute. (With the usual 0.2 s, a run whose
    /// other tests kept both cores busy for 20 s saw deliveries given up before its checks ran.)
    static let patientBackoff = 1.0

    /// A loopback port nothing listens on (bound once, then released).
    static func closedPort() throws -> Int {
        let receiver = try TestReceiver()
        let port = receiver.port
        receiver.stop()
        return port
    }

    /// A receiver on `port` (one ``closedPort()`` gave earlier), retried while the port is taken
    /// for a moment: until the receiver is up, the forwarder's own connection attempts and other
    /// tests' sockets may briefly hold that port number (seen once in CI: "Address already in use").
    static func receiver(onPort port: Int, timeout: Double = 10) async throws -> TestReceiver {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            do {
                return try TestReceiver(port: port)
            } catch {
                if Date() >= deadline { throw error }
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    /// Waits until `condition` holds, polling; false on timeout.
    static func eventually(timeout: Double = 10, _ condition: () throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return try condition()
    }

    static func deadLetterLines(in directory: TemporaryDirectory) -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: directory.file("dead-letter.jsonl"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any]
        }
    }
}
