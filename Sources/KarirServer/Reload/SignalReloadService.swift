import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the knowledge on SIGHUP until graceful shutdown.
public struct SignalReloadService: Service {
    private let reload: @Sendable () async -> Void

    /// - Parameter reload: what to do on each SIGHUP.
    public init(reload: @escaping @Sendable () async -> Void) {
        self.reload = reload
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            await reload()
        }
    }
}
