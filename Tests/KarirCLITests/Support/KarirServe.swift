import Foundation

/// A real `karir serve` on the project's knowledge, for end-to-end tests: started on a free port
/// the first time and on the same port after ``stop()``, like a restart.
final class KarirServe {
    /// `karir serve` did not say it was listening in time.
    struct NotListening: Error, CustomStringConvertible {
        var output: String
        var description: String { "karir serve did not start listening; it wrote:\n\(output)" }
    }

    private var process: ChildProcess?
    private(set) var port = 0

    var address: String { "127.0.0.1:\(port)" }

    /// True when the built `karir` has the `serve` command (it comes from another branch).
    static var isAvailable: Bool {
        guard let binary = try? KarirBinary.url(), let output = try? ProcessRunner.run(binary, ["serve", "--help"]) else { return false }
        // Without the command, ArgumentParser prints the root help (also with status 0).
        return output.status == 0 && output.stdout.contains("karir serve")
    }

    /// Starts the server and waits (bounded) for its "listening on HOST:PORT" line.
    func start() async throws {
        let root = KarirBinary.packageRoot
        let child = try ChildProcess(try KarirBinary.url(), [
            "serve", "--port", "\(port)",
            "--knowledge", root.appendingPathComponent("knowledge").path,
            "--prompts", root.appendingPathComponent("prompts").path,
        ])
        process = child
        // A debug build loads the full knowledge base in about 10 s alone, several times that
        // while the other test suites run.
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline {
            if let line = child.stdout.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }),
               let portText = line.split(separator: ":").last, let listening = Int(portText) {
                port = listening
                return
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw NotListening(output: child.stdout + child.stderr)
    }

    /// Stops the server gracefully (SIGTERM), as an operator would.
    func stop() throws {
        try process?.stop()
        process = nil
    }
}
