import ArgumentParser
import Foundation
import KarirWebhook

/// `karir outbox replay`: send waiting deliveries now, or bring dead ones back.
struct OutboxReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Retry pending deliveries now, or requeue dead ones with --dead.",
        discussion: """
        Without --dead, every pending delivery that is waiting for its backoff becomes due at once. \
        With --dead, dead deliveries go back to the end of their session's queue with their attempt \
        count reset (ignoring the outbox size cap). A running `karir serve` picks them up within a second.
        """)

    @OptionGroup var options: OutboxOptions

    @Flag(help: "Requeue dead deliveries instead of hurrying pending ones.")
    var dead = false

    @Option(help: "Only this endpoint (its configured name, or its URL when it has none).")
    var endpoint: String?

    func run() throws {
        guard let store = try options.openExisting() else { return }
        do {
            let count = try store.replay(dead ? .dead : .pending, endpoint: endpoint, now: Date())
            print(dead ? "requeued \(count) dead deliveries" : "made \(count) pending deliveries due now")
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }
}
