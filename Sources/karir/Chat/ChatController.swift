import Foundation
import KarirCore

/// Runs one chat: reads lines from a ``ChatConsole``, asks a ``ChatBackend``, shows replies.
///
/// A single task handles one event at a time (keys, answers, connection changes, signals, kiosk
/// ticks), so the state below needs no lock. Questions are answered strictly one after another;
/// lines typed while waiting are queued. Lines are never re-sent.
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
    private let palette: Palette
    private let texts: ChatTexts
    private let kiosk: KioskController?

    private var language: Language
    private var forcedLanguage: Language?
    private var offeredChoices: [Choice] = []
    private var queue: [ConsoleEvent] = []
    private var inFlight: (token: Int, task: Task<Void, Never>)?
    private var nextToken = 0
    private var connected = true
    private var typingShown = false
    private var finished = false
    private var events: AsyncStream<Event>.Continuation?

    /// Delay before "typing…" appears, so instant answers do not flicker.
    private let typingDelay: Duration = .milliseconds(150)

    init(backend: any ChatBackend, console: any ChatConsole, configuration: ChatConfiguration, palette: Palette) {
        self.backend = backend
        self.console = console
        self.configuration = configuration
        self.palette = palette
        self.texts = ChatTexts(backend: backend)
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
            FileHandle.standardError.write(Data("karir chat: \(error.description)\n".utf8))
            return 1
        }
        await updatePrompt()
        await welcome()

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
            if kiosk == nil { await finish() }
        case .input(.inputClosed):
            queue.append(.inputClosed)
            await pump()
        case .answered(let token, let result):
            guard inFlight?.token == token else { return }
            inFlight = nil
            typingShown = false
            await updateStatus()
            await show(result)
            await pump()
        case .showTyping(let token):
            guard inFlight?.token == token else { return }
            typingShown = true
            await updateStatus()
        case .backend(let status):
            let wasConnected = connected
            connected = status == .connected
            if connected, !wasConnected {
                // Back after an outage (or a kiosk that started without its server): fetch the texts.
                let texts = self.texts
                Task { await texts.preload() }
            }
            await updateStatus()
        case .signal(.terminate):
            if kiosk != nil { console.clearScreen() }
            await finish()
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
            case .inputClosed: await finish()
            case .interrupt, .endOfInput: break
            }
        }
    }

    private func process(_ line: String) async {
        if !console.echoesInput {
            let label = texts.text(.promptLabel, language)
            console.show([palette.paint(Renderer.bareLabel(label) + ":", .userLabel) + " " + line])
        }
        switch UserInput.parse(line, offeredChoices: offeredChoices.count) {
        case .question(let text):
            ask(text)
        case .choice(let number):
            // The engine keeps the offered choices in its session, locally and on the server alike.
            ask(String(number))
        case .badChoice:
            await notice(.chooseNumber)
        case .help:
            await notice(.help)
        case .reset:
            await backend.reset()
            offeredChoices = []
            await notice(.resetDone)
        case .quit:
            if kiosk != nil {
                // In a kiosk /quit ends this person's visit, not the program.
                await notice(.goodbye)
                let continuation = events
                Task {
                    try? await Task.sleep(for: .seconds(2))
                    continuation?.yield(.endVisit)
                }
            } else {
                await finish()
            }
        case .language(let chosen):
            forcedLanguage = chosen
            language = chosen
            await updatePrompt()
            await notice(.langSwitched)
        case .languageUsage:
            await notice(.langUsage)
        case .unknownCommand:
            await notice(.unknownCommand)
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

    // MARK: - Output

    private func show(_ result: Result<ReplyPayload, ChatError>) async {
        switch result {
        case .success(let payload):
            if forcedLanguage == nil, payload.lang != language {
                language = payload.lang
                await updatePrompt()
            }
            offeredChoices = Renderer.choices(of: payload)
            let replyTexts = Renderer.ReplyTexts(
                botLabel: texts.text(.botLabel, payload.lang),
                suggestionsHeader: texts.text(.suggestionsHeader, payload.lang),
                chooseNumber: texts.text(.chooseNumber, payload.lang))
            console.show(makeRenderer().reply(payload, texts: replyTexts))
            kiosk?.noteOutput()
        case .failure(.cancelled):
            break
        case .failure(.lostAfterSending):
            await notice(.askAgain)
        case .failure(let error):
            // Staff trying the knowledge base see why; a kiosk visitor only sees the friendly text.
            await notice(.serverError, detail: kiosk == nil ? error.description : nil)
        }
    }

    /// Shows an interface text as a message from Karir.
    private func notice(_ key: TextKey, detail: String? = nil) async {
        let renderer = makeRenderer()
        let label = texts.text(.botLabel, language)
        var lines = renderer.message(label: label, text: texts.text(key, language))
        if let detail {
            lines += renderer.indented(detail, indent: renderer.labelColumns(label), role: .warning)
        }
        console.show(lines + [""])
        kiosk?.noteOutput()
    }

    /// The greeting; in a kiosk a fresh screen with the banner first (and `notice`, after a reset).
    private func welcome(notice key: TextKey? = nil) async {
        let renderer = makeRenderer()
        if let kiosk {
            console.clearScreen()
            console.show(kiosk.banner(texts.text(.kioskWelcome, language), renderer: renderer))
            if let key { await notice(key) }
            let label = texts.text(.botLabel, language)
            console.show(renderer.message(label: label, text: texts.text(.greeting, language)) + [""])
            kiosk.didReset()
        } else {
            let label = texts.text(.botLabel, language)
            console.show(renderer.message(label: label, text: texts.text(.greeting, language)) + [""])
        }
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
        await updateStatus()
        await updatePrompt()
        await welcome(notice: key)
        kiosk?.didReset()
    }

    private func finish() async {
        guard !finished else { return }
        finished = true
        inFlight?.task.cancel()
        inFlight = nil
        console.setStatus(nil)
        if kiosk == nil {
            let label = texts.text(.botLabel, language)
            console.show(makeRenderer().message(label: label, text: texts.text(.goodbye, language)))
        }
    }

    private func updateStatus() async {
        if !connected {
            console.setStatus(texts.text(.reconnecting, language))
        } else if typingShown {
            console.setStatus(texts.text(.typing, language))
        } else {
            console.setStatus(nil)
        }
    }

    private func updatePrompt() async {
        let prompt = makeRenderer().inputPrompt(label: texts.text(.promptLabel, language))
        console.setPrompt(prompt.text, width: prompt.width)
    }

    private func makeRenderer() -> Renderer {
        Renderer(width: console.columns, palette: palette)
    }
}
