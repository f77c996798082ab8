import Mustache

/// An answer or prompt text, compiled once. Plain text is returned as written; text with
/// `{{` is a Mustache template rendered as plain text (no HTML escaping).
struct AnswerTemplate: Sendable {
    let text: String
    let template: MustacheTemplate?

    init(_ text: String) throws {
        self.text = text.trimmedWhitespace()
        self.template = text.contains("{{") ? try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text) : nil
    }

    /// The text, with values filled in and surrounding white space removed.
    func render(_ values: [String: Any] = [:]) -> String {
        guard let template else { return text }
        return template.render(values).trimmedWhitespace()
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks (no Foundation bridging).
    func trimmedWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == startIndex && last == index(before: endIndex) { return self }
        return String(self[first...last])
    }
}
