/// What the person did at the console.
enum ConsoleEvent: Sendable, Equatable {
    /// A line was entered (never empty).
    case line(String)
    /// Ctrl-C.
    case interrupt
    /// Ctrl-D on an empty line.
    case endOfInput
    /// Standard input closed (end of a pipe, or the terminal went away).
    case inputClosed
}
