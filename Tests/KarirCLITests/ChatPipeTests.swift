import Foundation
import Testing

/// `karir chat` with standard input and output redirected, as scripts use it.
@Suite("chat from a pipe")
struct ChatPipeTests {
    /// Runs `karir chat` against the fake server with `input` piped in; returns its output and
    /// the questions the server was asked.
    func chatWithFakeServer(input: String) async throws -> (ProcessRunner.Output, [String]) {
        let server = FakeKarirServer()
        try await server.start()
        let output = try ProcessRunner.run(try KarirBinary.url(), ["chat", "--connect", server.address], input: input)
        await server.shutdown()
        return (output, server.asks)
    }

    @Test("piped questions are answered one after another in plain text")
    func pipedRemote() async throws {
        let (output, asks) = try await chatWithFakeServer(input: "halo\npilih\n2\n/lang en\nhello\n")
        #expect(output.status == 0)
        #expect(!output.stdout.contains("\u{1B}"), "no escape codes in plain output")
        for expected in ["Karir: Halo dari server uji.", "Kamu: halo", "Karir: Halo juga!", "Kamu: 2",
                         "Karir: Jawaban pilihan 2: Upah minimum provinsi", "Language switched to English.",
                         "You: hello", "Karir: Hello! This answer comes from the test server.", "Thank you, goodbye."] {
            #expect(output.stdout.contains(expected), "missing \(expected) in:\n\(output.stdout)")
        }
        #expect(asks == ["halo", "pilih", "2", "hello"])
    }

    @Test("a line that is only 'keluar' ends the chat; inside a question it is a word")
    func bareQuitWord() async throws {
        let (output, asks) = try await chatWithFakeServer(input: "keluar kerja dapat pesangon?\nKeluar\nhalo\n")
        #expect(output.status == 0)
        #expect(asks == ["keluar kerja dapat pesangon?"], "\(asks)")
    }

    @Test("in-process: the project's knowledge base answers")
    func pipedLocal() throws {
        let root = KarirBinary.packageRoot
        let output = try ProcessRunner.run(
            try KarirBinary.url(),
            ["chat", "--knowledge", root.appendingPathComponent("knowledge").path,
             "--prompts", root.appendingPathComponent("prompts").path],
            // A debug build loads the full knowledge base slowly, more so while other tests run.
            input: "syarat kartu kuning\n/quit\n", timeout: 90)
        #expect(output.status == 0, "stderr: \(output.stderr)")
        #expect(output.stdout.contains("AK/1"), "\(output.stdout)")
        #expect(!output.stdout.contains("\u{1B}"))
    }

    @Test("bad options are refused with a message saying what to do",
          arguments: [(["--connect", "localhost"], "HOST:PORT"),
                      (["--connect", "127.0.0.1:99999"], "HOST:PORT"),
                      (["--lang", "fr"], "--lang must be id or en"),
                      (["--idle-minutes", "0"], "--idle-minutes must be a positive number"),
                      (["--kiosk"], "--kiosk needs a terminal")])
    func badOptions(arguments: [String], message: String) throws {
        let output = try ProcessRunner.run(try KarirBinary.url(), ["chat"] + arguments)
        #expect(output.status != 0)
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }
}
