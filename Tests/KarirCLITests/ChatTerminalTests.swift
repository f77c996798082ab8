import Foundation
import Testing

/// `karir chat --connect` in a real terminal (tmux) against a fake `karir serve`.
@Suite("chat in a terminal", .serialized)
struct ChatTerminalTests {
    @Test("a question typed at the prompt is answered under it, with texts from the server's prompts")
    func typingAndAnswer() async throws {
        try await ChatTestFixture.with { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Halo dari server uji.")
            try await terminal.waitFor("Kamu:")
            try terminal.enter("halo")
            try await terminal.waitFor("server uji.\n\nKamu:")
            let lines = try terminal.lines()
            let asked = try #require(lines.firstIndex(of: "Kamu: halo"))
            #expect(lines[asked + 1].hasPrefix("Karir: Halo juga!"))
            #expect(lines.last == "Kamu:")
            #expect(chat.server.asks == ["halo"])
        }
    }

    @Test("answers are word-wrapped to the terminal width", arguments: [(40, 20), (120, 30)])
    func wrapping(size: (columns: Int, rows: Int)) async throws {
        try await ChatTestFixture.with(columns: size.columns, rows: size.rows) { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            try terminal.enter("panjang")
            try await terminal.waitFor("AKHIR-JAWABAN")
            let lines = try terminal.lines()
            for line in lines {
                #expect(line.count < size.columns, "line wider than the terminal: \(line)")
            }
            // The reply, without label and indent, gives back every word in order: no word was cut.
            let start = try #require(lines.firstIndex(where: { $0.hasPrefix("Karir: Upah minimum") }))
            let end = try #require(lines.firstIndex(where: { $0.contains("AKHIR-JAWABAN") }))
            let replyLines = lines[start...end].map { $0.replacingOccurrences(of: "Karir: ", with: "") }
            for continuation in replyLines.dropFirst() {
                #expect(continuation.hasPrefix("       "), "continuation not under the text: \(continuation)")
            }
            let words = replyLines.joined(separator: " ").split(separator: " ").map(String.init)
            #expect(words == CannedReplies.longText.split(separator: " ").map(String.init))
            // Lines are filled: a wrapped line could not have taken the next word.
            for index in replyLines.indices.dropLast() {
                let next = replyLines[index + 1].trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
                let used = (index == replyLines.startIndex ? "Karir: " : "") + replyLines[index]
                #expect(used.count + 1 + next.count > size.columns - 1, "line could have held '\(next)': \(used)")
            }
            let expectedLines = size.columns == 40 ? 12...16 : 3...5
            #expect(expectedLines.contains(replyLines.count), "\(replyLines.count) lines at \(size.columns) columns")
        }
    }

    @Test("clarify choices are numbered and picked by typing the number")
    func numberedChoices() async throws {
        try await ChatTestFixture.with { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            try terminal.enter("pilih")
            try await terminal.waitFor("Ketik nomornya.")
            let lines = try terminal.lines()
            for (index, title) in CannedReplies.clarifyTitles.enumerated() {
                #expect(lines.contains("       \(index + 1). \(title)"))
            }
            // A number that was not offered is not sent; the person is asked to pick one.
            try terminal.enter("7")
            try await terminal.waitFor("Ketik nomor pilihan")
            try terminal.enter("2")
            try await terminal.waitFor("Jawaban pilihan 2: Upah minimum")
            #expect(chat.server.asks == ["pilih", "2"])
        }
    }

    @Test("suggestions are listed as numbered options with a hint, and a number picks one")
    func numberedSuggestions() async throws {
        try await ChatTestFixture.with(columns: 120, rows: 30) { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            try terminal.enter("saran")
            try await terminal.waitFor("Ketik nomor pilihan Anda")
            let lines = try terminal.lines()
            #expect(lines.contains("       1. Syarat kartu kuning"))
            #expect(lines.contains("       2. Lowongan kerja terdekat"))
            try terminal.enter("1")
            try await terminal.waitFor("Jawaban pilihan 1: Syarat kartu kuning")
        }
    }

