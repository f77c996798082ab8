import Dispatch
import Foundation
import Synchronization

/// Carries published events from the answer path to one thread that commits them to the outbox.
///
/// A synchronous SQLite commit costs 20–150 µs on a busy two-core machine (measured, see
/// docs/benchmarks.md), more than an answer should pay. Here `publish` appends to a bounded
/// in-memory list (about a microsecond) and returns; this thread commits everything that
/// accumulated in one transaction (group commit), usually within a millisecond. (With
/// `wait_for_commit` the sink commits on the caller's thread and this writer is not used.)
///
/// The list is bounded (``capacity`` events): if the disk stalls that long, further events
/// go to the dead letters rather than to memory.
final class OutboxWriter: Sendable {
    /// Events held in memory at most, waiting for the writer thread.
    static let capacity = 10_000

    enum Submission: Equatable {
        /// Queued; committed shortly.
        case queued
        /// The list is full: the disk is not keeping up.
        case full
        /// The writer has stopped; commit on the caller's thread instead.
        case stopped
    }

    private struct State {
        var items: [OutboxItem] = []
        var running = true
    }

    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts the writer thread; `commit` runs on it with each batch, in publish order.
    init(commit: @escaping @Sendable ([OutboxItem]) -> Void) {
        let thread = Thread { [self] in
            defer { finished.signal() }
            var running = true
            while running {
                wake.wait()
                let (batch, stillRunning) = state.withLock { state in
                    defer { state.items = [] }
                    return (state.items, state.running)
                }
                if !batch.isEmpty { commit(batch) }
                running = stillRunning
            }
        }
        thread.name = "karir-outbox-writer"
        thread.start()
    }

    /// Hands `items` to the writer thread. Only the first submission after a commit posts the
    /// semaphore; later ones join the same batch.
    func submit(_ items: [OutboxItem]) -> Submission {
        let (outcome, first) = state.withLock { state -> (Submission, Bool) in
            guard state.running else { return (.stopped, false) }
            guard state.items.count + items.count <= Self.capacity else { return (.full, false) }
            let first = state.items.isEmpty
            state.items.append(contentsOf: items)
            return (.queued, first)
        }
        if first { wake.signal() }
        return outcome
    }

    /// Commits what is queued and stops the thread; later submissions answer ``Submission/stopped``.
    func stop() {
        let wasRunning = state.withLock { state -> Bool in
            defer { state.running = false }
            return state.running
        }
        guard wasRunning else { return }
        wake.signal()
        finished.wait()
    }
}
