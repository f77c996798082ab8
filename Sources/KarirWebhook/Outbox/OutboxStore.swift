import Foundation
import KarirCore

/// Durable storage for events waiting to be delivered.
///
/// The outbox holds one *delivery* per (event, endpoint) pair. Deliveries of one session to one
/// endpoint form a chain that is handed out strictly in order: a delivery is claimable only when
/// every earlier one of its chain was delivered or died. Implementations must make every method
/// atomic; ``claimNext(endpoint:now:leaseUntil:owner:)`` must never hand the same delivery to two
/// callers while its lease runs.
///
/// ``SQLiteOutboxStore`` is the single-server implementation. A shared backend (e.g. PostgreSQL
/// with `SELECT … FOR UPDATE SKIP LOCKED`) can take its place when several servers share the work:
/// leases then expire on their own instead of being released at start-up.
public protocol OutboxStore: Sendable {
    /// Queues each event for each endpoint named with it, in the order given, in one transaction.
    /// An event id already in the outbox is skipped (publishing is idempotent).
    /// Deliveries beyond the pending cap are stored as dead and returned in ``EnqueueResult/overflow``.
    func enqueue(_ items: [OutboxItem], now: Date) throws(OutboxError) -> EnqueueResult

    /// Leases the earliest due delivery of `endpoint` whose chain predecessors are done, or nil.
    /// Until `leaseUntil` nobody else can claim it; a crashed worker's lease simply runs out.
    func claimNext(endpoint: String, now: Date, leaseUntil: Date, owner: String) throws(OutboxError) -> OutboxDelivery?

    /// When the next delivery of `endpoint` falls due (possibly in the past), or nil when none is queued.
    func nextDueDate(endpoint: String) throws(OutboxError) -> Date?

    /// The delivery succeeded: removes it and lets the next one of its chain go.
    func markDelivered(id: Int64) throws(OutboxError)

    /// The attempt failed and will be retried at `date`.
    func scheduleRetry(id: Int64, attempts: Int, at date: Date, error: String) throws(OutboxError)

    /// The delivery exhausted its attempts (or was refused for good); the next one of its chain goes.
    func markDead(id: Int64, attempts: Int, error: String, at date: Date) throws(OutboxError)

    /// Ends every lease (start-up of the only server that uses this store).
    func releaseAllLeases(now: Date) throws(OutboxError)

    /// Pending and dead counts per endpoint, read from storage.
    func counts() throws(OutboxError) -> OutboxCounts

    /// Pending (or dead) deliveries in queue order, at most `limit`.
    func list(_ state: OutboxEntry.State, endpoint: String?, limit: Int) throws(OutboxError) -> [OutboxEntry]

    /// Pending: makes every unleased delivery due now. Dead: puts dead deliveries back at the end of
    /// their chains with their attempt count reset. Returns how many deliveries were affected.
    func replay(_ state: OutboxEntry.State, endpoint: String?, now: Date) throws(OutboxError) -> Int

    /// Deletes the oldest dead deliveries beyond `keep` (they remain in the dead-letter file).
    func pruneDead(keep: Int) throws(OutboxError) -> Int

    /// Pending deliveries as this process last knew them: cheap enough for every enqueue
    /// (the cap check) and refreshed from storage by ``counts()``.
    var pendingEstimate: Int { get }
}

/// An event and the endpoints it is queued for.
public struct OutboxItem: Sendable {
    public var event: ChatEvent
    public var endpoints: [String]

    public init(event: ChatEvent, endpoints: [String]) {
        self.event = event
        self.endpoints = endpoints
    }
}

/// What ``OutboxStore/enqueue(_:now:)`` did.
public struct EnqueueResult: Sendable, Equatable {
    /// Deliveries queued for sending.
    public var queued: Int
    /// Deliveries stored as dead because the outbox was full, with their events.
    public var overflow: [OutboxDelivery]

    public init(queued: Int = 0, overflow: [OutboxDelivery] = []) {
        self.queued = queued
        self.overflow = overflow
    }
}

/// A delivery handed to a worker.
public struct OutboxDelivery: Sendable, Equatable {
    /// Storage id; ascending ids are queue order.
    public var id: Int64
    public var endpoint: String
    public var event: ChatEvent
    /// Attempts already made (0 for a first attempt).
    public var attempts: Int
    /// When the event entered the outbox.
    public var createdAt: Date

    public init(id: Int64, endpoint: String, event: ChatEvent, attempts: Int, createdAt: Date) {
        self.id = id
        self.endpoint = endpoint
        self.event = event
        self.attempts = attempts
        self.createdAt = createdAt
    }
}

/// A row of `karir outbox list`.
public struct OutboxEntry: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable {
        case pending
        case dead
    }

    public var id: Int64
    public var endpoint: String
    public var eventID: String
    public var type: ChatEvent.Kind
    public var session: String
    public var state: State
    public var attempts: Int
    public var nextAttemptAt: Date
    public var createdAt: Date
    public var lastError: String?
}

/// Queue sizes, as stored.
public struct OutboxCounts: Sendable, Equatable {
    public var pendingByEndpoint: [String: Int]
    public var deadByEndpoint: [String: Int]

    public var pending: Int { pendingByEndpoint.values.reduce(0, +) }
    public var dead: Int { deadByEndpoint.values.reduce(0, +) }
}
