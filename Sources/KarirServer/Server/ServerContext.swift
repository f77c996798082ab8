import KarirCore
import Logging
import NIOCore

/// What every connection of one server shares: settings, the engine, sessions, metrics and outputs.
///
/// Immutable references to thread-safe parts; safe to use from every event loop.
final class ServerContext: Sendable {
    let configuration: ServerConfiguration
    let engine: EngineHolder
    let sessions: SessionStore
    let metrics: ServerMetrics
    let events: (any EventSink)?
    let transcript: TranscriptWriter?
    let logger: Logger

    init(configuration: ServerConfiguration, engine: EngineHolder, metrics: ServerMetrics,
         events: (any EventSink)?, transcript: TranscriptWriter?, logger: Logger) {
        self.configuration = configuration
        self.engine = engine
        self.sessions = SessionStore(capacity: configuration.maxSessions, idleTimeout: configuration.sessionTimeout)
        self.metrics = metrics
        self.events = events
        self.transcript = transcript
        self.logger = logger
    }

    /// Answers one question in a session and records it in metrics, events and the transcript.
    ///
    /// Runs on the caller's thread (an event loop); the session's lock orders messages of one session.
    func ask(_ text: String, session key: SessionKey, language: Language?, mode: TranscriptRecord.Mode) -> Reply {
        let start = NIODeadline.now()
        let responder = engine.responder
        let reply = sessions.withSession(key) { session in
            let reply = responder.respond(to: text, in: session, language: language)
            session = reply.session
            return reply
        }
        let elapsed = (NIODeadline.now() - start).nanoseconds
        metrics.recordAsk(reply, nanoseconds: elapsed)
        if let events {
            events.publish(ChatEvent.events(question: text, reply: reply, session: key.label))
        }
        transcript?.record(question: text, reply: reply, session: key.label, mode: mode, nanoseconds: elapsed)
        return reply
    }

    /// Reloads the knowledge (from the `reload` method, SIGHUP or the file watcher) and counts the outcome.
    func reload(trigger: String) async -> Result<EngineInfo, LoadFailure> {
        await Self.reload(engine, metrics: metrics, logger: logger, trigger: trigger)
    }

    /// The same, calling `completion` on the reload queue when done: no Swift concurrency thread
    /// is needed, so a client's reload is answered even while those threads are all busy.
    func reload(trigger: String, completion: @escaping @Sendable (Result<EngineInfo, LoadFailure>) -> Void) {
        Self.reload(engine, metrics: metrics, logger: logger, trigger: trigger, completion: completion)
    }

    /// The same for callers without a context (SIGHUP and the file watcher in ``ServeRunner``).
    static func reload(_ engine: EngineHolder, metrics: ServerMetrics, logger: Logger, trigger: String) async -> Result<EngineInfo, LoadFailure> {
        await withCheckedContinuation { continuation in
            reload(engine, metrics: metrics, logger: logger, trigger: trigger) { continuation.resume(returning: $0) }
        }
    }

    static func reload(_ engine: EngineHolder, metrics: ServerMetrics, logger: Logger, trigger: String,
                       completion: @escaping @Sendable (Result<EngineInfo, LoadFailure>) -> Void) {
        logger.info("reloading knowledge", metadata: ["trigger": "\(trigger)"])
        engine.reload { result in
            metrics.reloaded(ok: (try? result.get()) != nil)
            completion(result)
        }
    }
}
