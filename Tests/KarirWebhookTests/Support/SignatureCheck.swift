import Crypto
import Foundation

/// What a receiver does with `Karir-Signature` (the same steps as the Python example in
/// docs/webhooks.md), written independently of the module's signer.
enum SignatureCheck {
    static func verify(header: String?, body: [UInt8], secret: String, now: Date, tolerance: Double = 300) -> Bool {
        guard let header else { return false }
        var timestamp: Int64?
        var candidates: [String] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = Int64(pair[1]) }
            if pair[0] == "v1" { candidates.append(pair[1]) }
        }
        guard let timestamp, abs(now.timeIntervalSince1970 - Double(timestamp)) <= tolerance else { return false }
        let signed = Array("\(timestamp).".utf8) + body
        let expected = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Array(secret.utf8)))
        let expectedHex = expected.map { String(format: "%02x", $0) }.joined()
        // Constant-time comparison of equal-length strings.
        return candidates.contains { candidate in
            candidate.utf8.count == expectedHex.utf8.count
                && zip(candidate.utf8, expectedHex.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
        }
    }
}