    @Test("line editing: multi-byte backspace, left/right, Ctrl-U, up/down history")
    func editingAndHistory() async throws {
        try await ChatTestFixture.with { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            try terminal.type("kafé")
            try terminal.press("BSpace")
            try terminal.type("e")
            try terminal.press("Enter")
            try await terminal.waitFor("Jawaban untuk: kafe")
            try terminal.type("ac")
            try terminal.press("Left")
            try terminal.type("b")
            try terminal.press("Right")
            try terminal.type("d")
            try terminal.press("Enter")
            try await terminal.waitFor("Jawaban untuk: abcd")
            try terminal.type("salah ketik")
            try terminal.press("C-u")
            try terminal.type("benar")
            try terminal.press("Enter")
            try await terminal.waitFor("Jawaban untuk: benar")
            // Up twice goes back two entries; Enter sends it again (the person chose to).
            try terminal.press("Up", "Up")
            try await terminal.wait(for: "history entry on the line") { $0.hasSuffix("Kamu: abcd\n") || (try? terminal.lines().last) == "Kamu: abcd" }
            try terminal.press("Enter")
            try await eventually("the repeated question") { chat.server.asks.count == 4 }
            #expect(chat.server.asks == ["kafe", "abcd", "benar", "abcd"])
            // What was being typed comes back after browsing the history.
            try terminal.type("draf")
            try terminal.press("Up", "Down")
            try await terminal.wait(for: "the draft") { _ in (try? terminal.lines().last) == "Kamu: draf" }
        }
    }

    @Test("an answer arriving while the person types is printed above the line being typed")
    func answerWhileTyping() async throws {
        try await ChatTestFixture.with { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            try terminal.enter("lambat")
            try await terminal.waitFor("Server uji sedang mengetik…")
            try terminal.type("sedang diketik")
            try await terminal.waitFor("Jawaban lambat selesai.")
            let lines = try terminal.lines()
            #expect(lines.last == "Kamu: sedang diketik")
            #expect(!lines.contains(where: { $0.contains("mengetik…") }), "typing indicator left behind")
            let answer = try #require(lines.firstIndex(of: "Karir: Jawaban lambat selesai."))
            #expect(lines[answer - 1] == "Kamu: lambat")
            try terminal.press("Enter")
            try await eventually("the second question") { chat.server.asks == ["lambat", "sedang diketik"] }
        }
    }

    @Test("colours on a terminal, none with NO_COLOR or --no-color")
    func colours() async throws {
        for (environment, arguments, coloured) in [([String: String](), [String](), true),
                                                   (["NO_COLOR": "1"], [], false),
                                                   ([:], ["--no-color"], false)] {
            try await ChatTestFixture.with(extraArguments: arguments, environment: environment) { chat in
                try await chat.terminal.waitFor("Kamu:")
                try chat.terminal.enter("halo")
                try await chat.terminal.waitFor("Halo juga!")
                let screen = try chat.terminal.screen(escapes: true)
                #expect(screen.contains("\u{1B}[") == coloured, "environment \(environment), arguments \(arguments):\n\(screen)")
            }
        }
    }

    @Test("commands: /lang switches the interface language, /reset resets, unknown commands are explained")
    func commands() async throws {
        try await ChatTestFixture.with(columns: 120, rows: 30) { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            try terminal.enter("/lang en")
            try await terminal.waitFor("Language switched to English.")
            try await terminal.wait(for: "English prompt") { _ in (try? terminal.lines().last) == "You:" }
            try terminal.enter("/reset")
            try await terminal.waitFor("The conversation starts over.")
            try await eventually("reset on the server") { chat.server.resets == 1 }
            try terminal.enter("/nggak-ada")
            try await terminal.waitFor("Unknown command.")
            try terminal.enter("/help")
            try await terminal.waitFor("/reset - start again")
            #expect(chat.server.asks.isEmpty)
            try terminal.enter("/quit")
            try await terminal.waitFor("EXITED rc=0")
            #expect(try terminal.screen().contains("Thank you, goodbye."))
        }
    }

    @Test("after the terminal is resized, answers wrap to the new width")
    func resize() async throws {
        try await ChatTestFixture.with(columns: 120, rows: 30) { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            try terminal.resize(columns: 50, rows: 30)
            try await Task.sleep(for: .milliseconds(300))
            try terminal.enter("panjang")
            try await terminal.waitFor("AKHIR-JAWABAN")
            let lines = try terminal.lines()
            #expect(lines.allSatisfy { $0.count < 50 }, "\(lines)")
            #expect(lines.contains { $0.count > 40 }, "lines should use the new width")
        }
    }

    @Test("--session names the conversation on the server")
    func sessionName() async throws {
        try await ChatTestFixture.with(extraArguments: ["--session", "loket-3"]) { chat in
            try await chat.terminal.waitFor("Kamu:")
            try chat.terminal.enter("halo")
            try await chat.terminal.waitFor("Halo juga!")
            #expect(chat.server.sessions == ["loket-3"])
        }
    }
}
