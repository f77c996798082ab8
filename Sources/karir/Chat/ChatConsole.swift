/// Where the chat reads lines and shows output: an interactive ``LineEditor`` on a terminal, or a
/// ``PlainConsole`` for pipes and scripts. All output goes through it so nothing garbles the line
/// being typed.
protocol ChatConsole: Sendable {
    /// What the person types, in order.
    var events: AsyncStream<ConsoleEvent> { get }
    /// True when entered lines stay visible by themselves (the editor); false when the controller
    /// should print them (a pipe does not echo).
    var echoesInput: Bool { get }
    /// Terminal columns right now.
    var columns: Int { get }
    /// When the person last pressed a key (for the kiosk idle timer).
    var lastActivity: ContinuousClock.Instant { get }

    /// Starts reading input.
    /// - Throws: ``ChatError/terminal(_:)`` when the terminal cannot be set up.
    func start() throws(ChatError)
    /// Prints lines above the input line, then redraws what is being typed.
    func show(_ lines: [String])
    /// Shows (or with nil removes) a one-line indicator such as "typing…" above the input line.
    func setStatus(_ text: String?)
    /// Sets the input prompt (already coloured) and its width in columns.
    func setPrompt(_ text: String, width: Int)
    /// Clears the screen and the scrollback.
    func clearScreen()
    /// Forgets the line history and the line being typed.
    func forgetHistory()
    /// Re-reads the terminal size and redraws (after SIGWINCH).
    func refreshSize()
    /// Stops reading and restores the terminal. Safe to call more than once.
    func stop()
}
