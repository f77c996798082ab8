import NIOCore
import NIOPosix

/// The load generator behind `karir bench`: many connections, each keeping `depth` requests in
/// flight (closed loop), recording the latency of every response in the measured window.
public enum LoadGenerator {
    /// Runs the load described by `options` against a server and measures it.
    public static func run(_ options: LoadOptions) async throws -> LoadResult {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, options.threads))
        do {
            let result = try await run(options, group: group)
            try? await group.shutdownGracefully()
            return result
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    private static func run(_ options: LoadOptions, group: MultiThreadedEventLoopGroup) async throws -> LoadResult {
        let now = NIODeadline.now()
        let measureStart = now + TimeAmount(options.warmup)
        let window = BenchWindow(start: measureStart.uptimeNanoseconds, end: (measureStart + TimeAmount(options.duration)).uptimeNanoseconds)
        var channels: [any Channel] = []
        var results: [EventLoopFuture<ConnectionStats>] = []
        let bootstrap = ClientBootstrap(group: group).channelOption(.socketOption(.tcp_nodelay), value: 1)
        // Connect in waves so a burst of thousands of connections does not overflow the listen backlog.
        let wave = 200
        var index = 0
        while index < options.connections {
            let upper = min(options.connections, index + wave)
            var connecting: [EventLoopFuture<(any Channel, EventLoopFuture<ConnectionStats>)>] = []
            for i in index..<upper {
                let loop = group.next()
                let promise = loop.makePromise(of: ConnectionStats.self)
                let future = bootstrap
                    .channelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLength: 1 << 20)))
                            try channel.pipeline.syncOperations.addHandler(BenchClientHandler(index: i, options: options, window: window, done: promise))
                        }
                    }
                    .connect(host: options.host, port: options.port)
                    .map { channel -> (any Channel, EventLoopFuture<ConnectionStats>) in (channel, promise.futureResult) }
                future.whenFailure { promise.fail($0) }
                connecting.append(future)
            }
            for future in connecting {
                let (channel, stats) = try await future.get()
                channels.append(channel)
                results.append(stats)
            }
            index = upper
        }
        // Wait for the window to end, then give outstanding responses a moment and close everything.
        let endsIn = Int64(window.end) - Int64(NIODeadline.now().uptimeNanoseconds)
        if endsIn > 0 { try await Task.sleep(for: .nanoseconds(endsIn)) }
        let opened = channels
        let grace = group.next().scheduleTask(in: .seconds(3)) {
            for channel in opened { channel.close(promise: nil) }
        }
        var latencies: [UInt32] = []
        var errors = 0
        var failed = 0
        for result in results {
            guard let stats = try? await result.get() else {
                failed += 1
                continue
            }
            latencies += stats.latencies
            errors += stats.errors
            if !stats.finished { failed += 1 }
        }
        grace.cancel()
        for channel in channels { try? await channel.close() }
        return LoadResult(options: options, seconds: Double(TimeAmount(options.duration).nanoseconds) / 1e9, latenciesMicros: latencies,
                          errors: errors, failedConnections: options.idle ? 0 : failed)
    }
}

/// The measured window, in uptime nanoseconds.
struct BenchWindow: Sendable {
    var start: UInt64
    var end: UInt64
}

/// What one connection measured.
struct ConnectionStats: Sendable {
    var latencies: [UInt32] = []
    var errors = 0
    /// The connection ran to the end of the window and got every response.
    var finished = false
}

/// Drives one benchmark connection on its event loop.
private final class BenchClientHandler: ChannelInboundHandler {
    typealias InboundIn = LineFrame
    typealias OutboundOut = ByteBuffer

    private let index: Int
    private let options: LoadOptions
    private let window: BenchWindow
    private let done: EventLoopPromise<ConnectionStats>
    private var stats = ConnectionStats()
    private var sentAt = CircularBuffer<UInt64>()
    private var sent = 0
    private var completed = false
    private let questionJSON: String

    init(index: Int, options: LoadOptions, window: BenchWindow, done: EventLoopPromise<ConnectionStats>) {
        self.index = index
        self.options = options
        self.window = window
        self.done = done
        self.questionJSON = JSONValue.string(options.question).serialized
    }

    func channelActive(context: ChannelHandlerContext) {
        if options.idle { return }
        for _ in 0..<max(1, options.depth) { send(context) }
        context.flush()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .line(let line) = unwrapInboundIn(data) else { return }
        if options.mode == .text {
            guard line.readableBytes == 1, line.getInteger(at: line.readerIndex, as: UInt8.self) == UInt8(ascii: ".") else { return }
        }
        guard let started = sentAt.popFirst() else { return }
        let now = NIODeadline.now().uptimeNanoseconds
        if now >= window.start, now < window.end {
            stats.latencies.append(UInt32(clamping: (now - started) / 1000))
            if options.mode == .json, Self.isError(line) {
                stats.errors += 1
            }
        }
        if now < window.end {
            send(context)
        } else if sentAt.isEmpty {
            finish(context, finished: true)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(context, finished: options.idle)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func finish(_ context: ChannelHandlerContext, finished: Bool) {
        guard !completed else { return }
        completed = true
        stats.finished = finished
        done.succeed(stats)
        if context.channel.isActive { context.close(promise: nil) }
    }

    private static let errorMarker: [UInt8] = Array(#","error":"#.utf8)

    /// A JSON-RPC response is an error when `,"error":` follows its id. The bench's ids are short
    /// numbers, so the member is within the first bytes; a plain loop keeps the client cheap.
    private static func isError(_ line: ByteBuffer) -> Bool {
        line.withUnsafeReadableBytes { bytes in
            let limit = min(bytes.count, 64) - errorMarker.count
            guard limit >= 0 else { return false }
            outer: for start in 0...limit {
                for (offset, expected) in errorMarker.enumerated() where bytes[start + offset] != expected {
                    continue outer
                }
                return true
            }
            return false
        }
    }

    private func send(_ context: ChannelHandlerContext) {
        sent += 1
        let text: String
        switch options.mode {
        case .text:
            text = options.question + "\n"
        case .json where options.ping:
            text = #"{"jsonrpc":"2.0","method":"ping","id":"# + String(sent) + "}\n"
        case .json:
            let session = options.sessions > 0 ? (index + (sent - 1) * options.connections) % options.sessions : index
            text = #"{"jsonrpc":"2.0","method":"ask","params":{"session":"bench-"# + String(session) + #"","text":"#
                + questionJSON + #"},"id":"# + String(sent) + "}\n"
        }
        sentAt.append(NIODeadline.now().uptimeNanoseconds)
        context.write(wrapOutboundOut(context.channel.allocator.buffer(string: text)), promise: nil)
    }
}
