import KarirCore
import KarirServer
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// Starts a real server on 127.0.0.1 with an ephemeral port, runs `body`, and always shuts it down.
func withServer(
    configure: (inout ServerConfiguration) -> Void = { _ in },
    engine: EngineHolder = EngineHolder(initial: TestResponder(), logger: quietLogger, loader: { TestResponder() }),
    events: (any EventSink)? = nil,
    transcript: TranscriptWriter? = nil,
    _ body: (KarirServer) async throws -> Void
) async throws {
    var configuration = ServerConfiguration()
    configuration.port = 0
    configuration.adminToken = "secret"
    configure(&configuration)
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    let server = try await KarirServer.start(configuration: configuration, engine: engine, events: events,
                                             transcript: transcript, logger: logger, group: MultiThreadedEventLoopGroup.singleton)
    do {
        try await body(server)
    } catch {
        await server.shutdown()
        throw error
    }
    await server.shutdown()
}

/// JSON helpers for assertions.
extension JSONValue {
    var stringValue: String? { if case .string(let s) = self { s } else { nil } }
    var intValue: Int? { if case .number(let n) = self { Int(n) ?? Double(n).map { Int($0) } } else { nil } }
    var arrayValue: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    var errorCode: Int? { self["error"]?["code"]?.intValue }

    static func obj(_ members: KeyValuePairs<String, JSONValue>) -> JSONValue {
        .object(members.map { ($0.key, $0.value) })
    }
}

/// A responder whose version can be changed, and a loader that can be told to fail: for reload tests.
final class SwitchableLoader: Sendable {
    private let state = Mutex<(version: String, fail: Bool)>(("v1", false))

    func set(version: String, fail: Bool) {
        state.withLock { $0 = (version, fail) }
    }

    func load() throws(LoadFailure) -> any Responder {
        let (version, fail) = state.withLock { $0 }
        if fail {
            throw LoadFailure(diagnostics: [
                Diagnostic(.error, file: "knowledge/intents/broken.yaml", line: 3, column: 7, "expected a mapping"),
            ])
        }
        return TestResponder(version: version)
    }
}

/// An event sink that keeps what it receives.
final class CollectingSink: EventSink {
    private let received = Mutex<[ChatEvent]>([])
    func publish(_ events: [ChatEvent]) { received.withLock { $0 += events } }
    var events: [ChatEvent] { received.withLock { $0 } }
}

/// A value shared between test tasks.
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    var value: Value { mutex.withLock { $0 } }
    func update<R: Sendable>(_ body: (inout Value) -> R) -> R { mutex.withLock { body(&$0) } }
}

/// A logger that stays silent (tests check outcomes, not log lines).
let quietLogger: Logger = {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return logger
}()
