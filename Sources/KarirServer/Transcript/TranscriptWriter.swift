import Crypto
import Foundation
import KarirCore
import Logging
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends a ``TranscriptRecord`` per answered question to a JSON-lines file.
///
/// Recording only formats the line and appends it to an in-memory buffer (never touching the disk on an
/// event loop); ``run()`` writes the buffer out every 200 ms and once more at shutdown. If the disk
/// cannot keep up, lines beyond 4 MiB of backlog are dropped and counted (`karir_transcript_dropped_total`).
public final class TranscriptWriter: Service, Sendable {
    /// The transcript file could not be opened.
    public struct OpenError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "cannot open transcript file \(path) for appending: \(reason)" }
    }

    private struct Pending {
        var data: [UInt8] = []
        var dropped = 0
    }

    /// Most bytes buffered before lines are dropped.
    static let maxBuffered = 4 << 20

    public let path: String
    private let fd: Int32
    private let salt: [UInt8]
    private let pending = Mutex(Pending())
    private let metrics: ServerMetrics?
    private let logger: Logger

    /// Opens (creating if needed) `path` for appending.
    /// - Parameter salt: mixed into session hashes; a random one is used when nil.
    public init(path: String, salt: String?, metrics: ServerMetrics?, logger: Logger) throws(OpenError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw OpenError(path: path, reason: String(cString: strerror(errno))) }
        self.fd = fd
        self.path = path
        self.salt = Array((salt ?? UUID().uuidString).utf8)
        self.metrics = metrics
        self.logger = logger
    }

    deinit {
        close(fd)
    }

    /// The salted hash stored for a session id.
    public func hashSession(_ session: String) -> String {
        let digest = SHA256.hash(data: salt + Array(session.utf8))
        return digest.prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Queues one exchange. Cheap and non-blocking.
    func record(question: String, reply: Reply, session: String, mode: TranscriptRecord.Mode, nanoseconds: Int64) {
        // Written directly (sorted keys, as TranscriptRecord's Codable form): JSONEncoder would cost
        // more than answering the question.
        var members: [(String, JSONValue)] = []
        if !reply.alsoAnswered.isEmpty { members.append(("also_answered", .array(reply.alsoAnswered.map { .string($0) }))) }
        members += [
            ("answer", .string(reply.text)),
            ("confidence", .number(ReplyPayload.number((reply.confidence * 1000).rounded() / 1000))),
        ]
        if let topic = reply.conversationTopic { members.append(("conversation_topic", .string(topic))) }
        if let intent = reply.intent { members.append(("intent", .string(intent))) }
        members += [
            ("kind", .string(reply.kind.rawValue)),
            ("lang", .string(reply.language.rawValue)),
            ("latency_ms", .number(ReplyPayload.number((Double(nanoseconds) / 1e3).rounded() / 1e3))),
            ("mode", .string(mode.rawValue)),
            ("question", .string(question)),
        ]
        if reply.repeated { members.append(("repeated", .bool(true))) }
        members += [
            ("session", .string(hashSession(session))),
            ("topic", .string(reply.topic)),
            ("ts", .string(Date().formatted(.iso8601))),
        ]
        let data = Array(JSONValue.object(members).serialized.utf8)
        pending.withLock { p in
            if p.data.count + data.count + 1 > Self.maxBuffered {
                p.dropped += 1
            } else {
                p.data.append(contentsOf: data)
                p.data.append(UInt8(ascii: "\n"))
            }
        }
    }

    /// Writes everything queued so far to the file (blocking; not for event loops).
    public func flush() {
        let (data, dropped) = pending.withLock { p in
            defer { p = Pending() }
            return (p.data, p.dropped)
        }
        if dropped > 0 {
            metrics?.transcriptLinesDropped(dropped)
            logger.warning("transcript lines dropped: the file cannot keep up", metadata: ["dropped": "\(dropped)", "path": "\(path)"])
        }
        var offset = 0
        while offset < data.count {
            let written = data.withUnsafeBytes { raw in
                write(fd, raw.baseAddress.map { $0 + offset }, data.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                logger.error("transcript write failed", metadata: ["path": "\(path)", "error": "\(String(cString: strerror(errno)))"])
                return
            }
            offset += written
        }
    }

    /// Flushes every 200 ms until graceful shutdown or cancellation, then flushes once more.
    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: .milliseconds(200))
            flush()
        }
        flush()
    }
}
