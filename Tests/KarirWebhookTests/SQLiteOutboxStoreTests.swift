import Foundation
import GRDB
import KarirCore
import Testing
@testable import KarirWebhook

/// The outbox against a real SQLite file in a temporary directory.
@Suite struct SQLiteOutboxStoreTests {
    let now = Date(timeIntervalSince1970: 1_767_225_600)

    private func claim(_ store: SQLiteOutboxStore, _ endpoint: String = "a", at time: Date? = nil) throws -> OutboxDelivery? {
        let at = time ?? now
        return try store.claimNext(endpoint: endpoint, now: at, leaseUntil: at.addingTimeInterval(60), owner: "test")
    }

    @Test func deliversEachSessionInOrderAndSessionsIndependently() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteOutboxStore(directory: directory.path)
        let events = [Fixtures.event(1, session: "x"), Fixtures.event(2, session: "x"), Fixtures.event(3, session: "y")]
        let result = try store.enqueue(events.map { OutboxItem(event: $0, endpoints: ["a"]) }, now: now)
        #expect(result == EnqueueResult(queued: 3))

        let first = try #require(try claim(store))
        let second = try #require(try claim(store))
        #expect(first.event.id == events[0].id)
        #expect(second.event.id == events[2].id, "session y is not blocked by session x")
        #expect(try claim(store) == nil, "event 2 waits until event 1 is done")

