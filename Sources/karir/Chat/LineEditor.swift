#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// An interactive line editor on a terminal in raw mode.
///
/// A dedicated thread `poll`s standard input and a wake pipe; keys edit an ``EditBuffer``. The
/// screen below the conversation holds a *region*: an optional status row ("typing…") and the input
/// row. Anything printed from other threads goes through ``show(_:)``, which erases the region,
/// prints, and redraws it, under the same lock as key handling, so output never garbles the line
/// being typed. The input row never wraps: long lines scroll horizontally.
final class LineEditor: ChatConsole, Sendable {
    /// Everything the lock protects.
    private struct State: Sendable {
        var buffer = EditBuffer()
        var decoder = KeyDecoder()
        var prompt = ""
        var promptWidth = 0
        var status: String?
        var columns = 80
        var scroll = 0
        var regionDrawn = false
        var statusRowDrawn = false
        var active = false
        var raw: RawTerminal?
        var lastActivity = ContinuousClock.now
    }

    let events: AsyncStream<ConsoleEvent>
    let echoesInput = true
    private let continuation: AsyncStream<ConsoleEvent>.Continuation
    private let state = Mutex(State())
    private let palette: Palette
    private let output = TerminalWriter.standardOutput
    private let wakeRead: Int32
    private let wakeWrite: Int32

