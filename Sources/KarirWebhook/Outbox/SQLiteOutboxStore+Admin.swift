import Foundation
import GRDB
import KarirCore

/// Counting, listing, replaying and pruning: what `karir outbox` and the maintenance pass use.
extension SQLiteOutboxStore {
    public func counts() throws(OutboxError) -> OutboxCounts {
        let counts = try guarded("count") {
            try pool.read { db -> OutboxCounts in
                var counts = OutboxCounts(pendingByEndpoint: [:], deadByEndpoint: [:])
                let rows = try Row.fetchAll(db, sql: """
                    SELECT endpoint, state = 'dead', COUNT(*) FROM delivery GROUP BY endpoint, state = 'dead'
                    """)
                for row in rows {
                    let endpoint: String = row[0], dead: Bool = row[1], count: Int = row[2]
                    if dead { counts.deadByEndpoint[endpoint] = count } else { counts.pendingByEndpoint[endpoint] = count }
                }
                return counts
            }
        }
        pending.withLock { $0 = counts.pending }
        return counts
    }

    public func list(_ state: OutboxEntry.State, endpoint: String?, limit: Int) throws(OutboxError) -> [OutboxEntry] {
        try guarded("list") {
            try pool.read { db -> [OutboxEntry] in
                let stateFilter = state == .dead ? "d.state = 'dead'" : "d.state <> 'dead'"
                let endpointFilter = endpoint == nil ? "" : "AND d.endpoint = ?"
                var arguments: StatementArguments = []
                if let endpoint { arguments += [endpoint] }
                arguments += [limit]
                let rows = try Row.fetchAll(db, sql: """
                    SELECT d.id, d.endpoint, d.event_id, e.type, d.session, d.attempts, d.next_attempt_at,
                           d.created_at, d.last_error, d.state
                    FROM delivery d JOIN event e ON e.id = d.event_id
                    WHERE \(stateFilter) \(endpointFilter)
                    ORDER BY d.id LIMIT ?
                    """, arguments: arguments)
                return rows.map { row in
                    let typeName: String = row[3], rowState: String = row[9]
                    return OutboxEntry(id: row[0], endpoint: row[1], eventID: row[2],
                                       type: ChatEvent.Kind(rawValue: typeName) ?? .message, session: row[4], state: state,
                                       queuedBehindEarlier: rowState == "waiting", attempts: row[5], nextAttemptAt: Milliseconds.date(row[6]),
                                       createdAt: Milliseconds.date(row[7]), lastError: row[8])
                }
            }
        }
    }

    public func replay(_ state: OutboxEntry.State, endpoint: String?, now: Date) throws(OutboxError) -> Int {
        let nowMs = Milliseconds.from(now)
        let changed = try guarded("replay") {
            try pool.write { db -> Int in
                var arguments: StatementArguments = []
                let endpointFilter = endpoint == nil ? "" : "AND endpoint = ?"
                switch state {
                case .pending:
                    arguments = [nowMs, nowMs]
                    if let endpoint { arguments += [endpoint] }
                    try db.execute(sql: """
                        UPDATE delivery SET next_attempt_at = ?
                        WHERE state <> 'dead' AND lease_owner IS NULL AND next_attempt_at > ? \(endpointFilter)
                        """, arguments: arguments)
                    return db.changesCount
                case .dead:
                    if let endpoint { arguments = [endpoint] }
                    let rows = try Row.fetchAll(db, sql: """
                        SELECT id, event_id, endpoint, session, created_at FROM delivery
                        WHERE state = 'dead' \(endpointFilter) ORDER BY id
                        """, arguments: arguments)
                    for row in rows {
                        let id: Int64 = row[0], eventID: String = row[1], target: String = row[2], session: String = row[3]
                        let createdAt: Int64 = row[4]
                        let state = try Self.initialState(endpoint: target, session: session, in: db)
                        // Insert the copy before deleting the original so the event row is kept.
                        try db.execute(sql: """
                            INSERT INTO delivery (event_id, endpoint, session, state, next_attempt_at, created_at)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """, arguments: [eventID, target, session, state, nowMs, createdAt])
                        try db.execute(sql: "DELETE FROM delivery WHERE id = ?", arguments: [id])
                    }
                    return rows.count
                }
            }
        }
        if state == .dead, changed > 0 { pending.withLock { $0 += changed } }
        return changed
    }

    public func pruneDead(keep: Int) throws(OutboxError) -> Int {
        try guarded("prune dead") {
            try pool.write { db -> Int in
                try db.execute(sql: """
                    DELETE FROM delivery WHERE id IN (
                        SELECT id FROM delivery WHERE state = 'dead' ORDER BY id DESC LIMIT -1 OFFSET ?)
                    """, arguments: [max(0, keep)])
                return db.changesCount
            }
        }
    }
}
