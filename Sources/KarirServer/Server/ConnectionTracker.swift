import NIOCore
import Synchronization

/// Counts and remembers the open connections, enforces the connection cap, and lists the
/// connections to drain at shutdown. Thread-safe.
final class ConnectionTracker: Sendable {
    /// Why a connection was not admitted.
    enum Refusal: Error, Sendable {
        case full(max: Int)
        case shuttingDown
    }

    private struct State {
        var open: [UInt64: any Channel] = [:]
        var nextID: UInt64 = 0
        var accepting = true
    }

    private let state = Mutex(State())
    let maxConnections: Int

    init(maxConnections: Int) {
        self.maxConnections = maxConnections
    }

    var count: Int { state.withLock { $0.open.count } }

    /// Admits `channel` and returns its id and the new count, or why it is refused.
    func admit(_ channel: any Channel) -> Result<(id: UInt64, open: Int), Refusal> {
        state.withLock { s in
            guard s.accepting else { return .failure(.shuttingDown) }
            guard s.open.count < maxConnections else { return .failure(.full(max: maxConnections)) }
            s.nextID += 1
            s.open[s.nextID] = channel
            return .success((s.nextID, s.open.count))
        }
    }

    /// Forgets a closed connection; returns the remaining count.
    func remove(_ id: UInt64) -> Int {
        state.withLock { s in
            s.open.removeValue(forKey: id)
            return s.open.count
        }
    }

    /// Stops admitting connections and returns the open ones.
    func stopAccepting() -> [any Channel] {
        state.withLock { s in
            s.accepting = false
            return Array(s.open.values)
        }
    }

    /// The connections open now.
    func openChannels() -> [any Channel] {
        state.withLock { Array($0.open.values) }
    }
}
