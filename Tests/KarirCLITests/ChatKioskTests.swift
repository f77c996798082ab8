import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `karir chat --kiosk` in a real terminal: idle reset, keys that must not quit, staff exits.
@Suite("kiosk mode", .serialized)
struct ChatKioskTests {
    static let passphrase = "staf-keluar-123"
    static let kioskArguments = ["--kiosk", "--idle-minutes", "0.05"]  // 3 seconds

    @Test("after the idle time the session is reset, screen, scrollback and history cleared, and the banner shown")
    func idleReset() async throws {
        try await ChatTestFixture.with(extraArguments: Self.kioskArguments,
                                       environment: ["KARIR_KIOSK_PASSPHRASE": Self.passphrase]) { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Selamat datang di kios uji Karir.")
            try terminal.enter("rahasia pribadi")
            try await terminal.waitFor("Jawaban untuk: rahasia")
            try await terminal.wait(for: "the idle reset", timeout: 10, history: true) { screen in
                !screen.contains("rahasia") && screen.contains("Selamat datang di kios uji Karir.")
                    && screen.contains("Sesi sebelumnya sudah ditutup.")
            }
            try await eventually("the session reset on the server") { chat.server.resets == 1 }
            // The history went too: Up brings back nothing.
            try terminal.press("Up")
            try await Task.sleep(for: .milliseconds(300))
            #expect(try terminal.lines().last == "Kamu:")
            // The next person chats as usual.
            try terminal.enter("halo")
            try await terminal.waitFor("Halo juga!")
        }
    }

    @Test("someone typing slowly is not reset")
    func typingKeepsSessionAlive() async throws {
        try await ChatTestFixture.with(extraArguments: Self.kioskArguments) { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            try terminal.enter("halo")
            try await terminal.waitFor("Halo juga!")
            // Five seconds of slow typing, longer than the 3-second idle limit.
            for letter in "pelan" {
                try await Task.sleep(for: .seconds(1))
                try terminal.type(String(letter))
            }
            try await terminal.wait(for: "the typed word") { _ in (try? terminal.lines().last) == "Kamu: pelan" }
            #expect(try terminal.screen().contains("Halo juga!"))
            #expect(chat.server.resets == 0)
        }
    }

    @Test("Ctrl-C, Ctrl-D, Ctrl-Z and Ctrl-\\ do not leave the kiosk; the passphrase does and restores the terminal")
    func keysDoNotQuit() async throws {
        try await ChatTestFixture.with(extraArguments: Self.kioskArguments + ["--kiosk-passphrase", Self.passphrase]) { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            try terminal.type("setengah")
            try terminal.press("C-c")
            try terminal.press("C-d")
            try terminal.press("C-z")
            try terminal.press("C-\\")
            try await Task.sleep(for: .milliseconds(500))
            #expect(!(try terminal.screen()).contains("EXITED"))
            #expect(try terminal.lines().last == "Kamu:", "Ctrl-C clears the line being typed")
            try terminal.enter("halo")
            try await terminal.waitFor("Halo juga!")
            try terminal.enter(Self.passphrase)
            try await terminal.waitFor("EXITED rc=0")
            let screen = try terminal.screen()
            #expect(!screen.contains("Halo juga!"), "the screen is cleared on leaving")
            #expect(chat.server.asks == ["halo"], "the passphrase is never sent")
            #expect(try String(contentsOf: terminal.sttyAfter, encoding: .utf8)
                    == String(contentsOf: terminal.sttyBefore, encoding: .utf8))
        }
    }

    @Test("SIGTERM ends the kiosk cleanly and restores the terminal")
    func signalEndsKiosk() async throws {
        try await ChatTestFixture.with(extraArguments: Self.kioskArguments) { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            let pid = try terminal.programPID()
            #expect(kill(pid, SIGTERM) == 0)
            try await terminal.waitFor("EXITED rc=0")
            #expect(try String(contentsOf: terminal.sttyAfter, encoding: .utf8)
                    == String(contentsOf: terminal.sttyBefore, encoding: .utf8))
        }
    }

    @Test("/quit in a kiosk says goodbye and clears the screen for the next person; the kiosk keeps running")
    func quitEndsVisit() async throws {
        try await ChatTestFixture.with(extraArguments: ["--kiosk"]) { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            try terminal.enter("rahasia")
            try await terminal.waitFor("Jawaban untuk: rahasia")
            try terminal.enter("/quit")
            try await terminal.waitFor("Terima kasih, sampai jumpa.")
            try await terminal.wait(for: "the cleared screen", history: true) { screen in
                !screen.contains("rahasia") && screen.contains("Selamat datang di kios uji Karir.")
            }
            #expect(!(try terminal.screen()).contains("EXITED"))
            try await eventually("the session reset") { chat.server.resets == 1 }
        }
    }

    @Test("a server error shows only the friendly message in a kiosk")
    func friendlyServerError() async throws {
        try await ChatTestFixture.with(extraArguments: Self.kioskArguments) { chat in
            let terminal = chat.terminal
            try await terminal.waitFor("Kamu:")
            try terminal.enter("sibuk")
            try await terminal.waitFor("Maaf, server sedang sibuk.")
            #expect(!(try terminal.screen()).contains("-32005"))
        }
    }
}
