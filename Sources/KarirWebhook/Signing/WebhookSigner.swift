import Crypto

/// Signs request bodies in the Stripe/GitHub style:
///
///     Karir-Signature: t=1767225600,v1=5257a869e7ec…
///
/// `v1` is the hex HMAC-SHA256, keyed with the endpoint secret, of `"<t>.<raw body>"`. During a
/// secret rotation a second `v1=` made with the previous secret follows. Receivers recompute the
/// HMAC over the exact bytes received, compare in constant time, and reject old `t` values.
public struct WebhookSigner: Sendable {
    /// The header name.
    public static let headerName = "Karir-Signature"

    /// Raw key bytes (`SymmetricKey` is not `Sendable`, so keys are made per signature).
    private let secrets: [[UInt8]]

    /// A signer for `secret`, also signing with `previousSecret` while one is rotated out.
    public init(secret: String, previousSecret: String? = nil) {
        secrets = [secret, previousSecret].compactMap { $0 }.map { Array($0.utf8) }
    }

    /// The header value for `body` sent at `timestamp` (whole seconds since 1970).
    public func signature(timestamp: Int64, body: [UInt8]) -> String {
        var message = Array("\(timestamp).".utf8)
        message.append(contentsOf: body)
        let entries = secrets.map { secret in
            "v1=" + Hex.encode(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        }
        return (["t=\(timestamp)"] + entries).joined(separator: ",")
    }
}
