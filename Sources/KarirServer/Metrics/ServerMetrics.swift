import CoreMetrics
import KarirCore
import NIOCore
import Synchronization

/// The server's own metrics, recorded through swift-metrics into a ``MetricsRegistry``.
///
/// Names follow Prometheus conventions (`karir_asks_total`, `karir_ask_duration_seconds`, …); the full
/// list is in docs/protocol.md. Thread-safe.
public final class ServerMetrics: Sendable {
    /// Why the server closed a connection.
    public enum DisconnectReason: String, Sendable {
        case idle
        case slowReader = "slow_reader"
        case shutdown
    }

    public let registry: MetricsRegistry
    private let startedAt = NIODeadline.now()

    private let asks: Counter
    private let fallbacks: Counter
    private let clarifications: Counter
    private let askDuration: CoreMetrics.Timer
    private let connectionsOpen: Meter
    private let connectionsTotal: Counter
    private let connectionsRefused: Counter
    private let sessionsGauge: Meter
    private let transcriptDropped: Counter
    private let labelled = Mutex<[String: Counter]>([:])
    /// Counters whose label values are known in advance, created once so counting takes no lock.
    private let requestCounters: [String: Counter]
    private let errorCounters: [RPCErrorCode: Counter]

    /// Methods counted by name; anything else is counted as `other`, to keep label values bounded.
    private static let knownMethods = ["ask", "reset", "ping", "info", "prompt", "reload", "stats", "text"]

    public init(registry: MetricsRegistry = MetricsRegistry()) {
        self.registry = registry
        asks = Counter(label: "karir_asks_total", factory: registry)
        fallbacks = Counter(label: "karir_fallbacks_total", factory: registry)
        clarifications = Counter(label: "karir_clarifications_total", factory: registry)
        askDuration = CoreMetrics.Timer(label: "karir_ask_duration_seconds", factory: registry)
        connectionsOpen = Meter(label: "karir_connections", factory: registry)
        connectionsTotal = Counter(label: "karir_connections_total", factory: registry)
        connectionsRefused = Counter(label: "karir_connections_refused_total", factory: registry)
        sessionsGauge = Meter(label: "karir_sessions", factory: registry)
        transcriptDropped = Counter(label: "karir_transcript_dropped_total", factory: registry)
        requestCounters = Dictionary(uniqueKeysWithValues: (Self.knownMethods + ["other"]).map {
            ($0, Counter(label: "karir_requests_total", dimensions: [("method", $0)], factory: registry))
        })
        errorCounters = Dictionary(uniqueKeysWithValues: RPCErrorCode.allCases.map {
            ($0, Counter(label: "karir_errors_total", dimensions: [("code", String($0.rawValue))], factory: registry))
        })
    }

    /// Seconds since the metrics (and so the server) were created.
    public var uptimeSeconds: Double {
        Double((NIODeadline.now() - startedAt).nanoseconds) / 1e9
    }

    func recordAsk(_ reply: Reply, nanoseconds: Int64) {
        asks.increment()
        labelledCounter("karir_asks_by_topic_total", ("topic", reply.topic)).increment()
        switch reply.kind {
        case .fallback: fallbacks.increment()
        case .clarify: clarifications.increment()
        default: break
        }
        askDuration.recordNanoseconds(nanoseconds)
    }

    func recordRequest(method: String) {
        (requestCounters[method] ?? requestCounters["other"])?.increment()
    }

    func recordError(_ code: RPCErrorCode) {
        errorCounters[code]?.increment()
    }

    func connectionOpened(open: Int) {
        connectionsTotal.increment()
        connectionsOpen.set(open)
    }

    func connectionClosed(open: Int) {
        connectionsOpen.set(open)
    }

    func connectionRefused() {
        connectionsRefused.increment()
    }

    func disconnected(_ reason: DisconnectReason) {
        labelledCounter("karir_disconnects_total", ("reason", reason.rawValue)).increment()
    }

    func reloaded(ok: Bool) {
        labelledCounter("karir_reloads_total", ("result", ok ? "ok" : "failed")).increment()
    }

    func sessions(_ count: Int) {
        sessionsGauge.set(count)
    }

    func transcriptLinesDropped(_ n: Int) {
        transcriptDropped.increment(by: n)
    }

    private func labelledCounter(_ label: String, _ dimension: (String, String)) -> Counter {
        let cacheKey = label + "\u{0}" + dimension.1
        return labelled.withLock { cache in
            if let counter = cache[cacheKey] { return counter }
            let counter = Counter(label: label, dimensions: [dimension], factory: registry)
            cache[cacheKey] = counter
            return counter
        }
    }
}
