import Logging
import NIOCore

/// Serves one connection: answers its lines in order, applies backpressure, enforces the write
/// timeout, and finishes cleanly on half-close and at shutdown.
///
/// Runs entirely on the connection's event loop (all state is loop-confined). Lines are answered
/// synchronously as they are decoded; only a reload is asynchronous, and while one is outstanding the
/// following lines wait, so replies always come in request order.
///
/// Backpressure: when replies back up beyond the channel's high water mark (the configured output
/// buffer), decoded lines are queued and the handler holds back `read()`, so the server stops reading
/// the client's requests instead of buffering replies without bound. A client that stays unwritable for
/// the write timeout is disconnected.
final class ConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = LineFrame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let id: UInt64
    private let dispatcher: RequestDispatcher
    private let tracker: ConnectionTracker
    private let writeTimeout: TimeAmount
    private var logger: Logger

    /// Lines decoded but not answered yet (only while paused).
    private var pending = CircularBuffer<LineFrame>()
    /// A reply is being computed asynchronously (a reload).
    private var waiting = false
    /// A `read()` was held back while paused.
    private var heldRead = false
    private var needsFlush = false
    /// The client closed its sending side: answer what was received, then close.
    private var inputClosed = false
    /// Shutdown asked this connection to finish.
    private var draining = false
    /// All replies are queued; input is now discarded.
    private var finished = false
    private var stallTimer: Scheduled<Void>?

    init(id: UInt64, dispatcher: RequestDispatcher, tracker: ConnectionTracker, writeTimeout: TimeAmount, logger: Logger) {
        self.id = id
        self.dispatcher = dispatcher
        self.tracker = tracker
        self.writeTimeout = writeTimeout
        self.logger = logger
        self.logger[metadataKey: "connection"] = "\(id)"
    }

    private var context: ServerContext { dispatcher.context }

    // MARK: Inbound

    func channelActive(context: ChannelHandlerContext) {
        logger.debug("connection opened", metadata: ["remote": "\(context.remoteAddress?.description ?? "?")"])
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        stallTimer?.cancel()
        stallTimer = nil
        pending.removeAll()
        self.context.sessions.remove(.connection(id))
        let open = tracker.remove(id)
        self.context.metrics.connectionClosed(open: open)
        logger.debug("connection closed")
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !finished, context.channel.isActive else { return }
        pending.append(unwrapInboundIn(data))
        process(context, flushNow: false)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        flushIfNeeded(context)
        context.fireChannelReadComplete()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            stallTimer?.cancel()
            stallTimer = nil
            process(context, flushNow: true)
        } else if stallTimer == nil {
            stallTimer = context.eventLoop.assumeIsolated().scheduleTask(in: writeTimeout) { [self] in
                stallTimer = nil
                guard !context.channel.isWritable else { return }
                logger.info("disconnecting a client that does not read its replies", metadata: ["write_timeout": "\(writeTimeout)"])
                self.context.metrics.disconnected(.slowReader)
                context.close(promise: nil)
            }
        }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case IdleStateHandler.IdleStateEvent.read:
            // Only a connection with nothing left to answer is idle; a paused one is handled by the write timeout.
            if pending.isEmpty, !waiting, context.channel.isWritable {
                logger.debug("closing idle connection")
                self.context.metrics.disconnected(.idle)
                context.close(promise: nil)
            }
        case ChannelEvent.inputClosed:
            inputClosed = true
            if finished {
                context.close(promise: nil)
            } else {
                process(context, flushNow: true)
            }
        case is ConnectionDrainEvent:
            draining = true
            process(context, flushNow: true)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        logger.debug("connection error", metadata: ["error": "\(error)"])
        context.close(promise: nil)
    }

    // MARK: Outbound

    func read(context: ChannelHandlerContext) {
        if isPaused(context) {
            heldRead = true
        } else {
            context.read()
        }
    }

    // MARK: Processing

    private func isPaused(_ context: ChannelHandlerContext) -> Bool {
        if finished { return false }  // keep reading (and discarding) until the client closes
        return waiting || !pending.isEmpty || !context.channel.isWritable
    }

    /// Answers queued lines until one must wait (a reload) or the client stops reading.
    private func process(_ context: ChannelHandlerContext, flushNow: Bool) {
        while !waiting, !finished, context.channel.isWritable, let frame = pending.popFirst() {
            switch dispatcher.handle(frame, connection: id, on: context.eventLoop) {
            case .none:
                continue
            case .reply(let text):
                write(text, context)
            case .line(let line):
                write(line, context, newline: true)
            case .deferred(let future):
                waiting = true
                future.hop(to: context.eventLoop).assumeIsolated().whenComplete { [self] result in
                    waiting = false
                    switch result {
                    case .success(let text?): write(text, context)
                    case .success(nil): break
                    case .failure(let error):
                        write(RPCResponse.failure(id: .null, error: RPCError(.internalError, "internal error: \(error)")) + "\n", context)
                    }
                    process(context, flushNow: true)
                }
            }
        }
        if flushNow { flushIfNeeded(context) }
        finishIfDone(context)
        if heldRead, !isPaused(context) {
            heldRead = false
            context.read()
        }
    }

    private func write(_ text: String, _ context: ChannelHandlerContext, newline: Bool = false) {
        var buffer = context.channel.allocator.buffer(capacity: text.utf8.count + 1)
        buffer.writeString(text)
        if newline { buffer.writeInteger(UInt8(ascii: "\n")) }
        context.write(wrapOutboundOut(buffer), promise: nil)
        needsFlush = true
    }

    private func flushIfNeeded(_ context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
    }

    /// After shutdown or the client's half-close, once every read line is answered: send the replies,
    /// then close (at shutdown only our sending side, so the client reads to the end without a reset).
    private func finishIfDone(_ context: ChannelHandlerContext) {
        guard draining || inputClosed, !waiting, pending.isEmpty, !finished else { return }
        finished = true
        let flushed = context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(capacity: 0)))
        flushed.assumeIsolated().whenComplete { [self] _ in
            if inputClosed {
                context.close(promise: nil)
                return
            }
            let halfClose = context.eventLoop.makePromise(of: Void.self)
            context.close(mode: .output, promise: halfClose)
            halfClose.futureResult.assumeIsolated().whenFailure { _ in context.close(promise: nil) }
        }
    }
}
