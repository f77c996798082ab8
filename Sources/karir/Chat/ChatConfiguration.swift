import KarirCore

/// Everything `karir chat` was told, in one place, after validation.
struct ChatConfiguration: Sendable {
    /// `karir serve` to talk to; nil runs the engine in-process.
    var server: ServerAddress?
    /// Language chosen with `--lang`; nil follows the language the person writes in.
    var language: Language?
    var kiosk: Bool
    /// Kiosk: seconds without activity before the session is reset.
    var idleSeconds: Double
    /// Kiosk: the line staff type to leave.
    var passphrase: String?
    /// Session name on the server.
    var sessionName: String
    var noColor: Bool

    /// The interface language before the person has said anything.
    var startLanguage: Language { language ?? .id }
}
