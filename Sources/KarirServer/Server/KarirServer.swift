import KarirCore
import Logging
import NIOCore
import NIOPosix

/// The Karir line-protocol server (see docs/protocol.md): TCP, one message per line, JSON-RPC 2.0 or
/// plain text, sessions shared across connections.
///
/// ``start(configuration:engine:metrics:events:transcript:logger:group:)`` binds and returns a running
/// server; ``shutdown()`` stops accepting, lets every connection answer what it has read, and closes.
/// ``KarirServerService`` wraps it for swift-service-lifecycle.
public final class KarirServer: Sendable {
    /// The address the server listens on (with the real port when started on port 0).
    public let localAddress: SocketAddress
    /// The engine in service; call ``reload(trigger:)`` (or ``EngineHolder/reload(completion:)``) to swap it.
    public let engine: EngineHolder
    public let metrics: ServerMetrics

    let context: ServerContext
    private let serverChannel: any Channel
    private let tracker: ConnectionTracker
    private let group: any EventLoopGroup
    private let ownsGroup: Bool
    private let sweeper: RepeatedTask

    /// The port the server listens on.
    public var port: Int { localAddress.port ?? 0 }

    /// Connections open now.
    public var openConnections: Int { tracker.count }

    /// Sessions kept now.
    public var sessionCount: Int { context.sessions.count }

    private init(localAddress: SocketAddress, context: ServerContext, serverChannel: any Channel, tracker: ConnectionTracker,
                 group: any EventLoopGroup, ownsGroup: Bool, sweeper: RepeatedTask) {
        self.localAddress = localAddress
        self.context = context
        self.engine = context.engine
        self.metrics = context.metrics
        self.serverChannel = serverChannel
        self.tracker = tracker
        self.group = group
        self.ownsGroup = ownsGroup
        self.sweeper = sweeper
    }

    /// Binds and starts serving.
    /// - Parameters:
    ///   - configuration: host, port, limits and timeouts (knowledge paths are not read here).
    ///   - engine: the responder in service and how to reload it.
    ///   - metrics: where to record metrics.
    ///   - events: receives ``ChatEvent``s after each answer (never awaited).
    ///   - transcript: records each exchange, when enabled.
    ///   - group: event loops to use; when nil the server creates `configuration.threads` of its own.
    public static func start(configuration: ServerConfiguration, engine: EngineHolder, metrics: ServerMetrics = ServerMetrics(),
                             events: (any EventSink)? = nil, transcript: TranscriptWriter? = nil,
                             logger: Logger = Logger(label: "karir.server"), group: (any EventLoopGroup)? = nil) async throws -> KarirServer {
        let ownsGroup = group == nil
        let threads = configuration.threads > 0 ? configuration.threads : System.coreCount
        let group = group ?? MultiThreadedEventLoopGroup(numberOfThreads: threads)
        let context = ServerContext(configuration: configuration, engine: engine, metrics: metrics,
                                    events: events, transcript: transcript, logger: logger)
        let tracker = ConnectionTracker(maxConnections: configuration.maxConnections)
        let dispatcher = RequestDispatcher(context: context)
        let waterMark = ChannelOptions.Types.WriteBufferWaterMark(
            low: max(1, configuration.outputBufferBytes / 2), high: max(2, configuration.outputBufferBytes))

        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 4096)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.writeBufferWaterMark, value: waterMark)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try Self.configure(channel, context: context, tracker: tracker, dispatcher: dispatcher)
                }
            }
        let serverChannel: any Channel
        do {
            serverChannel = try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
        } catch {
            if ownsGroup { try? await group.shutdownGracefully() }
            throw error
        }
        guard let address = serverChannel.localAddress else {
            try? await serverChannel.close()
            if ownsGroup { try? await group.shutdownGracefully() }
            throw ServerError.noLocalAddress
        }
        let sweepEvery = TimeAmount.nanoseconds(min(max(context.sessions.idleTimeoutNanos / 4, 10_000_000), 30_000_000_000).clampedInt64)
        let sweeper = group.next().scheduleRepeatedTask(initialDelay: sweepEvery, delay: sweepEvery) { _ in
            context.sessions.expire()
            context.metrics.sessions(context.sessions.count)
        }
        logger.info("listening", metadata: ["address": "\(ServeRunner.hostPort(address))", "max_connections": "\(configuration.maxConnections)"])
        return KarirServer(localAddress: address, context: context, serverChannel: serverChannel, tracker: tracker,
                           group: group, ownsGroup: ownsGroup, sweeper: sweeper)
    }

    /// Sets up the pipeline of an accepted connection (or of its refusal). Runs on its event loop.
    private static func configure(_ channel: any Channel, context: ServerContext, tracker: ConnectionTracker,
                                  dispatcher: RequestDispatcher) throws {
        let handlers = channel.pipeline.syncOperations
        switch tracker.admit(channel) {
        case .failure(let refusal):
            context.metrics.connectionRefused()
            let message = switch refusal {
            case .full(let max): "server busy: too many connections (limit \(max)); try again later"
            case .shuttingDown: "server shutting down; try again later"
            }
            context.logger.warning("connection refused", metadata: ["reason": "\(message)"])
            try handlers.addHandler(RefusalHandler(message: message))
        case .success(let admitted):
            let config = context.configuration
            do {
                if config.idleTimeout.nanoseconds > 0 {
                    try handlers.addHandler(IdleStateHandler(readTimeout: config.idleTimeout))
                }
                try handlers.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLength: config.maxLineBytes)))
                try handlers.addHandler(ConnectionHandler(id: admitted.id, dispatcher: dispatcher, tracker: tracker,
                                                          writeTimeout: config.writeTimeout, logger: context.logger))
            } catch {
                // The connection never gets a handler that would release its place.
                _ = tracker.remove(admitted.id)
                throw error
            }
            context.metrics.connectionOpened(open: admitted.open)
        }
    }

    /// Reloads the knowledge and counts the outcome (for embedders; `karir serve` reloads on SIGHUP,
    /// the file watcher and the `reload` method).
    public func reload(trigger: String) async -> Result<EngineInfo, LoadFailure> {
        await context.reload(trigger: trigger)
    }

    /// Graceful shutdown: stop accepting, let each connection answer the lines it has read, close.
    ///
    /// Connections still open after `shutdownTimeout` are closed. Safe to call more than once.
    public func shutdown() async {
        let open = tracker.stopAccepting()
        context.logger.info("shutting down", metadata: ["open_connections": "\(open.count)"])
        try? await serverChannel.close()
        for channel in open {
            channel.pipeline.fireUserInboundEventTriggered(ConnectionDrainEvent())
        }
        let loop = group.next()
        let deadline = context.configuration.shutdownTimeout
        let closed = EventLoopFuture.andAllComplete(open.map(\.closeFuture), on: loop)
        let tracker = self.tracker
        let metrics = context.metrics
        let forceClose = loop.scheduleTask(in: deadline) {
            for channel in tracker.openChannels() {
                metrics.disconnected(.shutdown)
                channel.close(promise: nil)
            }
        }
        try? await closed.get()
        forceClose.cancel()
        sweeper.cancel()
        context.transcript?.flush()
        if ownsGroup {
            try? await group.shutdownGracefully()
        }
        context.logger.info("stopped")
    }
}

/// The server could not start.
public enum ServerError: Error, CustomStringConvertible {
    case noLocalAddress

    public var description: String {
        switch self {
        case .noLocalAddress: "the listening socket has no local address"
        }
    }
}

private extension UInt64 {
    var clampedInt64: Int64 { self > UInt64(Int64.max) ? Int64.max : Int64(self) }
}
