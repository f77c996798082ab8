import Foundation
import GRDB
import Logging
import Synchronization

/// Copies the WAL back into the database file on its own thread and connection.
///
/// SQLite normally checkpoints inside whichever commit pushes the WAL past 1000 pages, and that
/// commit then waits for the copy and an fsync: milliseconds, on the answer path when the
/// commit is a `publish`. With automatic checkpoints off, this thread runs a PASSIVE checkpoint
/// a few times a second instead; PASSIVE never takes the write lock, so publishes and workers
/// keep committing while it runs.
final class SQLiteCheckpointer: Sendable {
    static let interval = 0.2

    private let connection: DatabaseQueue
    private let running = Atomic<Bool>(true)
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    init(path: String, logger: Logger) throws(OutboxError) {
        var configuration = Configuration()
        configuration.label = "karir-outbox-checkpoint"
        do {
            connection = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw .cannotOpenDatabase(path: path, reason: String(describing: error))
        }
        let thread = Thread { [self] in
            defer { finished.signal() }
            while running.load(ordering: .acquiring) {
                _ = wake.wait(timeout: .now() + .milliseconds(Int(Self.interval * 1000)))
                do {
                    _ = try connection.writeWithoutTransaction { try $0.checkpoint(.passive) }
                } catch {
                    logger.warning("webhook outbox checkpoint failed (retrying): \(error)")
                }
            }
        }
        thread.name = "karir-outbox-checkpoint"
        thread.start()
    }

    /// Stops the thread after a last checkpoint.
    func stop() {
        guard running.exchange(false, ordering: .acquiringAndReleasing) else { return }
        wake.signal()
        finished.wait()
    }
}
