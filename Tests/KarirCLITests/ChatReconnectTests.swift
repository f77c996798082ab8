import Foundation
import Testing

/// `karir chat --connect` when the server goes away and comes back.
@Suite("server connection", .serialized)
struct ChatReconnectTests {
    @Test("a server restart during a conversation: reconnecting… shows, then the chat carries on")
    func serverRestart() async throws {
        try await ChatTestFixture.with { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            try terminal.enter("halo")
            try await terminal.waitFor("Halo juga!")
            #expect(chat.server.connectionCount == 1)
            try await chat.server.stop()
            #expect(chat.server.connectionCount == 0)
            try await terminal.waitFor("Menyambung lagi ke server uji…")
            // A question typed while the server is down waits; it is sent once, when it is back.
            try terminal.enter("tertunda")
            try await Task.sleep(for: .milliseconds(500))
            #expect(chat.server.asks == ["halo"])
            try await chat.server.start()
            try await terminal.waitFor("Jawaban untuk: tertunda")
            try await terminal.wait(for: "the indicator to go") { !$0.contains("Menyambung") }
            try terminal.enter("sesudah")
            try await terminal.waitFor("Jawaban untuk: sesudah")
            #expect(chat.server.asks == ["halo", "tertunda", "sesudah"])
        }
    }

    @Test("a choice offered before a server restart is sent by its title, which the restarted server can still match")
    func choiceAfterRestart() async throws {
        try await ChatTestFixture.with { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            try terminal.enter("pilih")
            try await terminal.waitFor("Ketik nomornya.")
            try await chat.server.stop()
            try await terminal.waitFor("Menyambung lagi ke server uji…")
            try await chat.server.start()
            try await terminal.wait(for: "the reconnection") { !$0.contains("Menyambung") }
            try terminal.enter("2")
            try await terminal.waitFor("Jawaban untuk: Upah minimum")
            #expect(chat.server.asks == ["pilih", "Upah minimum provinsi"])
        }
    }

    @Test("if the connection drops after a question was sent, the person is asked to retype it; it is never resent")
    func dropAfterSending() async throws {
        try await ChatTestFixture.with(columns: 120, rows: 30) { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            try terminal.enter("putus")
            try await terminal.waitFor("Sambungan terputus sebelum jawaban diterima.")
            try await terminal.wait(for: "the reconnection") { !$0.contains("Menyambung") }
            try terminal.enter("halo")
            try await terminal.waitFor("Halo juga!")
            try await Task.sleep(for: .milliseconds(300))
            #expect(chat.server.asks == ["putus", "halo"])
        }
    }

    @Test("a full server (one -32005 line, then hang up) is retried with backoff, not in a tight loop")
    func refusingServerIsRetriedWithBackoff() async throws {
        try await ChatTestFixture.with { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            chat.server.refusing = true
            try await chat.server.stop()
            try await chat.server.start()
            try await terminal.waitFor("Menyambung lagi ke server uji…")
            let before = chat.server.acceptedCount
            try await Task.sleep(for: .seconds(2))
            let attempts = chat.server.acceptedCount - before
            // Backoff from 0.2 s doubling: at most a handful of tries in two seconds.
            #expect(attempts <= 6, "\(attempts) connection attempts in 2 s")
            chat.server.refusing = false
            try terminal.enter("halo")
            try await terminal.waitFor("Halo juga!", timeout: 15)
        }
    }

    @Test("a server error is a friendly message (staff also see the code)")
    func serverError() async throws {
        try await ChatTestFixture.with(columns: 120, rows: 30) { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            try terminal.enter("sibuk")
            try await terminal.waitFor("Maaf, server sedang sibuk.")
            try await terminal.waitFor("-32005")
            try terminal.enter("halo")
            try await terminal.waitFor("Halo juga!")
        }
    }

    @Test("a kiosk starts while its server is down and carries on when it comes up")
    func kioskStartsWithoutServer() async throws {
        let server = FakeKarirServer()
        try await server.start()
        try await server.stop()
        let terminal = try TmuxTerminal(columns: 40, rows: 20,
                                        arguments: [try KarirBinary.url().path, "chat", "--connect", server.address, "--kiosk"])
        do {
            try await terminal.waitFor("Menyambung ulang ke server…")
            try await server.start()
            try await terminal.wait(for: "the connection") { !$0.contains("Menyambung") }
            try terminal.enter("halo")
            try await terminal.waitFor("Halo juga!")
        } catch {
            terminal.close()
            await server.shutdown()
            throw error
        }
        terminal.close()
        await server.shutdown()
    }

    @Test("without --kiosk an unreachable server is an error that says what to check")
    func unreachableServer() async throws {
        let server = FakeKarirServer()
        try await server.start()
        try await server.stop()
        let output = try ProcessRunner.run(try KarirBinary.url(), ["chat", "--connect", server.address])
        await server.shutdown()
        #expect(output.status == 1)
        #expect(output.stderr.contains("cannot reach karir serve at \(server.address)"))
        #expect(output.stderr.contains("Is `karir serve` running"))
    }
}
