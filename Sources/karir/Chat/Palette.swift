import Foundation

/// Colours for the chat, or none: off when output is not a terminal, when `NO_COLOR` is set
/// (no-color.org), with `--no-color`, or on a `dumb` terminal.
///
/// Only the default foreground for body text, and bold plus basic colours that stay readable on
/// both dark and light backgrounds for labels and hints.
struct Palette: Sendable {
    /// What a piece of text is, which decides its colour.
    enum Role: Sendable {
        case botLabel, userLabel, choiceNumber, hint, status, warning, banner
    }

    let enabled: Bool

    /// Decides from the environment and the `--no-color` flag.
    static func detect(outputIsTerminal: Bool, noColorFlag: Bool,
                       environment: [String: String] = ProcessInfo.processInfo.environment) -> Palette {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = environment["TERM"] == "dumb"
        return Palette(enabled: outputIsTerminal && !noColor && !noColorFlag && !dumb)
    }

    /// `text` in the colour of `role` (unchanged when colours are off).
    func paint(_ text: String, _ role: Role) -> String {
        guard enabled, !text.isEmpty else { return text }
        return "\u{1B}[\(code(role))m\(text)\u{1B}[0m"
    }

    private func code(_ role: Role) -> String {
        switch role {
        case .botLabel: "1;36"
        case .userLabel: "1;32"
        case .choiceNumber: "1"
        case .hint: "36"
        case .status: "35"
        case .warning: "1;31"
        case .banner: "1;34"
        }
    }
}
