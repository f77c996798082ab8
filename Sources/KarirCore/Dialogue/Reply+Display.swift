extension Reply {
    /// The reply as plain text for line-based clients: the text, then the numbered suggestions
    /// under a header from the prompts (`suggestions_header`). Clarify menus are already part of
    /// `text`.
    public func displayText(suggestionsHeader: String) -> String {
        guard kind != .clarify, !suggestions.isEmpty, !text.contains("\n1. ") else { return text }
        let list = suggestions.map { "\($0.number). \($0.title)" }.joined(separator: "\n")
        return text + "\n\n" + (suggestionsHeader.isEmpty ? "" : suggestionsHeader + "\n") + list
    }
}

extension Engine {
    /// ``Reply/displayText(suggestionsHeader:)`` with the header from the prompts.
    public func displayText(_ reply: Reply) -> String {
        reply.displayText(suggestionsHeader: prompt("suggestions_header", reply.language))
    }
}
