import Logging
import ServiceLifecycle

/// Runs a ``KarirServer`` as a swift-service-lifecycle `Service`: starts it, reports the address,
/// and on graceful shutdown (SIGTERM/SIGINT through the `ServiceGroup`) drains and stops it.
public final class KarirServerService: Service, Sendable {
    /// Starts the server (the caller decides which engine, metrics and outputs to use).
    public typealias Starter = @Sendable () async throws -> KarirServer

    private let starter: Starter
    private let onStarted: @Sendable (KarirServer) -> Void

    /// - Parameters:
    ///   - start: creates and binds the server.
    ///   - onStarted: called once listening (prints the "listening on" line, wires reload triggers).
    public init(start: @escaping Starter, onStarted: @escaping @Sendable (KarirServer) -> Void) {
        self.starter = start
        self.onStarted = onStarted
    }

    public func run() async throws {
        let server = try await starter()
        onStarted(server)
        // Returns on graceful shutdown, or throws CancellationError when the group is cancelled.
        try? await gracefulShutdown()
        await server.shutdown()
    }
}
