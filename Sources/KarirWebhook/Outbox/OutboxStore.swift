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
    /// The event as published.
    public var event: ChatEvent
    /// Names of the endpoints that want it, in configuration order.
    public var endpoints: [String]

    /// An event queued for the named endpoints.
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

    /// A result; empty by default.
    public init(queued: Int = 0, overflow: [OutboxDelivery] = []) {
        self.queued = queued
        self.overflow = overflow
    }
}

/// A delivery handed to a worker.
public struct OutboxDelivery: Sendable, Equatable {
    /// Storage id; ascending ids are queue order.
    public var id: Int64
    /// Endpoint name.
    public var endpoint: String
    /// The event as published (session not hashed).
    public var event: ChatEvent
    /// Attempts already made (0 for a first attempt).
    public var attempts: Int
    /// When the event entered the outbox.
    public var createdAt: Date

    /// A delivery as read from storage.
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
    /// Whether the delivery may still be sent.
    public enum State: String, Sendable, CaseIterable {
        /// Waiting for its (next) attempt.
        case pending
        /// Exhausted its attempts, was refused, or did not fit in the outbox.
        case dead
    }

    /// Storage id; ascending ids are queue order.
    public var id: Int64
    /// Endpoint name.
    public var endpoint: String
    /// The event id receivers de-duplicate on.
    public var eventID: String
    /// The event kind.
    public var type: ChatEvent.Kind
    /// The session id as the host knows it (not hashed: the outbox is local state).
    public var session: String
    /// Pending or dead.
    public var state: State
    /// True while an earlier delivery of the same session to the same endpoint is pending.
    public var queuedBehindEarlier: Bool
    /// Attempts made so far.
    public var attempts: Int
    /// When the next attempt may start (for a pending delivery).
    public var nextAttemptAt: Date
    /// When the event entered the outbox.
    public var createdAt: Date
    /// Why the last attempt failed, or why the delivery died.
    public var lastError: String?
}

/// Queue sizes, as stored.
public struct OutboxCounts: Sendable, Equatable {
    /// Pending deliveries per endpoint name (endpoints with none are absent).
    public var pendingByEndpoint: [String: Int]
    /// Dead deliveries per endpoint name (endpoints with none are absent).
    public var deadByEndpoint: [String: Int]

    /// All pending deliveries.
    public var pending: Int { pendingByEndpoint.values.reduce(0, +) }
    /// All dead deliveries.
    public var dead: Int { deadByEndpoint.values.reduce(0, +) }
}
