import ArgumentParser
import Dispatch
import Foundation
import KarirWebhook
import Logging

/// `karir outbox deliver`: run the delivery workers without the chat server, e.g. to drain the
/// outbox of a retired server.
struct OutboxDeliverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Deliver the outbox without serving chats (until interrupted, or --until-empty).")

    @OptionGroup var webhook: WebhookOptions

    @Option(help: "YAML configuration file with a `webhooks:` section.")
    var config: String?

    @Flag(help: "Exit once nothing is pending (delivered or dead).")
    var untilEmpty = false

    func validate() throws {
        if config == nil, webhook.urls.isEmpty { throw ValidationError("give --config FILE or at least one --webhook URL") }
    }

    func run() throws {
        let logger = Logger(label: "karir.webhook") { StreamLogHandler.standardError(label: $0) }
        guard let forwarder = try webhook.startForwarder(configFile: config, logger: logger) else {
            printError("\(config ?? "the configuration") has no `webhooks:` section and no --webhook was given")
            throw ExitCode(1)
        }
        let stop = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        while stop.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
            if untilEmpty, forwarder.stats.queueDepth == 0 { break }
        }
        forwarder.shutdown()
        let stats = forwarder.stats
        print("delivered \(stats.delivered), retried \(stats.retried), dead \(stats.dead), pending \(stats.queueDepth)")
    }
}
