import ArgumentParser

@main
struct Karir: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "karir",
        abstract: "Karir: career information and counselling chatbot (Bahasa Indonesia / English).",
        subcommands: [AskCommand.self, CheckCommand.self, TestCommand.self, EvalCommand.self, BenchEngineCommand.self,
                      ServeCommand.self, BenchCommand.self, ReportCommand.self, OutboxCommand.self, ChatCommand.self]
    )
}
