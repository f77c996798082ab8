import Foundation
import KarirCore

/// Turns a stored event into the bytes one endpoint receives: session hashed with the install
/// salt unless the endpoint asked for raw sessions.
struct PayloadRenderer: Sendable {
    let hasher: SessionHasher

    func body(for event: ChatEvent, rawSession: Bool) -> [UInt8] {
        let payload = WebhookPayload(event: event, session: rawSession ? event.session : hasher.hash(event.session))
        return Self.encode(payload)
    }

    /// Sorted keys so the bytes do not depend on dictionary order; slashes unescaped for readability.
    static func encode<Value: Encodable>(_ value: Value) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail; the fallback keeps this total anyway.
        return (try? Array(encoder.encode(value))) ?? Array("{}".utf8)
    }
}