        try store.markDelivered(id: first.id)
        let third = try #require(try claim(store))
        #expect(third.event == events[1])
        #expect(store.pendingEstimate == 2)
    }

    @Test func theConversationTopicIsKeptAndAnOlderOutboxIsMigrated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // An outbox written by a Karir that knew only the first schema, with one event pending.
        let path = (directory.path as NSString).appendingPathComponent(SQLiteOutboxStore.fileName)
        do {
            let old = try DatabaseQueue(path: path)
            var migrator = DatabaseMigrator()
            migrator.registerMigration("v1", migrate: SQLiteOutboxSchema.v1)
            try migrator.migrate(old)
            try old.write { db in
                try db.execute(sql: """
                    INSERT INTO event (id, type, timestamp, session, question, answer, topic, intent, confidence, lang)
                    VALUES ('old', 'unanswered', 1767225600, 's', 'q', 'a', 'fallback', NULL, 0.1, 'id');
                    INSERT INTO delivery (event_id, endpoint, session, state, next_attempt_at, created_at)
                    VALUES ('old', 'a', 's', 'ready', 0, 0);
                    """)
            }
        }
        let store = try SQLiteOutboxStore(directory: directory.path)
        let old = try #require(try claim(store))
        #expect(old.event.id == "old")
        #expect(old.event.conversationTopic == nil)
        try store.markDelivered(id: old.id)
        // A new event keeps its conversation topic through the outbox.
        var gap = Fixtures.event(1, type: .unanswered)
        gap.conversationTopic = "working_hours"
        _ = try store.enqueue([OutboxItem(event: gap, endpoints: ["a"])], now: now)
        let claimed = try #require(try claim(store))
        #expect(claimed.event == gap)
        #expect(claimed.event.conversationTopic == "working_hours")
    }

    @Test func retriedHeadBlocksItsChainUntilDue() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteOutboxStore(directory: directory.path)
        _ = try store.enqueue([Fixtures.event(1), Fixtures.event(2)].map { OutboxItem(event: $0, endpoints: ["a"]) }, now: now)
        let head = try #require(try claim(store))
        try store.scheduleRetry(id: head.id, attempts: 1, at: now.addingTimeInterval(30), error: "HTTP 500")
        #expect(try claim(store) == nil)
        #expect(try store.nextDueDate(endpoint: "a") == now.addingTimeInterval(30))
        let again = try #require(try claim(store, at: now.addingTimeInterval(31)))
        #expect(again.id == head.id)
        #expect(again.attempts == 1)
    }

    @Test func deadHeadReleasesItsChainAndEndpointsAreIndependent() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteOutboxStore(directory: directory.path)
        _ = try store.enqueue([Fixtures.event(1), Fixtures.event(2)].map { OutboxItem(event: $0, endpoints: ["a", "b"]) },
                              now: now)
        let headA = try #require(try claim(store, "a"))
        let headB = try #require(try claim(store, "b"))
        try store.markDead(id: headA.id, attempts: 3, error: "gave up", at: now)
        #expect(try claim(store, "a")?.event.id == Fixtures.event(2).id, "the next event of the chain goes")
        #expect(try store.counts() == OutboxCounts(pendingByEndpoint: ["a": 1, "b": 2], deadByEndpoint: ["a": 1]))
        #expect(try store.list(.dead, endpoint: nil, limit: 10).map(\.id) == [headA.id])
        _ = headB
    }

    @Test func duplicateEventIDsAreQueuedOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteOutboxStore(directory: directory.path)
        let event = Fixtures.event(1)
        _ = try store.enqueue([OutboxItem(event: event, endpoints: ["a"])], now: now)
        let again = try store.enqueue([OutboxItem(event: event, endpoints: ["a"])], now: now)
        #expect(again.queued == 0)
        #expect(try store.counts().pending == 1)
    }

    @Test func overflowBeyondTheCapIsStoredDead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteOutboxStore(directory: directory.path, maxPending: 3)
        let result = try store.enqueue((1...5).map { OutboxItem(event: Fixtures.event($0), endpoints: ["a"]) }, now: now)
        #expect(result.queued == 3)
        #expect(result.overflow.map(\.event.id) == [Fixtures.event(4).id, Fixtures.event(5).id])
        let dead = try store.list(.dead, endpoint: nil, limit: 10)
        #expect(dead.count == 2)
        #expect(dead.allSatisfy { $0.lastError?.contains("outbox full") == true })
    }

    @Test func replayPutsDeadDeliveriesBackAtTheEndOfTheirChain() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteOutboxStore(directory: directory.path)
        _ = try store.enqueue([Fixtures.event(1), Fixtures.event(2)].map { OutboxItem(event: $0, endpoints: ["a"]) }, now: now)
        let head = try #require(try claim(store))
        try store.markDead(id: head.id, attempts: 16, error: "gave up", at: now)
        #expect(try store.replay(.dead, endpoint: nil, now: now) == 1)
        #expect(try store.counts() == OutboxCounts(pendingByEndpoint: ["a": 2], deadByEndpoint: [:]))
        let next = try #require(try claim(store))
        #expect(next.event.id == Fixtures.event(2).id, "the replayed event goes after the one still queued")
        try store.markDelivered(id: next.id)
        let replayed = try #require(try claim(store))
        #expect(replayed.event == Fixtures.event(1))
        #expect(replayed.attempts == 0)
    }

    @Test func replayPendingMakesBackedOffDeliveriesDueNow() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteOutboxStore(directory: directory.path)
        _ = try store.enqueue([OutboxItem(event: Fixtures.event(1), endpoints: ["a"])], now: now)
        let head = try #require(try claim(store))
        try store.scheduleRetry(id: head.id, attempts: 5, at: now.addingTimeInterval(3600), error: "HTTP 503")
        #expect(try store.replay(.pending, endpoint: "a", now: now) == 1)
        #expect(try claim(store)?.id == head.id)
    }

    @Test func pruneKeepsTheNewestDeadRows() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteOutboxStore(directory: directory.path, maxPending: 1)
        _ = try store.enqueue((1...6).map { OutboxItem(event: Fixtures.event($0), endpoints: ["a"]) }, now: now)
        #expect(try store.pruneDead(keep: 2) == 3)
        #expect(try store.list(.dead, endpoint: nil, limit: 10).map(\.eventID) == [Fixtures.event(5).id, Fixtures.event(6).id])
    }

    @Test func pendingRowsAndLeasesSurviveReopening() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        do {
            let store = try SQLiteOutboxStore(directory: directory.path)
            _ = try store.enqueue([OutboxItem(event: Fixtures.event(1), endpoints: ["a"])], now: now)
            _ = try #require(try claim(store))
            try store.close()
        }
        let reopened = try SQLiteOutboxStore(directory: directory.path)
        #expect(reopened.pendingEstimate == 1)
        #expect(try claim(reopened) == nil, "still leased by the previous process")
        try reopened.releaseAllLeases(now: now)
        #expect(try claim(reopened)?.event == Fixtures.event(1))
    }

    @Test func fileInsteadOfDirectoryIsAClearError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("not-a-dir")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let error = #expect(throws: OutboxError.self) { try SQLiteOutboxStore(directory: path) }
        #expect(error?.description.contains("--data-dir") == true)
    }
}
