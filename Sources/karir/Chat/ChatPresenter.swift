import KarirCore

/// What goes on the console: replies, notices, the greeting and banner, the status row and the
/// input prompt, in the texts of a language and at the console's current width.
///
/// Holds no conversation state; ``ChatController`` decides what to show and when.
struct ChatPresenter: Sendable {
    let console: any ChatConsole
    let texts: ChatTexts
    let palette: Palette
    /// Kiosk visitors get only friendly texts; staff at a plain client also see error details.
    let showsErrorDetails: Bool

    /// Shows a reply with the labels and hints in the reply's own language.
    func reply(_ payload: ReplyPayload) {
        let replyTexts = Renderer.ReplyTexts(
            botLabel: texts.text(.botLabel, payload.lang),
            suggestionsHeader: texts.text(.suggestionsHeader, payload.lang),
            chooseNumber: texts.text(.chooseNumber, payload.lang))
        console.show(renderer().reply(payload, texts: replyTexts))
    }

    /// Shows why a question got no answer.
    func failure(_ error: ChatError, _ language: Language) {
        switch error {
        case .cancelled:
            break
        case .lostAfterSending:
            notice(.askAgain, language)
        default:
            notice(.serverError, language, detail: showsErrorDetails ? error.description : nil)
        }
    }

    /// Shows an interface text as a message from Karir, with an optional detail line under it.
    func notice(_ key: TextKey, _ language: Language, detail: String? = nil) {
        let renderer = renderer()
        let label = texts.text(.botLabel, language)
        var lines = renderer.message(label: label, text: texts.text(key, language))
        if let detail {
            lines += renderer.indented(detail, indent: renderer.labelColumns(label), role: .warning)
        }
        console.show(lines + [""])
    }

    /// Echoes a line read from a pipe (a terminal shows what was typed by itself).
    func echo(_ line: String, _ language: Language) {
        guard !console.echoesInput else { return }
        let label = Renderer.bareLabel(texts.text(.promptLabel, language))
        console.show([palette.paint(label + ":", .userLabel) + " " + line])
    }

    /// The greeting; for a kiosk on a cleared screen under the welcome banner, with `notice`
    /// (after a reset) between them.
    func welcome(_ language: Language, kiosk: Bool, notice key: TextKey? = nil) {
        if kiosk {
            console.clearScreen()
            console.show(banner(texts.text(.kioskWelcome, language)))
            if let key { notice(key, language) }
        }
        notice(.greeting, language)
    }

    /// The last words when the chat ends.
    func goodbye(_ language: Language) {
        console.show(renderer().message(label: texts.text(.botLabel, language), text: texts.text(.goodbye, language)))
    }

    /// The status row: "reconnecting…" while the server is away, else "typing…" while waiting.
    func status(connected: Bool, waiting: Bool, _ language: Language) {
        if !connected {
            console.setStatus(texts.text(.reconnecting, language))
        } else if waiting {
            console.setStatus(texts.text(.typing, language))
        } else {
            console.setStatus(nil)
        }
    }

    /// The input prompt, `Kamu: ` or `You: `.
    func prompt(_ language: Language) {
        let prompt = renderer().inputPrompt(label: texts.text(.promptLabel, language))
        console.setPrompt(prompt.text, width: prompt.width)
    }

    /// The welcome text framed by rules across the width.
    private func banner(_ welcome: String) -> [String] {
        let renderer = renderer()
        let rule = palette.paint(String(repeating: "─", count: max(renderer.width - 1, 8)), .banner)
        return [rule] + renderer.block(welcome, role: .banner) + [rule, ""]
    }

    private func renderer() -> Renderer {
        Renderer(width: console.columns, palette: palette)
    }
}
