import KarirServer
import NIOCore
import NIOPosix
import Testing

@Suite("Load generator")
struct BenchTests {
    @Test(arguments: [LoadOptions.Mode.json, .text])
    func measuresAServer(mode: LoadOptions.Mode) async throws {
        try await withServer { server in
            var options = LoadOptions()
            options.port = server.port
            options.connections = 4
            options.depth = 2
            options.mode = mode
            options.sessions = 10
            // A window long enough that a test run keeping both cores busy cannot starve it of
            // every response (250 ms once measured nothing in a clean-clone run).
            options.warmup = .milliseconds(100)
            options.duration = .seconds(1)
            let result = try await LoadGenerator.run(options)
            #expect(result.requests > 0)
            #expect(result.errors == 0)
            #expect(result.failedConnections == 0)
            #expect(result.p50Ms > 0 && result.p50Ms <= result.p99Ms && result.p99Ms <= result.maxMs)
        }
    }

    @Test func measuresTheEchoBaseline() async throws {
        let echo = try await EchoServer.start(host: "127.0.0.1", port: 0, maxLineBytes: 1024, group: MultiThreadedEventLoopGroup.singleton)
        var options = LoadOptions()
        options.port = try #require(echo.localAddress?.port)
        options.connections = 2
        options.warmup = .milliseconds(100)
        options.duration = .seconds(1)
        let result = try await LoadGenerator.run(options)
        #expect(result.requests > 0)
        #expect(result.errors == 0)
        try await echo.close()
    }
}
