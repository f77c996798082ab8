import KarirServer
import Logging
import Metrics
import NIOCore
import NIOPosix
import Testing

@Suite("Metrics")
struct MetricsTests {
    @Test func statsCountAsksTopicsFallbacksAndConnections() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            _ = try await client.call("ask", .obj(["session": .string("m"), "text": .string("halo")]))
            _ = try await client.call("ask", .obj(["session": .string("m"), "text": .string("unknown x")]))
            _ = try await client.call("ask", .obj(["session": .string("m"), "text": .string("which")]))
            _ = try await client.call("nope")
            let stats = try #require(try await client.call("stats", .obj(["token": .string("secret")]))["result"])
            #expect(stats["asks"] == .number("3"))
            #expect(stats["fallbacks"] == .number("1"))
            #expect(stats["clarifications"] == .number("1"))
            #expect(stats["topics"] == .obj(["clarify": .number("1"), "echo": .number("1"), "fallback": .number("1")]))
            #expect(stats["latency_ms"]?["count"] == .number("3"))
            #expect(stats["connections"]?["open"] == .number("1"))
            #expect(stats["errors"]?["-32601"] == .number("1"))
            #expect(stats["requests"]?["other"] == .number("1"))
            #expect(stats["sessions"] == .number("1"))
            await client.close()
        }
    }

    @Test func prometheusTextOverHTTP() async throws {
        let registry = MetricsRegistry()
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let http = MetricsHTTPServer(host: "127.0.0.1", port: 0, registry: registry, logger: logger)
        let channel = try await http.start()
        let port = try #require(channel.localAddress?.port)
        let metrics = ServerMetrics(registry: registry)
        try await withServerUsing(metrics: metrics) { server in
            let client = try await LineClient.connect(port: server.port)
            _ = try await client.call("ask", .obj(["session": .string("p"), "text": .string("halo")]))
            await client.close()
        }
        let web = try await LineClient.connect(port: port)
        try await web.send("GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        var lines: [String] = []
        while let line = try await web.lineOrEnd() { lines.append(line) }
        #expect(lines.first == "HTTP/1.1 200 OK")
        #expect(lines.contains("# TYPE karir_asks_total counter"))
        #expect(lines.contains("karir_asks_total 1"))
        #expect(lines.contains(#"karir_asks_by_topic_total{topic="echo"} 1"#))
        #expect(lines.contains("# TYPE karir_ask_duration_seconds histogram"))
        #expect(lines.contains(#"karir_ask_duration_seconds_bucket{le="+Inf"} 1"#))
        #expect(lines.contains("karir_ask_duration_seconds_count 1"))
        #expect(lines.contains("karir_connections_total 1"))
        let missing = try await LineClient.connect(port: port)
        try await missing.send("GET /nothing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        #expect(try await missing.line() == "HTTP/1.1 404 Not Found")
        try await channel.close()
    }

    @Test func registryRendersLibraryMetricsAndSanitizesNames() {
        let registry = MetricsRegistry()
        Counter(label: "webhook.deliveries", dimensions: [("status", "ok\"x")], factory: registry).increment(by: 2)
        Gauge(label: "queue depth", factory: registry).record(4.5)
        Metrics.Timer(label: "t", factory: registry).recordMilliseconds(3)
        let text = registry.prometheusText()
        #expect(text.contains(#"webhook_deliveries{status="ok\"x"} 2"#))
        #expect(text.contains("queue_depth 4.5"))
        #expect(text.contains(#"t_bucket{le="0.0025"} 0"#))
        #expect(text.contains(#"t_bucket{le="0.005"} 1"#))
        let snapshot = registry.histogram("t")
        #expect(snapshot?.count == 1)
        #expect(abs((snapshot?.quantile(0.5) ?? 0) - 0.003) < 0.0026)
    }
}

/// Like `withServer`, with the caller's metrics.
private func withServerUsing(metrics: ServerMetrics, _ body: (KarirServer) async throws -> Void) async throws {
    var configuration = ServerConfiguration()
    configuration.port = 0
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    let server = try await KarirServer.start(configuration: configuration, engine: EngineHolder(initial: TestResponder(), logger: quietLogger, loader: { TestResponder() }),
                                             metrics: metrics, logger: logger, group: MultiThreadedEventLoopGroup.singleton)
    do { try await body(server) } catch {
        await server.shutdown()
        throw error
    }
    await server.shutdown()
}
