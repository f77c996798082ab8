import Mustache

/// An answer or prompt text, compiled once. Plain text is returned as written; text with
/// `{{` is a Mustache template rendered as plain text (no HTML escaping).
struct AnswerTemplate: Sendable {
    let text: String
    let template: MustacheTemplate?

    init(_ text: String) throws {
        self.text = text
        self.template = text.contains("{{") ? try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text) : nil
    }

    func render(_ values: [String: Any] = [:]) -> String {
        guard let template else { return text }
        return template.render(values)
    }
}
