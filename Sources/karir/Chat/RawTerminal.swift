#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Puts a terminal into raw mode and back.
///
/// Raw here means: no echo, no line buffering, and no signals from keys (Ctrl-C, Ctrl-Z and
/// Ctrl-\ arrive as bytes, so a kiosk cannot be dropped to a shell). Output processing stays on,
/// so `\n` still moves to the start of the next line.
struct RawTerminal: Sendable {
    let descriptor: Int32
    private let original: termios

    /// Saves the current settings and switches to raw mode.
    /// - Throws: ``ChatError/terminal(_:)`` when `descriptor` is not a terminal.
    init(descriptor: Int32) throws(ChatError) {
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else {
            throw .terminal("tcgetattr failed: \(String(cString: strerror(errno)))")
        }
        self.descriptor = descriptor
        self.original = settings
        var raw = settings
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | BRKINT | ISTRIP)
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        guard tcsetattr(descriptor, TCSAFLUSH, &raw) == 0 else {
            throw .terminal("tcsetattr failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Puts back the settings saved when raw mode was entered.
    func restore() {
        var settings = original
        _ = tcsetattr(descriptor, TCSAFLUSH, &settings)
    }
}
