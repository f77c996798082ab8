import Foundation
import Testing

/// `karir chat --connect` against the real `karir serve` on the project's knowledge.
@Suite("chat against karir serve", .enabled(if: KarirServe.isAvailable, "needs the `serve` command in the binary"))
struct ChatServeEndToEndTests {
    @Test("a conversation survives a server restart: reconnecting…, then answers again")
    func conversationAcrossRestart() async throws {
        let server = KarirServe()
        try await server.start()
        let terminal = try TmuxTerminal(columns: 120, rows: 30,
                                        arguments: [try KarirBinary.url().path, "chat", "--connect", server.address])
        defer {
            terminal.close()
            try? server.stop()
        }
        try await terminal.waitFor("Kamu:")
        try terminal.enter("syarat kartu kuning")
        try await terminal.waitFor("AK/1")
        try server.stop()
        // The reconnecting text comes from the server's own prompts, fetched while it was up.
        try await terminal.waitFor("Mencoba menyambung lagi")
        try await server.start()
        try await terminal.wait(for: "the reconnection", timeout: 15) { !$0.contains("menyambung lagi") }
        try terminal.enter("/reset")
        try await terminal.waitFor("Percakapan sudah dimulai ulang.")
        try terminal.enter("berapa ump jawa barat")
        try await terminal.waitFor("Jawa Barat")
    }
}
