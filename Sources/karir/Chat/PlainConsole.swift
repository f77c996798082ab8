import Foundation

/// Line-by-line chat for pipes and scripts: reads standard input a line at a time, prints plain
/// text, shows no indicators and moves no cursor.
final class PlainConsole: ChatConsole, Sendable {
    let events: AsyncStream<ConsoleEvent>
    let echoesInput = false
    private let continuation: AsyncStream<ConsoleEvent>.Continuation
    private let output = TerminalWriter.standardOutput

    init() {
        (events, continuation) = AsyncStream.makeStream(of: ConsoleEvent.self)
    }

    var columns: Int { TerminalSize.columns() }
    var lastActivity: ContinuousClock.Instant { .now }

    func start() throws(ChatError) {
        let continuation = self.continuation
        let thread = Thread {
            while let line = readLine(strippingNewline: true) {
                let cleaned = line.hasSuffix("\r") ? String(line.dropLast()) : line
                if !cleaned.trimmingCharacters(in: .whitespaces).isEmpty { continuation.yield(.line(cleaned)) }
            }
            continuation.yield(.inputClosed)
        }
        thread.name = "karir-plain-input"
        thread.start()
    }

    func show(_ lines: [String]) {
        output.write(lines.joined(separator: "\n") + "\n")
    }

    func setStatus(_ text: String?) {}
    func setPrompt(_ text: String, width: Int) {}
    func clearScreen() {}
    func forgetHistory() {}
    func refreshSize() {}
    func stop() {}
}
