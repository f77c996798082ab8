import Foundation
import GRDB
import KarirCore

extension SQLiteOutboxStore {
    /// The (endpoint, session) chain a delivery belongs to.
    struct Chain {
        var endpoint: String
        var session: String
        var wasPending: Bool
    }

    static func chain(of id: Int64, in db: Database) throws -> Chain? {
        let statement = try db.cachedStatement(sql: "SELECT endpoint, session, state FROM delivery WHERE id = ?")
        guard let row = try Row.fetchOne(statement, arguments: [id]) else { return nil }
        let state: String = row[2]
        return Chain(endpoint: row[0], session: row[1], wasPending: state != "dead")
    }

    /// The state a new delivery of the chain starts in: `ready` when nothing of the chain is still
    /// pending, else `waiting` behind it (events of one session reach an endpoint in order).
    static func initialState(endpoint: String, session: String, in db: Database) throws -> String {
        let busy = try db.cachedStatement(sql: """
            SELECT 1 FROM delivery WHERE endpoint = ? AND session = ? AND state <> 'dead' LIMIT 1
            """)
        return try Int.fetchOne(busy, arguments: [endpoint, session]) != nil ? "waiting" : "ready"
    }

    /// Makes the oldest pending delivery of the chain claimable, keeping the chain in order.
    static func promote(_ chain: Chain, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE delivery SET state = 'ready'
            WHERE state = 'waiting' AND id = (
                SELECT id FROM delivery WHERE endpoint = ? AND session = ? AND state <> 'dead' ORDER BY id LIMIT 1)
            """).execute(arguments: [chain.endpoint, chain.session])
    }

    /// Rebuilds an event from columns `id, type, timestamp, session, question, answer, topic,
    /// intent, confidence, lang, conversation_topic` starting at `start`.
    static func event(_ row: Row, from start: Int) throws -> ChatEvent {
        let typeName: String = row[start + 1]
        let langName: String = row[start + 9]
        guard let type = ChatEvent.Kind(rawValue: typeName), let lang = Language(rawValue: langName) else {
            throw OutboxError.databaseFailure(operation: "read event",
                                              reason: "unknown event type \(typeName) or language \(langName) in the outbox")
        }
        return ChatEvent(id: row[start], type: type, timestamp: Date(timeIntervalSince1970: row[start + 2]),
                         session: row[start + 3], question: row[start + 4], answer: row[start + 5], topic: row[start + 6],
                         intent: row[start + 7], confidence: row[start + 8], lang: lang, conversationTopic: row[start + 10])
    }
}
