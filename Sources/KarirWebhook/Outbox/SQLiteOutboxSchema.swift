import GRDB

/// The outbox tables. `event` holds each event once; `delivery` holds one row per
/// (event, endpoint) with its state: `ready` (head of its chain, may be claimed when due),
/// `waiting` (an earlier delivery of the same endpoint and session is still pending) or `dead`.
/// Delivered rows are deleted; the trigger drops an event once no delivery refers to it.
enum SQLiteOutboxSchema {
    /// The newest migration this Karir knows (v2).
    static let version = 2

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        migrator.registerMigration("v2", migrate: v2)
        return migrator
    }

    /// The first schema.
    static func v1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE event (
                id TEXT PRIMARY KEY NOT NULL,
                type TEXT NOT NULL,
                timestamp REAL NOT NULL,
                session TEXT NOT NULL,
                question TEXT NOT NULL,
                answer TEXT NOT NULL,
                topic TEXT NOT NULL,
                intent TEXT,
                confidence REAL NOT NULL,
                lang TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE delivery (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id TEXT NOT NULL REFERENCES event(id),
                endpoint TEXT NOT NULL,
                session TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('ready', 'waiting', 'dead')),
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER NOT NULL,
                created_at INTEGER NOT NULL,
                lease_owner TEXT,
                last_error TEXT,
                dead_at INTEGER
            );
            CREATE INDEX delivery_ready ON delivery(endpoint, next_attempt_at, id) WHERE state = 'ready';
            CREATE INDEX delivery_chain ON delivery(endpoint, session, id) WHERE state <> 'dead';
            CREATE INDEX delivery_event ON delivery(event_id);
            CREATE INDEX delivery_dead ON delivery(id) WHERE state = 'dead';
            CREATE TRIGGER delivery_forget_event AFTER DELETE ON delivery
            WHEN NOT EXISTS (SELECT 1 FROM delivery WHERE event_id = OLD.event_id)
            BEGIN
                DELETE FROM event WHERE id = OLD.event_id;
            END;
            """)
    }

    /// The conversation's topic of an unanswered or clarified question
    /// (``KarirCore/ChatEvent/conversationTopic``); events queued before it have none.
    static func v2(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE event ADD COLUMN conversation_topic TEXT")
    }
}