    /// - Throws: ``ChatError/terminal(_:)`` when the wake pipe cannot be created.
    init(palette: Palette) throws(ChatError) {
        self.palette = palette
        (events, continuation) = AsyncStream.makeStream(of: ConsoleEvent.self)
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw .terminal("pipe failed: \(String(cString: strerror(errno)))") }
        wakeRead = fds[0]
        wakeWrite = fds[1]
    }

    var columns: Int { state.withLock { $0.columns } }
    var lastActivity: ContinuousClock.Instant { state.withLock { $0.lastActivity } }

    func start() throws(ChatError) {
        let raw = try RawTerminal(descriptor: 0)
        state.withLock { state in
            state.raw = raw
            state.active = true
            state.columns = TerminalSize.columns()
            output.write(drawRegion(&state))
        }
        let thread = Thread { [self] in self.readLoop() }
        thread.name = "karir-line-editor"
        thread.start()
    }

    func show(_ lines: [String]) {
        state.withLock { state in
            guard state.active else {
                output.write(lines.joined(separator: "\n") + "\n")
                return
            }
            output.write(eraseRegion(&state) + lines.joined(separator: "\n") + "\n" + drawRegion(&state))
        }
    }

    func setStatus(_ text: String?) {
        state.withLock { state in
            guard state.status != text else { return }
            let erase = state.active ? eraseRegion(&state) : ""
            state.status = text
            if state.active { output.write(erase + drawRegion(&state)) }
        }
    }

    func setPrompt(_ text: String, width: Int) {
        state.withLock { state in
            state.prompt = text
            state.promptWidth = width
            if state.active { output.write(promptRow(&state)) }
        }
    }

    func clearScreen() {
        state.withLock { state in
            guard state.active else { return }
            state.regionDrawn = false
            state.statusRowDrawn = false
            output.write("\u{1B}[H\u{1B}[2J\u{1B}[3J" + drawRegion(&state))
        }
    }

    func forgetHistory() {
        state.withLock { state in
            state.buffer.forgetHistory()
            state.scroll = 0
            if state.active { output.write(promptRow(&state)) }
        }
    }

    func refreshSize() {
        state.withLock { state in
            guard state.active else { return }
            let erase = eraseRegion(&state)
            state.columns = TerminalSize.columns()
            output.write(erase + drawRegion(&state))
        }
    }

    func stop() {
        let wasActive = state.withLock { state -> Bool in
            guard state.active else { return false }
            output.write(eraseRegion(&state))
            state.raw?.restore()
            state.active = false
            return true
        }
        if wasActive {
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }
    }

    // MARK: - Input thread

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
        while state.withLock({ $0.active }) {
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if fds[1].revents != 0 { break }
            guard fds[0].revents != 0 else { continue }
            let count = read(0, &buffer, buffer.count)
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            if count <= 0 {
                continuation.yield(.inputClosed)
                break
            }
            let events = state.withLock { state -> [ConsoleEvent] in
                guard state.active else { return [] }
                state.lastActivity = .now
                let keys = state.decoder.feed(Array(buffer[0..<count]))
                var events: [ConsoleEvent] = []
                var screen = ""
                for key in keys {
                    if let event = handle(key, &state, screen: &screen) { events.append(event) }
                }
                output.write(screen)
                return events
            }
            for event in events { continuation.yield(event) }
        }
    }

    /// Applies one key; appends what to draw to `screen`; returns an event for the controller.
    private func handle(_ key: Key, _ state: inout State, screen: inout String) -> ConsoleEvent? {
        switch key {
        case .text(let text): state.buffer.insert(text)
        case .backspace: state.buffer.backspace()
        case .delete: state.buffer.deleteForward()
        case .left: state.buffer.moveLeft()
        case .right: state.buffer.moveRight()
        case .home: state.buffer.moveHome()
        case .end: state.buffer.moveEnd()
        case .up: state.buffer.historyUp()
        case .down: state.buffer.historyDown()
        case .killToStart: state.buffer.killToStart()
        case .killToEnd: state.buffer.killToEnd()
        case .deleteWordBack: state.buffer.deleteWordBack()
        case .redraw:
            state.regionDrawn = false
            state.statusRowDrawn = false
            screen += "\u{1B}[H\u{1B}[2J" + drawRegion(&state)
            return nil
        case .interrupt:
            state.buffer.clear()
            state.scroll = 0
            screen += promptRow(&state)
            return .interrupt
        case .controlD:
            if state.buffer.isEmpty { return .endOfInput }
            state.buffer.deleteForward()
        case .enter:
            guard !state.buffer.text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            let line = state.buffer.commit()
            state.scroll = 0
            screen += eraseRegion(&state) + state.prompt + line + "\n" + drawRegion(&state)
            return .line(line)
        }
        screen += promptRow(&state)
        return nil
    }

    // MARK: - Drawing (called with the lock held)

    /// Moves to the top of the region and clears it and everything below.
    private func eraseRegion(_ state: inout State) -> String {
        guard state.regionDrawn else { return "" }
        state.regionDrawn = false
        return "\r" + (state.statusRowDrawn ? "\u{1B}[1A" : "") + "\u{1B}[J"
    }

    /// Draws the status row (if any) and the input row at the cursor's line.
    private func drawRegion(_ state: inout State) -> String {
        var out = ""
        if let status = state.status {
            out += palette.paint(Self.truncate(status, to: state.columns - 1), .status) + "\n"
            state.statusRowDrawn = true
        } else {
            state.statusRowDrawn = false
        }
        state.regionDrawn = true
        return out + promptRow(&state)
    }

    /// Redraws the input row with the cursor in place, scrolling sideways when the line is long.
    private func promptRow(_ state: inout State) -> String {
        let characters = state.buffer.characters
        let cursor = state.buffer.cursor
        let widths = characters.map(DisplayWidth.of)
        let room = max(state.columns - 1 - state.promptWidth, 4)
        if cursor < state.scroll { state.scroll = cursor }
        while state.scroll < cursor, widths[state.scroll..<cursor].reduce(0, +) > room - 1 { state.scroll += 1 }
        var visible = ""
        var used = 0
        var index = state.scroll
        while index < characters.count, used + widths[index] <= room {
            visible.append(characters[index])
            used += widths[index]
            index += 1
        }
        let cursorColumn = state.promptWidth + widths[state.scroll..<cursor].reduce(0, +)
        return "\r" + state.prompt + visible + "\u{1B}[K\r" + (cursorColumn > 0 ? "\u{1B}[\(cursorColumn)C" : "")
    }

    /// Cuts `text` to `width` columns, ending in "…" when it was cut.
    static func truncate(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var out = ""
        var used = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > width - 1 { break }
            out.append(character)
            used += characterWidth
        }
        return out + "…"
    }
}
