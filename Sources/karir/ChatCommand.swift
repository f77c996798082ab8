import ArgumentParser
import Foundation
import KarirCore

/// `karir chat`: the terminal chat client, in-process or against `karir serve`, with a kiosk mode.
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Chat with Karir in the terminal.",
        discussion: """
        Without --connect the engine runs in this process on --knowledge and --prompts. With \
        --connect HOST:PORT it talks to a running `karir serve`. Input from a pipe is read line by \
        line and answered in plain text, for scripts.

        In the chat: type a question, or the number of an offered choice. Commands: /help, \
        /lang id|en, /reset, /quit.

        Kiosk mode (--kiosk) shows a welcome banner, resets the session and clears the screen \
        after --idle-minutes without activity, and ignores Ctrl-C and Ctrl-D. Staff leave it by \
        typing the passphrase (--kiosk-passphrase or KARIR_KIOSK_PASSPHRASE) or with a signal \
        (kill -TERM). See docs/chat.md.
        """
    )

    @OptionGroup var options: KnowledgeOptions

    @Option(name: .long, help: ArgumentHelp("Talk to a running `karir serve` instead of loading the knowledge here.",
                                            valueName: "host:port"))
    var connect: String?

    @Option(name: .long, help: "Language: id or en. Without it Karir starts in Bahasa Indonesia and answers in the language the person writes in.")
    var lang: String?

    @Flag(name: .long, help: "Kiosk mode: welcome banner, idle reset, Ctrl-C and Ctrl-D do not quit.")
    var kiosk = false

    @Option(name: .long, help: "Kiosk: minutes without activity before the session is reset and the screen cleared (fractions allowed).")
    var idleMinutes: Double = 3

    @Option(name: .long, help: "Kiosk: the line staff type to leave kiosk mode (default: $KARIR_KIOSK_PASSPHRASE; the variable keeps it out of `ps`).")
    var kioskPassphrase: String?

    @Option(name: .long, help: "Session name on the server (default: a random name for this client).")
    var session: String?

    @Flag(name: .long, help: "No colours (also off when NO_COLOR is set or output is not a terminal).")
    var noColor = false

    func validate() throws {
        if let connect {
            do {
                _ = try ServerAddress(parsing: connect)
            } catch {
                throw ValidationError(error.description)
            }
        }
        if let lang, Language(code: lang) == nil {
            throw ValidationError("--lang must be id or en, not '\(lang)'.")
        }
        guard idleMinutes.isFinite, idleMinutes > 0 else {
            throw ValidationError("--idle-minutes must be a positive number of minutes, such as 3 or 0.5.")
        }
        if kiosk, !(TerminalSize.isTerminal(0) && TerminalSize.isTerminal(1)) {
            throw ValidationError("--kiosk needs a terminal: run it on the kiosk's console, not with input or output redirected.")
        }
        if let session, session.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--session must not be empty.")
        }
    }

    func run() async throws {
        let configuration = makeConfiguration()
        let interactive = TerminalSize.isTerminal(0) && TerminalSize.isTerminal(1)
        let palette = Palette.detect(outputIsTerminal: TerminalSize.isTerminal(1), noColorFlag: configuration.noColor)
        if configuration.kiosk, configuration.passphrase == nil {
            printError("karir chat: no kiosk passphrase set (--kiosk-passphrase or KARIR_KIOSK_PASSPHRASE); stop the kiosk with kill -TERM \(ProcessInfo.processInfo.processIdentifier).")
        }
        let backend = try await makeBackend(configuration)
        let console: any ChatConsole
        if interactive {
            do {
                console = try LineEditor(palette: palette)
            } catch {
                printError("karir chat: \(error.description)")
                throw ExitCode(1)
            }
        } else {
            console = PlainConsole()
        }
        let controller = ChatController(backend: backend, console: console, configuration: configuration, palette: palette)
        let status = await controller.run()
        if status != 0 { throw ExitCode(status) }
    }

    private func makeConfiguration() -> ChatConfiguration {
        let environment = ProcessInfo.processInfo.environment
        let passphrase = kioskPassphrase ?? environment["KARIR_KIOSK_PASSPHRASE"]
        let sessionName = session ?? "chat-" + UUID().uuidString.prefix(8).lowercased()
        return ChatConfiguration(
            server: connect.flatMap { try? ServerAddress(parsing: $0) },
            language: lang.flatMap { Language(code: $0) },
            kiosk: kiosk,
            idleSeconds: idleMinutes * 60,
            passphrase: passphrase.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 },
            sessionName: sessionName,
            noColor: noColor)
    }

    /// The in-process engine, or a connection to the server. A kiosk starts even when the server
    /// is down (it shows "reconnecting…"); otherwise an unreachable server is an error.
    private func makeBackend(_ configuration: ChatConfiguration) async throws -> any ChatBackend {
        guard let address = configuration.server else {
            return LocalBackend(engine: try options.loadEngine(), language: configuration.language)
        }
        let remote = RemoteBackend(address: address, session: configuration.sessionName)
        do {
            try await remote.connect()
        } catch {
            guard configuration.kiosk else {
                printError("karir chat: \(error.description)")
                throw ExitCode(1)
            }
            await remote.startReconnecting()
        }
        return remote
    }
}
