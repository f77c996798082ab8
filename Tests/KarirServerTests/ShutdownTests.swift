import KarirServer
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Testing

@Suite("Graceful shutdown")
struct ShutdownTests {
    @Test func everyRequestReadBeforeShutdownIsAnswered() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        var configuration = ServerConfiguration()
        configuration.port = 0
        let server = try await KarirServer.start(configuration: configuration, engine: EngineHolder(initial: TestResponder(), logger: quietLogger, loader: { TestResponder() }),
                                                 logger: logger, group: MultiThreadedEventLoopGroup.singleton)
        let clients = [try await LineClient.connect(port: server.port), try await LineClient.connect(port: server.port)]
        var sent = 0
        for (c, client) in clients.enumerated() {
            var batch = ""
            for i in 1...500 {
                batch += LineClient.request("ask", .obj(["session": .string("sd\(c)"), "text": .string("q\(i)")]), id: i) + "\n"
            }
            try await client.send(batch)
            sent += 500
        }
        // Wait until the server is busy with them, then shut down while requests are in flight.
        for _ in 0..<500 where server.metrics.registry.value("karir_asks_total") < 10 {
            try await Task.sleep(for: .milliseconds(1))
        }
        let shutdown = Task { await server.shutdown() }
        var received = 0
        for client in clients {
            var expected = 1
            while let line = try await client.lineOrEnd(timeout: .seconds(10)) {
                let response = try JSONParser.parse(Array(line.utf8))
                #expect(response["id"] == .number(String(expected)))
                expected += 1
                received += 1
            }
        }
        await shutdown.value
        // Every request the server read was answered, and the stream ended cleanly after the last answer.
        #expect(Double(received) == server.metrics.registry.value("karir_asks_total"))
        #expect(received > 0 && received <= sent)
        // It no longer accepts connections.
        await #expect(throws: (any Error).self) { _ = try await LineClient.connect(port: server.port) }
    }

    @Test func aServiceGroupShutsTheServerDownGracefully() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        var configuration = ServerConfiguration()
        configuration.port = 0
        let port = AsyncStream.makeStream(of: Int.self)
        let service = KarirServerService(start: { [configuration, logger] in
            try await KarirServer.start(configuration: configuration, engine: EngineHolder(initial: TestResponder(), logger: quietLogger, loader: { TestResponder() }),
                                        logger: logger, group: MultiThreadedEventLoopGroup.singleton)
        }, onStarted: { server in
            port.continuation.yield(server.port)
            port.continuation.finish()
        })
        let group = ServiceGroup(services: [service], logger: logger)
        let running = Task { try await group.run() }
        var iterator = port.stream.makeAsyncIterator()
        let listening = try #require(await iterator.next())
        let client = try await LineClient.connect(port: listening)
        #expect(try await client.call("ping")["result"] == .string("pong"))
        await group.triggerGracefulShutdown()
        #expect(try await client.lineOrEnd() == nil)
        try await running.value
    }
}
