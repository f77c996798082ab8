import ArgumentParser
import Foundation
import KarirWebhook

/// `karir outbox list`: pending (or dead) deliveries, oldest first.
struct OutboxListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show pending webhook deliveries (or dead ones with --dead).")

    @OptionGroup var options: OutboxOptions

    @Flag(help: "Show dead deliveries (those that exhausted their attempts or were refused).")
    var dead = false

    @Option(help: "Only this endpoint (its configured name, or its URL when it has none).")
    var endpoint: String?

    @Option(help: "Show at most this many rows.")
    var limit = 50

    @Flag(help: "Print one JSON object per delivery instead of a table.")
    var json = false

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        guard let store = try options.openExisting() else { return }
        do {
            let counts = try store.counts()
            let rows = try store.list(dead ? .dead : .pending, endpoint: endpoint, limit: limit)
            if json {
                for row in rows { print(OutboxListFormat.json(row)) }
                return
            }
            print("outbox \(options.dataDirectory): \(counts.pending) pending, \(counts.dead) dead")
            for (name, count) in counts.pendingByEndpoint.sorted(by: { $0.key < $1.key }) {
                print("  \(name): \(count) pending, \(counts.deadByEndpoint[name] ?? 0) dead")
            }
            for (name, count) in counts.deadByEndpoint.sorted(by: { $0.key < $1.key }) where counts.pendingByEndpoint[name] == nil {
                print("  \(name): 0 pending, \(count) dead")
            }
            guard !rows.isEmpty else { return }
            print("")
            print(OutboxListFormat.table(rows, now: Date()))
            let total = dead ? counts.dead : counts.pending
            if rows.count < total, endpoint == nil { print("… \(total - rows.count) more (use --limit)") }
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }
}
