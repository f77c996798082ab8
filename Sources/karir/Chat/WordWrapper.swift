/// Word wrapping by display width (see ``DisplayWidth``).
///
/// Line breaks in the text are kept, blank lines stay blank, and a line that fits is left as it
/// is. A line that starts with a list marker (`- `, `* `, `• `, `1. `) continues aligned after
/// the marker. A word wider than the line is cut between characters rather than overflowing.
enum WordWrapper {
    /// Wraps `text` into lines of at most `width` columns (at least 8 are assumed).
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 8)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(contentsOf: wrapLine(String(paragraph), width: width))
        }
        return lines
    }

    private static func wrapLine(_ line: String, width: Int) -> [String] {
        let trimmedEnd = String(line.reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
        if trimmedEnd.isEmpty { return [""] }
        // A line that fits keeps its own spacing (aligned command lists, for example).
        if DisplayWidth.of(trimmedEnd) <= width { return [trimmedEnd] }
        let hanging = min(hangingIndent(of: trimmedEnd), width / 2)
        let continuation = String(repeating: " ", count: hanging)
        let leading = String(trimmedEnd.prefix(while: { $0 == " " }))
        let words = trimmedEnd.split(separator: " ", omittingEmptySubsequences: true).map(String.init)

        var lines: [String] = []
        var current = leading
        var currentWidth = DisplayWidth.of(leading)
        var lineHasWord = false
        for word in words {
            let wordWidth = DisplayWidth.of(word)
            if lineHasWord, currentWidth + 1 + wordWidth <= width {
                current += " " + word
                currentWidth += 1 + wordWidth
                continue
            }
            if lineHasWord {
                lines.append(current)
                current = continuation
                currentWidth = hanging
            }
            if currentWidth + wordWidth <= width {
                current += word
                currentWidth += wordWidth
            } else {
                // Too wide for any line: cut it between characters.
                for character in word {
                    let characterWidth = DisplayWidth.of(character)
                    if currentWidth + characterWidth > width, currentWidth > hanging {
                        lines.append(current)
                        current = continuation
                        currentWidth = hanging
                    }
                    current.append(character)
                    currentWidth += characterWidth
                }
            }
            lineHasWord = true
        }
        lines.append(current)
        return lines
    }

    /// Columns of leading spaces plus a list marker, if the line starts with one.
    private static func hangingIndent(of line: String) -> Int {
        let spaces = line.prefix(while: { $0 == " " }).count
        let rest = line.dropFirst(spaces)
        for marker in ["- ", "* ", "• ", "– "] where rest.hasPrefix(marker) {
            return spaces + DisplayWidth.of(marker)
        }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 3 {
            let afterDigits = rest.dropFirst(digits.count)
            if afterDigits.hasPrefix(". ") || afterDigits.hasPrefix(") ") { return spaces + digits.count + 2 }
        }
        return spaces
    }
}
