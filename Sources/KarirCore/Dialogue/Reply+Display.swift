extension Reply {
    /// The reply as plain text for line-based clients: the text, then the numbered suggestions
    /// under a header from the prompts (`suggestions_header`). Clarify menus are already part of
    /// `text`.
    public func displayText(suggestionsHeader: String) -> String {
        guard kind != .clarify, !suggestions.isEmpty, !Self.holdsNumberedList(text) else { return text }
        let list = suggestions.map { "\($0.number). \($0.title)" }.joined(separator: "\n")
        return text + "\n\n" + (suggestionsHeader.isEmpty ? "" : suggestionsHeader + "\n") + list
    }

    /// Whether the text holds a numbered list ("\n1. "), read from its bytes (Foundation's
    /// string search cost 4% of answering a question on the command line).
    static func holdsNumberedList(_ text: String) -> Bool {
        var last: (UInt8, UInt8, UInt8) = (0, 0, 0)
        for byte in text.utf8 {
            if last == (10, 49, 46), byte == 32 { return true }
            last = (last.1, last.2, byte)
        }
        return false
    }
}

extension Engine {
    /// ``Reply/displayText(suggestionsHeader:)`` with the header from the prompts.
    public func displayText(_ reply: Reply) -> String {
        reply.displayText(suggestionsHeader: prompt("suggestions_header", reply.language))
    }
}
