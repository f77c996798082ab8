import Dispatch
import Synchronization

/// Wakes idle delivery workers when there may be work: an event was queued, a slot to a busy
/// endpoint was freed, or the service is stopping.
///
/// Wake-ups coalesce: a burst of thousands of events signals once, and a worker that finds work
/// passes the wake-up on to a peer, so the pool fans out as far as the work goes. The flag is
/// cleared *before* a worker scans, so an event queued during the scan is never missed.
final class WakeSignal: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let pending = Atomic<Bool>(false)

    /// Cheap enough for the answer path: one atomic exchange, and a semaphore post only when
    /// no wake-up is pending already.
    func wake() {
        if !pending.exchange(true, ordering: .acquiringAndReleasing) {
            semaphore.signal()
        }
    }

    /// Called by a worker right before it looks for work.
    func clear() {
        pending.store(false, ordering: .releasing)
    }

    /// Sleeps until ``wake()`` or `seconds` pass.
    func wait(seconds: Double) {
        let nanoseconds = Int(max(0, min(seconds, 3600)) * 1_000_000_000)
        _ = semaphore.wait(timeout: .now() + .nanoseconds(nanoseconds))
    }

    /// Wakes `count` workers unconditionally (used at shutdown).
    func wakeAll(_ count: Int) {
        for _ in 0..<count { semaphore.signal() }
    }
}
