/// Formatting of text-mode replies: the answer's lines, dot-stuffed, then a line holding a single ".".
enum TextReply {
    /// `text` as protocol lines: CRLF and CR become LF, lines starting with "." get a second ".",
    /// and a final ".\n" marks the end of the reply (as in SMTP).
    static func render(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        let normalized = text.contains("\r") ? text.replacing("\r\n", with: "\n").replacing("\r", with: "\n") : text
        if !normalized.isEmpty {
            for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.first == "." { out += "." }
                out += line
                out += "\n"
            }
        }
        out += ".\n"
        return out
    }

    /// An error in text mode: one line starting with "! " and the end marker.
    static func error(_ message: String) -> String {
        "! " + message + "\n.\n"
    }
}
