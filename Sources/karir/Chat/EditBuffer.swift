import Foundation

/// The line being typed, the cursor, and the history of entered lines.
///
/// Works on characters (grapheme clusters), so Backspace removes "é" or an emoji whole however many
/// bytes it took. Up/Down walk the history; what was being typed before is kept and comes back.
struct EditBuffer: Sendable {
    private(set) var characters: [Character] = []
    /// Index into `characters` (0…count).
    private(set) var cursor = 0
    private var history: [String] = []
    /// Position while browsing the history; nil while editing a new line.
    private var historyIndex: Int?
    private var draft: [Character] = []
    let historyLimit: Int

    init(historyLimit: Int = 200) {
        self.historyLimit = historyLimit
    }

    var text: String { String(characters) }
    var isEmpty: Bool { characters.isEmpty }

    mutating func insert(_ text: String) {
        // Rebuild around the cursor so a combining mark joins the character before it.
        let before = String(characters[..<cursor]) + text
        let after = String(characters[cursor...])
        let merged = Array(before + after)
        cursor = min(merged.count, merged.count - Array(after).count)
        characters = merged
    }

    mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    mutating func moveLeft() { cursor = max(0, cursor - 1) }
    mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    mutating func moveHome() { cursor = 0 }
    mutating func moveEnd() { cursor = characters.count }

    mutating func killToStart() {
        characters.removeSubrange(0..<cursor)
        cursor = 0
    }

    mutating func killToEnd() {
        characters.removeSubrange(cursor...)
    }

    mutating func deleteWordBack() {
        var start = cursor
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Shows the previous history entry (keeping the line being typed for later).
    mutating func historyUp() {
        guard !history.isEmpty else { return }
        let next: Int
        if let index = historyIndex {
            next = max(0, index - 1)
        } else {
            draft = characters
            next = history.count - 1
        }
        historyIndex = next
        characters = Array(history[next])
        cursor = characters.count
    }

    /// Shows the next history entry, or the line being typed after the last one.
    mutating func historyDown() {
        guard let index = historyIndex else { return }
        if index + 1 < history.count {
            historyIndex = index + 1
            characters = Array(history[index + 1])
        } else {
            historyIndex = nil
            characters = draft
        }
        cursor = characters.count
    }

    /// Takes the line out (recording it in the history) and starts an empty one.
    mutating func commit() -> String {
        let line = text
        if !line.trimmingCharacters(in: .whitespaces).isEmpty, history.last != line {
            history.append(line)
            if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
        }
        clear()
        return line
    }

    /// Empties the line (the history stays).
    mutating func clear() {
        characters = []
        cursor = 0
        historyIndex = nil
        draft = []
    }

    /// Empties the line and forgets the history.
    mutating func forgetHistory() {
        clear()
        history = []
    }
}
