import Foundation
import KarirCore

/// Turns replies and notices into screen lines: a label, then the text word-wrapped with a hanging
/// indent, then numbered choices. Pure: knows nothing about terminals beyond width and colours.
struct Renderer: Sendable {
    /// Columns available; lines are kept one column short of it so no terminal auto-wraps.
    var width: Int
    var palette: Palette

    /// The texts a reply needs around it, in the reply's language.
    struct ReplyTexts: Sendable {
        var botLabel: String
        var suggestionsHeader: String
        var chooseNumber: String
    }

    private var usable: Int { max(width - 1, 16) }

    /// Cleans a label from `prompts/` ("Anda ›", "You:") to a bare word.
    static func bareLabel(_ label: String) -> String {
        let trimmed = label.trimmingCharacters(in: .whitespaces)
        let stripped = trimmed.reversed().drop(while: { ":>›»".contains($0) || $0 == " " }).reversed()
        return stripped.isEmpty ? trimmed : String(stripped)
    }

    /// The input prompt, e.g. `Anda: ` in colour, and its width in columns.
    func inputPrompt(label: String) -> (text: String, width: Int) {
        let bare = Self.bareLabel(label) + ": "
        return (palette.paint(Self.bareLabel(label) + ":", .userLabel) + " ", DisplayWidth.of(bare))
    }

    /// The lines for one reply, ending with a blank line. Suggestions are listed with a hint to
    /// type a number, unless the text already holds the menu (clarify, fallback): the same rule as
    /// ``Reply/displayText(suggestionsHeader:)``.
    func reply(_ payload: ReplyPayload, texts: ReplyTexts) -> [String] {
        var body = message(label: texts.botLabel, text: payload.text)
        let indent = labelColumns(texts.botLabel)
        if Self.listsSuggestions(payload) {
            body += indented(texts.suggestionsHeader, indent: indent, role: nil)
            for choice in payload.suggestions {
                body += numbered(choice, indent: indent)
            }
            body += indented(texts.chooseNumber, indent: indent, role: .hint)
        }
        return body + [""]
    }

    /// True when the suggestions must be listed under the text (they are not in it already).
    static func listsSuggestions(_ payload: ReplyPayload) -> Bool {
        payload.kind != .clarify && !payload.suggestions.isEmpty && !payload.text.contains("\n1. ")
    }

    /// A labelled message (greeting, notices) with a hanging indent under the label.
    func message(label: String, text: String, role: Palette.Role? = nil) -> [String] {
        let bare = Self.bareLabel(label)
        let indent = labelColumns(label)
        let wrapped = WordWrapper.wrap(text.isEmpty ? "…" : text, width: usable - indent)
        let pad = String(repeating: " ", count: indent)
        return wrapped.enumerated().map { index, line in
            let content = role.map { palette.paint(line, $0) } ?? line
            if index == 0 { return palette.paint(bare + ":", .botLabel) + " " + content }
            return line.isEmpty ? "" : pad + content
        }
    }

    /// A line of text under a label's indent, wrapped.
    func indented(_ text: String, indent: Int, role: Palette.Role?) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return WordWrapper.wrap(text, width: usable - indent).map { line in
            line.isEmpty ? "" : pad + (role.map { palette.paint(line, $0) } ?? line)
        }
    }

    /// A full-width block without a label (the kiosk banner, the user's line when not echoed).
    func block(_ text: String, role: Palette.Role?) -> [String] {
        WordWrapper.wrap(text, width: usable).map { line in role.map { palette.paint(line, $0) } ?? line }
    }

    /// The choices a reply offers, which a typed number picks: the candidates of a clarify, else
    /// the suggestions. None for a step of a guided flow: its numbered options are in the text and
    /// the engine checks the answer.
    static func choices(of payload: ReplyPayload) -> [Choice] {
        if payload.kind == .flow { return [] }
        if payload.kind == .clarify, let candidates = payload.candidates, !candidates.isEmpty { return candidates }
        return payload.suggestions
    }

    /// Columns of `Label: `.
    func labelColumns(_ label: String) -> Int {
        DisplayWidth.of(Self.bareLabel(label)) + 2
    }

    private func numbered(_ choice: Choice, indent: Int) -> [String] {
        let marker = "\(choice.number). "
        let markerWidth = marker.count
        let pad = String(repeating: " ", count: indent)
        let hang = String(repeating: " ", count: markerWidth)
        let wrapped = WordWrapper.wrap(choice.title, width: usable - indent - markerWidth)
        return wrapped.enumerated().map { index, line in
            index == 0 ? pad + palette.paint(marker.trimmingCharacters(in: .whitespaces), .choiceNumber) + " " + line
                : pad + hang + line
        }
    }
}
