import Crypto

/// Replaces session ids with `SHA-256(salt + ":" + session)` as 32 hex digits, so receivers can
/// group exchanges by session without learning the id the client holds.
struct SessionHasher: Sendable {
    let salt: String

    func hash(_ session: String) -> String {
        let digest = SHA256.hash(data: Array("\(salt):\(session)".utf8))
        return String(Hex.encode(digest).prefix(32))
    }
}
