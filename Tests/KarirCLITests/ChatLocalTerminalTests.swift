import Foundation
import Testing

/// `karir chat` without --connect: the engine in-process on the project's knowledge base, in a terminal.
@Suite("chat in-process")
struct ChatLocalTerminalTests {
    @Test("the project's knowledge answers in a terminal, with history")
    func localChat() async throws {
        let root = KarirBinary.packageRoot
        let terminal = try TmuxTerminal(
            columns: 120, rows: 30,
            arguments: [try KarirBinary.url().path, "chat",
                        "--knowledge", root.appendingPathComponent("knowledge").path,
                        "--prompts", root.appendingPathComponent("prompts").path])
        defer { terminal.close() }
        // A debug build loads the full knowledge (about 9,000 examples) in a few seconds; on a
        // busy two-core machine running other suites it can take several times that.
        try await terminal.waitFor("Kamu:", timeout: 60)
        try terminal.enter("syarat kartu kuning")
        try await terminal.waitFor("AK/1")
        try await terminal.wait(for: "the prompt after the answer") { _ in (try? terminal.lines().last) == "Kamu:" }
        try terminal.press("Up")
        try await terminal.wait(for: "history") { _ in (try? terminal.lines().last) == "Kamu: syarat kartu kuning" }
        try terminal.press("C-u")
        try terminal.enter("/quit")
        try await terminal.waitFor("EXITED rc=0")
    }
}
