import KarirCore
import Logging
import Synchronization

/// Holds the responder in service and replaces it atomically on reload.
///
/// A reload runs the loader off the event loops; the loaded responder is only swapped in when loading
/// (which validates the whole knowledge base) succeeded, so a broken edit never interrupts service.
/// Requests already being answered finish with the responder they started with.
/// Concurrent reloads are serialized: each one loads the files as they are when it runs.
public final class EngineHolder: Sendable {
    /// Builds a fresh responder from the files on disk, or fails with every problem found.
    public typealias Loader = @Sendable () throws(LoadFailure) -> any Responder

    private let current: Mutex<any Responder>
    private let loader: Loader
    private let reloadGate = ReloadGate()
    private let logger: Logger

    /// - Parameters:
    ///   - initial: the responder to serve until the first reload.
    ///   - loader: how to load a new one (used by ``reload()``).
    public init(initial: any Responder, logger: Logger = Logger(label: "karir.reload"), loader: @escaping Loader) {
        self.current = Mutex(initial)
        self.loader = loader
        self.logger = logger
    }

    /// The responder in service now.
    public var responder: any Responder {
        current.withLock { $0 }
    }

    /// Loads the knowledge again and swaps it in if it has no errors.
    ///
    /// Errors are logged with their locations; the old knowledge keeps serving.
    /// - Returns: the new knowledge's info, or the failure with its diagnostics.
    public func reload() async -> Result<EngineInfo, LoadFailure> {
        await reloadGate.run { [self] in
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
}

extension Diagnostic {
    /// `file:line:column`, the location part of a diagnostic.
    var location: String { "\(file):\(line):\(column)" }

    /// `file:line:column: message`, the form reload errors are reported in.
    var oneLine: String { "\(location): \(message)" }
}

/// Runs reloads one at a time, off the caller's thread.
private actor ReloadGate {
    private var tail: Task<Void, Never>?

    func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        let previous = tail
        let task = Task.detached {
            await previous?.value
            return work()
        }
        tail = Task { _ = await task.value }
        return await task.value
    }
}
