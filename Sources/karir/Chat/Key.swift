/// A key press, decoded from the bytes a terminal sends.
enum Key: Sendable, Equatable {
    /// Printable text (one or more characters typed or pasted).
    case text(String)
    case enter, backspace, delete, left, right, up, down, home, end
    /// Ctrl-U: delete from the start of the line to the cursor.
    case killToStart
    /// Ctrl-K: delete from the cursor to the end of the line.
    case killToEnd
    /// Ctrl-W: delete the word before the cursor.
    case deleteWordBack
    /// Ctrl-C.
    case interrupt
    /// Ctrl-D.
    case controlD
    /// Ctrl-L.
    case redraw
}
