import Foundation

/// Rules for prompt texts coming from an engine or a server.
enum PromptText {
    /// The text if it is a real prompt; nil when it is empty or just echoes the key
    /// (what an engine returns for a key that `prompts/` does not have).
    static func usable(_ text: String, key: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed == key { return nil }
        return text
    }
}
