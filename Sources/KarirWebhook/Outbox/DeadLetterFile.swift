import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `<data-dir>/dead-letter.jsonl`: one JSON object per line for every delivery that died, with
/// the body the endpoint would have received. Append-only; rotate it like any log file.
final class DeadLetterFile: Sendable {
    static let fileName = "dead-letter.jsonl"

    let path: String
    private let descriptor: Mutex<Int32>

    init(directory: String) throws(OutboxError) {
        try DataDirectory.create(directory)
        path = DataDirectory.file(Self.fileName, in: directory)
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .fileFailure(path: path, reason: String(cString: strerror(errno))) }
        descriptor = Mutex(fd)
    }

    deinit {
        descriptor.withLock { _ = close($0) }
    }

    /// Appends one record as a single line (one `write` on an `O_APPEND` file, so lines from
    /// concurrent workers never interleave).
    func append(_ record: DeadLetterRecord) throws(OutboxError) {
        var line = PayloadRenderer.encode(record)
        line.append(UInt8(ascii: "\n"))
        let failure: String? = descriptor.withLock { fd in
            line.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return String(cString: strerror(errno))
                    }
                    offset += written
                }
                return nil
            }
        }
        if let failure { throw .fileFailure(path: path, reason: failure) }
    }
}

/// One line of the dead-letter file.
struct DeadLetterRecord: Encodable {
    var deadAt: String
    var endpoint: String
    var url: String
    var deliveryID: Int64
    var attempts: Int
    var error: String
    /// The body as the endpoint would have received it.
    var event: WebhookPayload

    private enum CodingKeys: String, CodingKey {
        case deadAt = "dead_at", endpoint, url, deliveryID = "delivery_id", attempts, error, event
    }
}
