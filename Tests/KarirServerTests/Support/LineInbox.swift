import NIOCore
import NIOPosix
import Synchronization

/// Lines received by a test client, waited for with a timeout.
final class LineInbox: Sendable {
    struct Timeout: Error, CustomStringConvertible {
        var description: String { "timed out waiting for a line" }
    }

    private struct Waiter {
        var id: UInt64
        var continuation: CheckedContinuation<String?, any Error>
    }

    private struct State {
        var lines = CircularBuffer<String>()
        var closed = false
        var waiter: Waiter?
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    func push(_ line: String) {
        let waiter = state.withLock { s -> Waiter? in
            if let w = s.waiter {
                s.waiter = nil
                return w
            }
            s.lines.append(line)
            return nil
        }
        waiter?.continuation.resume(returning: line)
    }

    func close() {
        let waiter = state.withLock { s -> Waiter? in
            s.closed = true
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.continuation.resume(returning: nil)
    }

    /// The next line, or nil at end of stream; throws ``Timeout`` after `timeout`.
    func next(timeout: TimeAmount, loop: any EventLoop) async throws -> String? {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<String?, any Error>) in
            enum Now { case line(String), eof, wait(UInt64) }
            let now = state.withLock { s -> Now in
                if let line = s.lines.popFirst() { return .line(line) }
                if s.closed { return .eof }
                s.nextID += 1
                s.waiter = Waiter(id: s.nextID, continuation: continuation)
                return .wait(s.nextID)
            }
            switch now {
            case .line(let line): continuation.resume(returning: line)
            case .eof: continuation.resume(returning: nil)
            case .wait(let id):
                loop.scheduleTask(in: timeout) { [self] in
                    let expired = state.withLock { s -> Waiter? in
                        guard let w = s.waiter, w.id == id else { return nil }
                        s.waiter = nil
                        return w
                    }
                    expired?.continuation.resume(throwing: Timeout())
                }
            }
        }
    }
}
