#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes straight to a file descriptor with `write(2)`, bypassing C stdio (whose `stdout` global
/// is not concurrency-safe in Swift 6 and whose buffering hides output from a waiting harness).
struct TerminalWriter: Sendable {
    let descriptor: Int32

    static let standardOutput = TerminalWriter(descriptor: 1)

    /// Writes all of `text`. Returns false when the reader is gone (EPIPE) or the descriptor broke.
    @discardableResult
    func write(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { raw -> Bool in
            guard var pointer = raw.baseAddress else { return true }
            var remaining = raw.count
            while remaining > 0 {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, pointer, remaining)
                #else
                let written = Darwin.write(descriptor, pointer, remaining)
                #endif
                if written > 0 {
                    remaining -= written
                    pointer += written
                } else if written < 0, errno == EINTR || errno == EAGAIN {
                    continue
                } else {
                    return false
                }
            }
            return true
        }
    }
}
