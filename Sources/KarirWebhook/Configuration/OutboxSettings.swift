/// Limits and durability of the on-disk outbox.
public struct OutboxSettings: Sendable, Equatable {
    /// Pending deliveries the outbox holds at most. When full, new deliveries go straight to
    /// the dead letters (row and `dead-letter.jsonl`) with reason `outbox full`; see docs/webhooks.md.
    public var maxPending: Int
    /// Dead rows kept in the database for `karir outbox replay --dead`; older ones are pruned
    /// from the database (they stay in `dead-letter.jsonl`).
    public var maxDead: Int
    /// SQLite `synchronous` level.
    public var durability: Durability
    /// When true, `publish` commits its events itself and returns after the commit (no loss
    /// window on a crash, at the cost of one SQLite commit per answer); when false (default) it
    /// hands them to the writer thread, which commits within about a millisecond.
    public var waitForCommit: Bool

    /// Defaults: 100 000 pending, 10 000 dead, `normal` durability, no waiting for the commit.
    public init(maxPending: Int = 100_000, maxDead: Int = 10_000, durability: Durability = .normal,
                waitForCommit: Bool = false) {
        self.maxPending = maxPending
        self.maxDead = maxDead
        self.durability = durability
        self.waitForCommit = waitForCommit
    }
}

/// How hard the outbox pushes each write to disk (SQLite `PRAGMA synchronous` in WAL mode).
public enum Durability: String, Sendable, Equatable, CaseIterable {
    /// `synchronous=NORMAL`: a committed event survives a crash or `kill -9` of Karir; the last
    /// few commits may be lost if the whole machine loses power. No fsync on the answer path.
    case normal
    /// `synchronous=FULL`: every commit is fsynced; survives power loss, but each answer waits
    /// for the disk (milliseconds on most disks).
    case full
}
