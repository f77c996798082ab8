import ArgumentParser

/// `karir outbox`: inspect and replay the webhook outbox in the data directory.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: "List, replay or deliver webhook events waiting in the outbox.",
        discussion: """
        The outbox is <data-dir>/outbox.sqlite. `list` and `replay` may run while `karir serve` \
        delivers from the same data directory; `deliver` may not (it takes the same lock).
        """,
        subcommands: [OutboxListCommand.self, OutboxReplayCommand.self, OutboxDeliverCommand.self],
        defaultSubcommand: OutboxListCommand.self)
}
