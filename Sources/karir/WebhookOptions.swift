import ArgumentParser
import Foundation
import KarirWebhook
import Logging

/// The quick webhook flags: `--webhook URL` (repeatable), `--webhook-secret S`, `--data-dir DIR`.
/// Shared by `karir outbox deliver`; `karir serve` can take them with `@OptionGroup`.
struct WebhookOptions: ParsableArguments {
    @Option(name: .customLong("webhook"),
            help: "Endpoint URL receiving every event as a signed JSON POST (repeatable).")
    var urls: [String] = []

    @Option(name: .customLong("webhook-secret"), help: "Secret signing the --webhook requests (Karir-Signature header).")
    var secret: String?

    @Option(name: .customLong("data-dir"),
            help: "Folder with the webhook outbox and other state (default: ./\(DataDirectory.defaultPath)).")
    var dataDirectory: String = DataDirectory.defaultPath

    /// The endpoints of `configFile`'s `webhooks:` section followed by the `--webhook` ones, or
    /// nil when neither names any.
    /// - Throws: `WebhookConfigurationError` naming the key or flag at fault.
    func configuration(configFile: String?) throws -> WebhookConfiguration? {
        var configuration: WebhookConfiguration?
        if let configFile {
            switch Result(catching: { () throws(WebhookConfigurationError) in try WebhookConfiguration.load(yamlFile: configFile) }) {
            case let .success(loaded): configuration = loaded
            // The file configures other parts of Karir only.
            case .failure(.missingKey(key: "webhooks", location: _)): configuration = nil
            case let .failure(error): throw error
            }
        }
        guard !urls.isEmpty else { return configuration }
        let fromFlags = try WebhookConfiguration.fromFlags(urls: urls, secret: secret)
        guard var combined = configuration else { return fromFlags }
        combined.endpoints += fromFlags.endpoints
        try combined.validate()
        return combined
    }

    /// Starts forwarding, or returns nil when no endpoint is configured. Prints the error and
    /// exits with status 1 on a bad configuration or an unusable data directory.
    func startForwarder(configFile: String?, logger: Logger) throws -> WebhookForwarder? {
        do {
            guard let configuration = try configuration(configFile: configFile) else { return nil }
            return try WebhookForwarder.start(configuration: configuration, dataDirectory: dataDirectory, logger: logger)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
