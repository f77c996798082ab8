import Foundation
import GRDB
import KarirCore
import Logging
import Synchronization

/// The outbox in an embedded SQLite database (`<data-dir>/outbox.sqlite`), through GRDB.
///
/// WAL mode, so that `karir outbox` and the delivery workers read while an answer writes.
/// `synchronous` follows ``Durability``: `normal` (default) survives a crash or `kill -9` of Karir
/// without an fsync per answer; `full` also survives power loss at a disk flush per answer.
///
/// All writes go through GRDB's single writer connection in `BEGIN IMMEDIATE` transactions, so
/// claims are atomic within the process and across processes sharing the file.
public final class SQLiteOutboxStore: OutboxStore {
    /// The database file name inside the data directory.
    public static let fileName = "outbox.sqlite"

    let pool: DatabasePool
    let path: String
    private let maxPending: Int
    let pending: Mutex<Int>
    private let checkpointer: SQLiteCheckpointer?

    /// Opens (creating if needed) the outbox in `directory`.
    /// - Parameters:
    ///   - maxPending: the pending cap; deliveries beyond it are stored dead (see ``OutboxSettings``).
    ///   - durability: SQLite `synchronous` level.
    ///   - backgroundCheckpoints: checkpoint the WAL on a thread of its own instead of inside
    ///     commits (the delivering process uses this so that no answer waits for a checkpoint).
    public init(directory: String, maxPending: Int = OutboxSettings().maxPending,
                durability: Durability = .normal, backgroundCheckpoints: Bool = false) throws(OutboxError) {
        try DataDirectory.create(directory)
        path = (directory as NSString).appendingPathComponent(Self.fileName)
        self.maxPending = maxPending
        var configuration = Configuration()
        configuration.label = "karir-outbox"
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = 4
        let synchronous = durability == .full ? "FULL" : "NORMAL"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
            if backgroundCheckpoints { try db.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
            // Keep the WAL file from staying large after a burst.
            try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
        }
        let opened: DatabasePool
        do {
            opened = try DatabasePool(path: path, configuration: configuration)
            let migrator = SQLiteOutboxSchema.migrator
            if try opened.read({ try migrator.hasBeenSuperseded($0) }) {
                throw OutboxError.unsupportedSchema(path: path, version: SQLiteOutboxSchema.version + 1)
            }
            try migrator.migrate(opened)
        } catch let error as OutboxError {
            throw error
        } catch {
            throw .cannotOpenDatabase(path: path, reason: String(describing: error))
        }
        pool = opened
        pending = Mutex(0)
        checkpointer = backgroundCheckpoints
            ? try SQLiteCheckpointer(path: path, logger: Logger(label: "karir.webhook.outbox")) : nil
        _ = try counts()
    }

    deinit {
        checkpointer?.stop()
    }

    /// Stops background checkpoints and closes the database; further calls fail.
    public func close() throws(OutboxError) {
        checkpointer?.stop()
        try guarded("close") { try pool.close() }
    }

    /// Pending deliveries as counted by this process (refreshed by ``counts()``).
    public var pendingEstimate: Int { pending.withLock { $0 } }

