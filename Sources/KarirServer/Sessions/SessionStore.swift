import KarirCore
import NIOCore
import Synchronization

/// All live conversations, keyed by ``SessionKey``, with an idle expiry and a cap on their number.
///
/// Thread-safe: one short-held lock guards the index; each conversation has its own lock
/// (``SessionSlot``) held while it is answered, so different sessions are answered in parallel and
/// messages of one session are answered one after the other.
///
/// When the cap is reached the least recently used session is evicted. A session idle for longer than
/// `idleTimeout` is treated as new on its next message and removed by ``expire(now:)``.
public final class SessionStore: Sendable {
    /// Upper bound on the number of sessions kept.
    public let capacity: Int
    /// How long a session may stay unused before it is forgotten, in nanoseconds.
    public let idleTimeoutNanos: UInt64
    private let clock: @Sendable () -> UInt64
    private let index: Mutex<Index>

    /// - Parameters:
    ///   - capacity: most sessions kept (at least 1); the least recently used is evicted beyond it.
    ///   - idleTimeout: forget a session unused for this long.
    ///   - clock: monotonic nanoseconds; tests may pass their own.
    public init(capacity: Int, idleTimeout: TimeAmount,
                clock: @escaping @Sendable () -> UInt64 = { NIODeadline.now().uptimeNanoseconds }) {
        self.capacity = max(1, capacity)
        self.idleTimeoutNanos = UInt64(max(1, idleTimeout.nanoseconds))
        self.clock = clock
        self.index = Mutex(Index())
    }

    /// Number of sessions currently kept (including expired ones not yet swept).
    public var count: Int {
        index.withLock { $0.records.count }
    }

    /// Runs `body` with exclusive access to the session for `key`, creating it when needed.
    ///
    /// Calls for the same key run one at a time, in the order they take the session's lock.
    /// `body` must not call back into the store for the same key.
    public func withSession<R: Sendable>(_ key: SessionKey, _ body: (inout Session) -> R) -> R {
        let now = clock()
        let slot = index.withLock { $0.touch(key, now: now, capacity: capacity, idleTimeout: idleTimeoutNanos) }
        return slot.session.withLock { session in body(&session) }
    }

    /// A copy of the session for `key`, if one is kept and not expired (for inspection; does not touch it).
    public func peek(_ key: SessionKey) -> Session? {
        let now = clock()
        let slot: SessionSlot? = index.withLock { index in
            guard let record = index.records[key], !isExpired(record.lastUsed, now: now, idleTimeout: idleTimeoutNanos) else { return nil }
            return record.slot
        }
        return slot?.session.withLock { $0 }
    }

    /// Forgets the session for `key`. Returns whether one was kept.
    @discardableResult
    public func remove(_ key: SessionKey) -> Bool {
        index.withLock { $0.records.removeValue(forKey: key) != nil }
    }

    /// Removes every session idle for longer than the timeout. Returns how many were removed.
    @discardableResult
    public func expire(now: UInt64? = nil) -> Int {
        let now = now ?? clock()
        let timeout = idleTimeoutNanos
        return index.withLock { $0.expire(now: now, idleTimeout: timeout) }
    }
}

/// The store's index: records by key plus a queue of touches in time order, from which the least
/// recently used and the expired sessions are found without scanning.
private struct Index {
    struct Record {
        var slot: SessionSlot
        var stamp: UInt64
        var lastUsed: UInt64
    }

    struct Touch {
        var key: SessionKey
        var stamp: UInt64
    }

    var records: [SessionKey: Record] = [:]
    /// Every touch appends here; an entry is current only while its stamp matches the record's.
    var touches = CircularBuffer<Touch>()
    var nextStamp: UInt64 = 0

    mutating func touch(_ key: SessionKey, now: UInt64, capacity: Int, idleTimeout: UInt64) -> SessionSlot {
        nextStamp += 1
        let slot: SessionSlot
        if let record = records[key], !isExpired(record.lastUsed, now: now, idleTimeout: idleTimeout) {
            slot = record.slot
        } else {
            slot = SessionSlot()
        }
        records[key] = Record(slot: slot, stamp: nextStamp, lastUsed: now)
        touches.append(Touch(key: key, stamp: nextStamp))
        while records.count > capacity, let oldest = popOldestCurrent() {
            records.removeValue(forKey: oldest)
        }
        compactIfNeeded()
        return slot
    }

    mutating func expire(now: UInt64, idleTimeout: UInt64) -> Int {
        var removed = 0
        while let first = touches.first {
            guard let record = records[first.key], record.stamp == first.stamp else {
                touches.removeFirst()
                continue
            }
            guard isExpired(record.lastUsed, now: now, idleTimeout: idleTimeout) else { break }
            touches.removeFirst()
            records.removeValue(forKey: first.key)
            removed += 1
        }
        compactIfNeeded()
        return removed
    }

    /// Removes stale touches from the front and returns the key of the least recently used record.
    private mutating func popOldestCurrent() -> SessionKey? {
        while let first = touches.popFirst() {
            if let record = records[first.key], record.stamp == first.stamp { return first.key }
        }
        return nil
    }

    /// Keeps the touch queue within a small factor of the number of records.
    private mutating func compactIfNeeded() {
        guard touches.count > 2 * records.count + 1024 else { return }
        var kept = CircularBuffer<Touch>(initialCapacity: records.count)
        for touch in touches where records[touch.key]?.stamp == touch.stamp {
            kept.append(touch)
        }
        touches = kept
    }
}

/// Whether a session last used at `lastUsed` is expired at `now`. A use stamped after `now` (a touch
/// racing with a sweep that read the clock earlier) is never expired.
private func isExpired(_ lastUsed: UInt64, now: UInt64, idleTimeout: UInt64) -> Bool {
    now > lastUsed && now - lastUsed > idleTimeout
}
