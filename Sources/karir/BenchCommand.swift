import ArgumentParser
import Foundation
import KarirServer
import NIOCore
import NIOPosix

/// `karir bench`: a load generator for `karir serve`, and the echo server it is compared with.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure a Karir server's throughput and latency (or run the echo baseline).",
        subcommands: [BenchRunCommand.self, BenchEchoServerCommand.self, BenchStubServerCommand.self],
        defaultSubcommand: BenchRunCommand.self
    )
}

/// `karir bench [run]`: drives load and prints throughput and latency percentiles.
struct BenchRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Send load to a server (closed loop) and report throughput and latency percentiles."
    )

    @Option(help: "Server address.")
    var host = "127.0.0.1"

    @Option(help: "Server port.")
    var port: Int = 7420

    @Option(help: "Simultaneous connections.")
    var connections = 64

    @Option(help: "Requests each connection keeps in flight (pipelining).")
    var depth = 1

    @Option(help: "Measured seconds.")
    var duration: Double = 10

    @Option(help: "Seconds of load before measuring.")
    var warmup: Double = 1

    @Option(help: "json (JSON-RPC ask) or text.")
    var mode: LoadOptions.Mode = .json

    @Flag(help: "JSON mode: send ping instead of ask.")
    var ping = false

    @Option(help: "The question to ask.")
    var question = "cara membuat kartu kuning"

    @Option(help: "Distinct session ids to cycle through (0 = one per connection).")
    var sessions = 0

    @Option(help: "Load generator event loop threads.")
    var threads = 1

    @Flag(help: "Open the connections and send nothing for --duration seconds (memory measurements).")
    var idle = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        guard connections > 0 else { throw ValidationError("--connections must be at least 1") }
        guard depth > 0 else { throw ValidationError("--depth must be at least 1") }
        guard duration > 0, warmup >= 0 else { throw ValidationError("--duration must be positive and --warmup not negative") }
    }

    func run() async throws {
        var options = LoadOptions()
        options.host = host
        options.port = port
        options.connections = connections
        options.depth = depth
        options.duration = .milliseconds(Int64(duration * 1000))
        options.warmup = .milliseconds(Int64(warmup * 1000))
        options.mode = mode
        options.ping = ping
        options.question = question
        options.sessions = sessions
        options.threads = threads
        options.idle = idle
        let result = try await LoadGenerator.run(options)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            printLine(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            printLine(result.summary)
        }
    }
}

extension LoadOptions.Mode: ExpressibleByArgument {}

/// `karir bench echo-server`: the baseline, a plain echo server with the same line framing.
struct BenchEchoServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echo-server",
        abstract: "Run a plain NIO line echo server (same framing as karir serve) as the benchmark baseline."
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port (0 picks a free one).")
    var port = 7421

    @Option(help: "Event loop threads (0 = one per core).")
    var threads = 0

    func run() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: threads > 0 ? threads : System.coreCount)
        let channel = try await EchoServer.start(host: host, port: port, maxLineBytes: 16 * 1024, group: group)
        printLine("listening on \(host):\(channel.localAddress?.port ?? port)")
        try await channel.closeFuture.get()
    }
}

/// `karir bench stub-server`: the real server with a constant-answer engine, to measure the server's
/// own cost (framing, JSON, sessions, metrics) apart from matching.
struct BenchStubServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stub-server",
        abstract: "Run karir serve's server with a constant-answer engine (server overhead without matching)."
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port (0 picks a free one).")
    var port = 7422

    @Option(help: "Event loop threads (0 = one per core).")
    var threads = 0

    @Option(name: .customLong("max-connections"), help: "Most simultaneous connections.")
    var maxConnections = 20_000

    func run() async throws {
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.threads = threads
        configuration.maxConnections = maxConnections
        configuration.idleTimeout = .seconds(3600)
        let holder = EngineHolder(initial: ConstantResponder(), loader: { ConstantResponder() })
        let server = try await KarirServer.start(configuration: configuration, engine: holder)
        printLine("listening on \(host):\(server.port)")
        try await Task.sleep(for: .seconds(365 * 24 * 3600))
    }
}
