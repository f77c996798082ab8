import Foundation
import KarirCore

/// Runs one chat: reads lines from a ``ChatConsole``, asks a ``ChatBackend``, shows the results
/// through a ``ChatPresenter``.
///
/// A single task handles one event at a time (lines and keys, answers, connection changes,
/// signals, kiosk ticks), so the state below needs no lock. Questions are answered strictly one
/// after another; lines typed while waiting are queued. Nothing is ever sent twice.
final class ChatController {
    private enum Event: Sendable {
        case input(ConsoleEvent)
        case answered(token: Int, Result<ReplyPayload, ChatError>)
        case showTyping(token: Int)
        case backend(BackendStatus)
        case signal(SignalWatcher.Signal)
        case kioskTick
        case endVisit
    }

    private let backend: any ChatBackend
    private let console: any ChatConsole
    private let configuration: ChatConfiguration
    private let texts: ChatTexts
    private let presenter: ChatPresenter
    private let kiosk: KioskController?

    /// The interface language: `--lang`, `/lang`, or else the language of the last answer.
    private var language: Language
    /// Set by `--lang` or `/lang`: answers are asked for in this language.
    private var forcedLanguage: Language?
    private var offeredChoices: [Choice] = []
    /// The connection was lost since the choices were offered: a restarted server may have
    /// forgotten them, so a number is sent as the choice's title instead.
    private var choicesMayBeForgotten = false
    private var queue: [ConsoleEvent] = []
    private var inFlight: (token: Int, task: Task<Void, Never>)?
    private var nextToken = 0
    private var connected = true
    private var typingShown = false
    private var finished = false
    private var events: AsyncStream<Event>.Continuation?

    /// Delay before "typing…" appears, so instant answers do not flicker.
    private let typingDelay: Duration = .milliseconds(150)
    /// How long the goodbye stays on a kiosk screen after `/quit` before it is cleared.
    private let goodbyePause: Duration = .seconds(2)

    init(backend: any ChatBackend, console: any ChatConsole, configuration: ChatConfiguration, palette: Palette) {
        self.backend = backend
        self.console = console
        self.configuration = configuration
        self.texts = ChatTexts(backend: backend)
        self.presenter = ChatPresenter(console: console, texts: texts, palette: palette,
                                       showsErrorDetails: !configuration.kiosk)
        self.kiosk = configuration.kiosk
            ? KioskController(idleSeconds: configuration.idleSeconds, passphrase: configuration.passphrase) : nil
        self.language = configuration.startLanguage
        self.forcedLanguage = configuration.language
    }

