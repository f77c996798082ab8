extension ServerMetrics {
    /// The `stats` result: the main counters, asks per topic, latency percentiles and connections.
    func statsJSON(sessions: Int, knowledgeHash: String) -> JSONValue {
        let r = registry
        func num(_ value: Double) -> JSONValue { .number(MetricsRegistry.number(value)) }
        func ms(_ seconds: Double) -> JSONValue { .number(String(format3(seconds * 1000))) }
        let topics = r.values("karir_asks_by_topic_total", by: "topic").sorted { $0.key < $1.key }
        let errors = r.values("karir_errors_total", by: "code").sorted { $0.key < $1.key }
        let requests = r.values("karir_requests_total", by: "method").sorted { $0.key < $1.key }
        let disconnects = r.values("karir_disconnects_total", by: "reason").sorted { $0.key < $1.key }
        let reloads = r.values("karir_reloads_total", by: "result")
        let latency = r.histogram("karir_ask_duration_seconds")
        return .object([
            ("uptime_s", .number(String(format3(uptimeSeconds)))),
            ("knowledge_hash", .string(knowledgeHash)),
            ("asks", num(r.value("karir_asks_total"))),
            ("fallbacks", num(r.value("karir_fallbacks_total"))),
            ("clarifications", num(r.value("karir_clarifications_total"))),
            ("topics", .object(topics.map { ($0.key, num($0.value)) })),
            ("latency_ms", .object([
                ("count", num(Double(latency?.count ?? 0))),
                ("p50", ms(latency?.quantile(0.5) ?? 0)),
                ("p90", ms(latency?.quantile(0.9) ?? 0)),
                ("p99", ms(latency?.quantile(0.99) ?? 0)),
                ("max", ms(latency?.max ?? 0)),
            ])),
            ("connections", .object([
                ("open", num(r.value("karir_connections"))),
                ("total", num(r.value("karir_connections_total"))),
                ("refused", num(r.value("karir_connections_refused_total"))),
            ])),
            ("disconnects", .object(disconnects.map { ($0.key, num($0.value)) })),
            ("sessions", num(Double(sessions))),
            ("requests", .object(requests.map { ($0.key, num($0.value)) })),
            ("errors", .object(errors.map { ($0.key, num($0.value)) })),
            ("reloads", .object([("ok", num(reloads["ok"] ?? 0)), ("failed", num(reloads["failed"] ?? 0))])),
            ("transcript_dropped", num(r.value("karir_transcript_dropped_total"))),
        ])
    }
}

/// A number rounded to 3 decimals, as JSON number text.
func format3(_ value: Double) -> String {
    let rounded = (value * 1000).rounded() / 1000
    return MetricsRegistry.number(rounded)
}