    public func enqueue(_ items: [OutboxItem], now: Date) throws(OutboxError) -> EnqueueResult {
        let nowMs = Milliseconds.from(now)
        let room = max(0, maxPending - pendingEstimate)
        let cap = maxPending
        let result = try guarded("enqueue") {
            try pool.write { db -> EnqueueResult in
                let insertEvent = try db.cachedStatement(sql: """
                    INSERT OR IGNORE INTO event (id, type, timestamp, session, question, answer, topic, intent, confidence, lang,
                                                 conversation_topic)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let insertDelivery = try db.cachedStatement(sql: """
                    INSERT INTO delivery (event_id, endpoint, session, state, next_attempt_at, created_at, last_error, dead_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                var result = EnqueueResult()
                for item in items where !item.endpoints.isEmpty {
                    let event = item.event
                    try insertEvent.execute(arguments: [
                        event.id, event.type.rawValue, event.timestamp.timeIntervalSince1970, event.session,
                        event.question, event.answer, event.topic, event.intent, event.confidence, event.lang.rawValue,
                        event.conversationTopic,
                    ])
                    guard db.changesCount > 0 else { continue }
                    for endpoint in item.endpoints {
                        if result.queued < room {
                            let state = try Self.initialState(endpoint: endpoint, session: event.session, in: db)
                            try insertDelivery.execute(arguments: [
                                event.id, endpoint, event.session, state, nowMs, nowMs, nil, nil,
                            ])
                            result.queued += 1
                        } else {
                            try insertDelivery.execute(arguments: [
                                event.id, endpoint, event.session, "dead", nowMs, nowMs,
                                "outbox full (max_pending \(cap))", nowMs,
                            ])
                            result.overflow.append(OutboxDelivery(id: db.lastInsertedRowID, endpoint: endpoint,
                                                                  event: event, attempts: 0, createdAt: now))
                        }
                    }
                }
                return result
            }
        }
        if result.queued > 0 { pending.withLock { $0 += result.queued } }
        return result
    }

    public func claimNext(endpoint: String, now: Date, leaseUntil: Date, owner: String) throws(OutboxError) -> OutboxDelivery? {
        try guarded("claim") {
            try pool.write { db -> OutboxDelivery? in
                let select = try db.cachedStatement(sql: """
                    SELECT d.id, d.attempts, d.created_at,
                           e.id, e.type, e.timestamp, e.session, e.question, e.answer, e.topic, e.intent, e.confidence, e.lang,
                           e.conversation_topic
                    FROM delivery d JOIN event e ON e.id = d.event_id
                    WHERE d.endpoint = ? AND d.state = 'ready' AND d.next_attempt_at <= ?
                    ORDER BY d.next_attempt_at, d.id LIMIT 1
                    """)
                guard let row = try Row.fetchOne(select, arguments: [endpoint, Milliseconds.from(now)]) else { return nil }
                let id: Int64 = row[0]
                try db.cachedStatement(sql: "UPDATE delivery SET next_attempt_at = ?, lease_owner = ? WHERE id = ?")
                    .execute(arguments: [Milliseconds.from(leaseUntil), owner, id])
                return OutboxDelivery(id: id, endpoint: endpoint, event: try Self.event(row, from: 3),
                                      attempts: row[1], createdAt: Milliseconds.date(row[2]))
            }
        }
    }

    public func nextDueDate(endpoint: String) throws(OutboxError) -> Date? {
        try guarded("read") {
            try pool.read { db -> Date? in
                let statement = try db.cachedStatement(sql: """
                    SELECT MIN(next_attempt_at) FROM delivery WHERE endpoint = ? AND state = 'ready'
                    """)
                return try Int64.fetchOne(statement, arguments: [endpoint]).map(Milliseconds.date)
            }
        }
    }

    public func markDelivered(id: Int64) throws(OutboxError) {
        let removed = try guarded("mark delivered") {
            try pool.write { db -> Bool in
                guard let chain = try Self.chain(of: id, in: db) else { return false }
                try db.cachedStatement(sql: "DELETE FROM delivery WHERE id = ?").execute(arguments: [id])
                try Self.promote(chain, in: db)
                return chain.wasPending
            }
        }
        if removed { pending.withLock { $0 = max(0, $0 - 1) } }
    }

    public func scheduleRetry(id: Int64, attempts: Int, at date: Date, error: String) throws(OutboxError) {
        try guarded("schedule retry") {
            try pool.write { db in
                try db.cachedStatement(sql: """
                    UPDATE delivery SET attempts = ?, next_attempt_at = ?, last_error = ?, lease_owner = NULL
                    WHERE id = ? AND state <> 'dead'
                    """).execute(arguments: [attempts, Milliseconds.from(date), error, id])
            }
        }
    }

    public func markDead(id: Int64, attempts: Int, error: String, at date: Date) throws(OutboxError) {
        let changed = try guarded("mark dead") {
            try pool.write { db -> Bool in
                guard let chain = try Self.chain(of: id, in: db), chain.wasPending else { return false }
                try db.cachedStatement(sql: """
                    UPDATE delivery SET state = 'dead', attempts = ?, last_error = ?, dead_at = ?, lease_owner = NULL
                    WHERE id = ?
                    """).execute(arguments: [attempts, error, Milliseconds.from(date), id])
                try Self.promote(chain, in: db)
                return true
            }
        }
        if changed { pending.withLock { $0 = max(0, $0 - 1) } }
    }

    public func releaseAllLeases(now: Date) throws(OutboxError) {
        try guarded("release leases") {
            try pool.write { db in
                try db.execute(sql: """
                    UPDATE delivery SET lease_owner = NULL, next_attempt_at = MIN(next_attempt_at, ?)
                    WHERE lease_owner IS NOT NULL
                    """, arguments: [Milliseconds.from(now)])
            }
        }
    }

    /// Runs a GRDB operation, turning its errors into ``OutboxError``.
    func guarded<T>(_ operation: String, _ body: () throws -> T) throws(OutboxError) -> T {
        do {
            return try body()
        } catch let error as OutboxError {
            throw error
        } catch {
            throw .databaseFailure(operation: operation, reason: String(describing: error))
        }
    }
}
