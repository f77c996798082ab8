import Metrics

/// The forwarder's swift-metrics instruments, all named `karir_webhook_…` and, where it helps,
/// labelled by `endpoint`. Whatever backend the server bootstraps exports them.
///
/// | name | kind | meaning |
/// |---|---|---|
/// | `karir_webhook_enqueued_total` | counter | deliveries queued (one per event and endpoint; no label) |
/// | `karir_webhook_delivered_total` | counter | deliveries acknowledged with 2xx |
/// | `karir_webhook_retried_total` | counter | failed attempts that will be retried |
/// | `karir_webhook_dead_total` | counter | deliveries moved to the dead letters |
/// | `karir_webhook_overflow_total` | counter | deliveries refused because the outbox was full (also dead) |
/// | `karir_webhook_enqueue_errors_total` | counter | events that could not be written to the outbox (no label) |
/// | `karir_webhook_queue_depth` | gauge | pending deliveries (no label) |
/// | `karir_webhook_delivery_latency_seconds` | timer | from enqueue to successful delivery |
/// | `karir_webhook_request_duration_seconds` | timer | one HTTP attempt |
struct WebhookMetrics: Sendable {
    struct Endpoint: Sendable {
        let delivered: Counter
        let retried: Counter
        let dead: Counter
        let overflow: Counter
        let latency: CoreMetrics.Timer
        let requestDuration: CoreMetrics.Timer
    }

    let queueDepth: Gauge
    let enqueued: Counter
    let enqueueErrors: Counter
    private let endpoints: [String: Endpoint]
    private let fallback: Endpoint

    init(endpointNames: [String], factory: any MetricsFactory) {
        func make(_ name: String) -> Endpoint {
            let dimensions = [("endpoint", name)]
            let latency = CoreMetrics.Timer(label: "karir_webhook_delivery_latency_seconds", dimensions: dimensions,
                                            preferredDisplayUnit: .seconds, factory: factory)
            let request = CoreMetrics.Timer(label: "karir_webhook_request_duration_seconds", dimensions: dimensions,
                                            preferredDisplayUnit: .seconds, factory: factory)
            return Endpoint(
                delivered: Counter(label: "karir_webhook_delivered_total", dimensions: dimensions, factory: factory),
                retried: Counter(label: "karir_webhook_retried_total", dimensions: dimensions, factory: factory),
                dead: Counter(label: "karir_webhook_dead_total", dimensions: dimensions, factory: factory),
                overflow: Counter(label: "karir_webhook_overflow_total", dimensions: dimensions, factory: factory),
                latency: latency, requestDuration: request)
        }
        var table: [String: Endpoint] = [:]
        for name in endpointNames { table[name] = make(name) }
        endpoints = table
        fallback = make("unknown")
        queueDepth = Gauge(label: "karir_webhook_queue_depth", factory: factory)
        enqueued = Counter(label: "karir_webhook_enqueued_total", factory: factory)
        enqueueErrors = Counter(label: "karir_webhook_enqueue_errors_total", factory: factory)
    }

    func endpoint(_ name: String) -> Endpoint { endpoints[name] ?? fallback }
}
