/// The interface texts the chat client shows, by their key in `prompts/`.
enum TextKey: String, Sendable, CaseIterable {
    case greeting, help, goodbye
    case suggestionsHeader = "suggestions_header"
    case resetDone = "reset_done"
    case langSwitched = "lang_switched"
    case typing = "chat_typing"
    case reconnecting = "chat_reconnecting"
    case serverError = "chat_server_error"
    case kioskWelcome = "chat_kiosk_welcome"
    case kioskIdleReset = "chat_kiosk_idle_reset"
    case promptLabel = "chat_prompt_label"
    case botLabel = "chat_bot_label"
    case chooseNumber = "chat_choose_number"
    case unknownCommand = "chat_unknown_command"
    // Keys the client needs beyond the agreed list; built-in texts are used until prompts/ has them.
    case askAgain = "chat_ask_again"
    case langUsage = "chat_lang_usage"
}
