import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on `<data-dir>/outbox.lock`, held while a delivery service runs.
///
/// The SQLite outbox serves one delivering process: it ends leftover leases at start-up, which
/// is only safe when no other process is delivering. The kernel drops the lock when the process
/// dies, even on `kill -9`, so a restart never finds a stale lock.
final class DataDirectoryLock: Sendable {
    static let fileName = "outbox.lock"

    private let descriptor: Int32
    let path: String

    init(directory: String) throws(OutboxError) {
        try DataDirectory.create(directory)
        path = DataDirectory.file(Self.fileName, in: directory)
        // O_CLOEXEC: child processes must not inherit (and so keep) the lock.
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .fileFailure(path: path, reason: String(cString: strerror(errno))) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno == EWOULDBLOCK ? Self.holder(of: fd) : String(cString: strerror(errno))
            close(fd)
            throw .dataDirectoryInUse(path: directory, holder: reason)
        }
        descriptor = fd
        let note = "pid \(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = note.withCString { pwrite(fd, $0, strlen($0), 0) }
    }

    deinit {
        // Unlock before closing: a process spawned by another thread at this moment holds a copy
        // of the descriptor until its exec, and close alone leaves the lock held through that copy.
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// The pid the current holder wrote into the lock file, for the error message.
    private static func holder(of fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 63, 0) }
        guard count > 0 else { return "unknown pid" }
        return String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
