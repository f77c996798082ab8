import ArgumentParser
import Foundation
import KarirWebhook

/// `--data-dir`, shared by the `karir outbox` subcommands.
struct OutboxOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"),
            help: "Folder with the outbox and other state (default: ./\(DataDirectory.defaultPath)).")
    var dataDirectory: String = DataDirectory.defaultPath

    /// Opens the existing outbox, or nil (with a note on standard error) when there is none.
    func openExisting() throws -> SQLiteOutboxStore? {
        let file = (dataDirectory as NSString).appendingPathComponent(SQLiteOutboxStore.fileName)
        guard FileManager.default.fileExists(atPath: file) else {
            printError("no outbox in \(dataDirectory) (nothing was ever queued there); pass --data-dir to look elsewhere")
            return nil
        }
        do {
            return try SQLiteOutboxStore(directory: dataDirectory)
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }
}
