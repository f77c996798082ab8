import Dispatch
import KarirCore
import Logging
import Synchronization

/// Holds the responder in service and replaces it atomically on reload.
///
/// A reload runs the loader off the event loops; the loaded responder is only swapped in when loading
/// (which validates the whole knowledge base) succeeded, so a broken edit never interrupts service.
/// Requests already being answered finish with the responder they started with.
/// Concurrent reloads are serialized: each one loads the files as they are when it runs.
///
/// Loading (parsing, checking and compiling the knowledge, up to seconds of CPU) runs on a serial
/// dispatch queue of its own, not on Swift concurrency's few shared threads: a reload then never
/// waits for those threads, nor holds one while it loads.
public final class EngineHolder: Sendable {
    /// Builds a fresh responder from the files on disk, or fails with every problem found.
    public typealias Loader = @Sendable () throws(LoadFailure) -> any Responder

    private let current: Mutex<any Responder>
    private let loader: Loader
    private let reloadQueue = DispatchQueue(label: "karir.reload")
    private let logger: Logger

    /// - Parameters:
    ///   - initial: the responder to serve until the first reload.
    ///   - loader: how to load a new one (used by ``reload(completion:)``).
    public init(initial: any Responder, logger: Logger = Logger(label: "karir.reload"), loader: @escaping Loader) {
        self.current = Mutex(initial)
        self.loader = loader
        self.logger = logger
    }

    /// The responder in service now.
    public var responder: any Responder {
        current.withLock { $0 }
    }

    /// Loads the knowledge again and swaps it in if it has no errors, then calls `completion` on
    /// the reload queue with the new knowledge's info, or the failure with its diagnostics.
    ///
    /// Errors are logged with their locations; the old knowledge keeps serving.
    public func reload(completion: @escaping @Sendable (Result<EngineInfo, LoadFailure>) -> Void) {
        reloadQueue.async { [self] in completion(reloadNow()) }
    }

    /// Loads and swaps in, on the calling thread (always the reload queue).
    private func reloadNow() -> Result<EngineInfo, LoadFailure> {
        let oldHash = current.withLock { $0.info.knowledgeHash }
        let result: Result<any Responder, LoadFailure>
        do throws(LoadFailure) {
            result = .success(try loader())
        } catch {
            result = .failure(error)
        }
        switch result {
        case .success(let fresh):
            current.withLock { $0 = fresh }
            logger.info("knowledge reloaded", metadata: [
                "old_hash": "\(oldHash)", "new_hash": "\(fresh.info.knowledgeHash)",
                "load_ms": "\(fresh.info.loadMilliseconds)",
            ])
            return .success(fresh.info)
        case .failure(let failure):
            logger.error("reload failed, keeping the previous knowledge", metadata: [
                "hash": "\(oldHash)", "errors": "\(failure.errors.count)",
            ])
            for diagnostic in failure.errors {
                logger.error("\(diagnostic.location): \(diagnostic.message)")
            }
            return .failure(failure)
        }
    }
}

extension Diagnostic {
    /// `file:line:column`, the location part of a diagnostic.
    var location: String { "\(file):\(line):\(column)" }

    /// `file:line:column: message`, the form reload errors are reported in.
    var oneLine: String { "\(location): \(message)" }
}
