import ArgumentParser

/// `karir report`: summaries of what the server recorded.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Summaries of a server transcript.",
        subcommands: [ReportUnansweredCommand.self]
    )
}