    /// Chats until the person quits, input ends, or a signal arrives.
    /// - Returns: the exit status (0, or 1 when the terminal could not be set up).
    func run() async -> Int32 {
        let (stream, continuation) = AsyncStream.makeStream(of: Event.self)
        events = continuation
        let console = self.console
        let backend = self.backend
        let forwarders = [
            Task { for await event in console.events { continuation.yield(.input(event)) } },
            Task { for await status in backend.statusUpdates { continuation.yield(.backend(status)) } },
        ]
        let signals = SignalWatcher { continuation.yield(.signal($0)) }
        var ticker: Task<Void, Never>?
        if let interval = kiosk?.checkInterval {
            ticker = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    continuation.yield(.kioskTick)
                }
            }
        }
        defer {
            signals.cancel()
            ticker?.cancel()
            for task in forwarders { task.cancel() }
        }

        await texts.preload()
        do {
            try console.start()
        } catch {
            printError("karir chat: \(error.description)")
            return 1
        }
        presenter.prompt(language)
        presenter.welcome(language, kiosk: kiosk != nil)
        kiosk?.didReset()

        for await event in stream {
            await handle(event)
            if finished { break }
        }
        inFlight?.task.cancel()
        console.stop()
        await backend.close()
        return 0
    }

    // MARK: - Events

    private func handle(_ event: Event) async {
        switch event {
        case .input(.line(let line)):
            if let kiosk, kiosk.isPassphrase(line) {
                console.clearScreen()
                finished = true
                return
            }
            queue.append(.line(line))
            await pump()
        case .input(.interrupt), .input(.endOfInput):
            // A kiosk must not be left with Ctrl-C or Ctrl-D; the editor already cleared the line.
            if kiosk == nil { finish() }
        case .input(.inputClosed):
            queue.append(.inputClosed)
            await pump()
        case .answered(let token, let result):
            guard inFlight?.token == token else { return }
            inFlight = nil
            typingShown = false
            updateStatus()
            show(result)
            await pump()
        case .showTyping(let token):
            guard inFlight?.token == token else { return }
            typingShown = true
            updateStatus()
        case .backend(let status):
            let wasConnected = connected
            connected = status == .connected
            if !connected { choicesMayBeForgotten = true }
            if connected, !wasConnected {
                // Back after an outage (or a kiosk that started without its server): fetch the texts.
                let texts = self.texts
                Task { await texts.preload() }
            }
            updateStatus()
        case .signal(.terminate):
            if kiosk != nil { console.clearScreen() }
            finish()
        case .signal(.resize):
            console.refreshSize()
        case .kioskTick:
            if let kiosk, kiosk.isIdle(lastKey: console.lastActivity) { await startOver(notice: .kioskIdleReset) }
        case .endVisit:
            if kiosk != nil { await startOver(notice: nil) }
        }
    }

    /// Handles queued lines while no question is waiting for its answer.
    private func pump() async {
        while inFlight == nil, !finished, !queue.isEmpty {
            switch queue.removeFirst() {
            case .line(let line): await process(line)
            case .inputClosed: finish()
            case .interrupt, .endOfInput: break
            }
        }
    }

    private func process(_ line: String) async {
        presenter.echo(line, language)
        switch UserInput.parse(line, offeredChoices: offeredChoices.count) {
        case .question(let text):
            ask(text)
        case .choice(let number):
            // The engine keeps the offered choices in its session, in-process and on the server
            // alike; only after an outage the title is safer than the number.
            if choicesMayBeForgotten, let choice = offeredChoices.first(where: { $0.number == number }) {
                ask(choice.title)
            } else {
                ask(String(number))
            }
        case .badChoice:
            notice(.chooseNumber)
        case .help:
            notice(.help)
        case .reset:
            await backend.reset()
            offeredChoices = []
            notice(.resetDone)
        case .quit:
            guard kiosk != nil else { return finish() }
            // In a kiosk /quit ends this person's visit, not the program.
            notice(.goodbye)
            let continuation = events
            let pause = goodbyePause
            Task {
                try? await Task.sleep(for: pause)
                continuation?.yield(.endVisit)
            }
        case .language(let chosen):
            forcedLanguage = chosen
            language = chosen
            presenter.prompt(language)
            notice(.langSwitched)
        case .languageUsage:
            notice(.langUsage)
        case .unknownCommand:
            notice(.unknownCommand)
        }
    }

    private func ask(_ text: String) {
        nextToken += 1
        let token = nextToken
        let backend = self.backend
        let language = forcedLanguage
        let continuation = events
        let task = Task {
            let result: Result<ReplyPayload, ChatError>
            do throws(ChatError) {
                result = .success(try await backend.ask(text, language: language))
            } catch {
                result = .failure(error)
            }
            continuation?.yield(.answered(token: token, result))
        }
        inFlight = (token, task)
        let delay = typingDelay
        Task {
            try? await Task.sleep(for: delay)
            continuation?.yield(.showTyping(token: token))
        }
    }

    // MARK: - State changes that show something

    private func show(_ result: Result<ReplyPayload, ChatError>) {
        switch result {
        case .success(let payload):
            if forcedLanguage == nil, payload.lang != language {
                language = payload.lang
                presenter.prompt(language)
            }
            offeredChoices = Renderer.choices(of: payload)
            choicesMayBeForgotten = false
            presenter.reply(payload)
        case .failure(let error):
            presenter.failure(error, language)
        }
        kiosk?.noteOutput()
    }

    private func notice(_ key: TextKey) {
        presenter.notice(key, language)
        kiosk?.noteOutput()
    }

    /// Kiosk: forgets the conversation, history and screen, then welcomes the next person.
    private func startOver(notice key: TextKey?) async {
        inFlight?.task.cancel()
        inFlight = nil
        queue.removeAll()
        typingShown = false
        offeredChoices = []
        await backend.reset()
        language = configuration.startLanguage
        forcedLanguage = configuration.language
        console.forgetHistory()
        updateStatus()
        presenter.prompt(language)
        presenter.welcome(language, kiosk: true, notice: key)
        kiosk?.didReset()
    }

    private func finish() {
        guard !finished else { return }
        finished = true
        inFlight?.task.cancel()
        inFlight = nil
        console.setStatus(nil)
        if kiosk == nil { presenter.goodbye(language) }
    }

    private func updateStatus() {
        presenter.status(connected: connected, waiting: typingShown, language)
    }
}
