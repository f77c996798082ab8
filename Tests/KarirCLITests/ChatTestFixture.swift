import Foundation

/// One client in a terminal talking to a fresh fake server; closed by the test when done.
struct ChatTestFixture {
    let server: FakeKarirServer
    let terminal: TmuxTerminal

    /// Starts a fake server and `karir chat --connect` to it in a `columns`×`rows` terminal.
    static func start(columns: Int = 40, rows: Int = 20, extraArguments: [String] = [],
                      environment: [String: String] = [:]) async throws -> ChatTestFixture {
        let server = FakeKarirServer()
        try await server.start()
        do {
            let terminal = try TmuxTerminal(
                columns: columns, rows: rows,
                arguments: [try KarirBinary.url().path, "chat", "--connect", server.address] + extraArguments,
                environment: environment)
            return ChatTestFixture(server: server, terminal: terminal)
        } catch {
            await server.shutdown()
            throw error
        }
    }

    /// Runs `body` with a started fixture and closes it afterwards, also when `body` throws.
    static func with(columns: Int = 40, rows: Int = 20, extraArguments: [String] = [],
                     environment: [String: String] = [:],
                     _ body: (ChatTestFixture) async throws -> Void) async throws {
        let chat = try await start(columns: columns, rows: rows, extraArguments: extraArguments, environment: environment)
        do {
            try await body(chat)
        } catch {
            await chat.close()
            throw error
        }
        await chat.close()
    }

    /// Kills the terminal and the server.
    func close() async {
        terminal.close()
        await server.shutdown()
    }
}

/// Waits (bounded) until `condition` is true; for state outside the screen, like what the server received.
func eventually(_ what: String, timeout: Double = 10, _ condition: () -> Bool) async throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    throw TmuxTerminal.WaitFailed(what: what, screen: "")
}
