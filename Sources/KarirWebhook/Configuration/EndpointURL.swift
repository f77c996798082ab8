import Foundation

/// Start-up checks for an endpoint URL, so that a typo fails loudly instead of filling the
/// dead letters hours later.
enum EndpointURL {
    static func validate(_ value: String, key: String, location: String?) throws(WebhookConfigurationError) {
        func fail(_ reason: String) -> WebhookConfigurationError {
            .invalidURL(key: key, location: location, value: value, reason: reason)
        }
        guard !value.isEmpty else { throw fail("it is empty") }
        guard !value.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else {
            throw fail("it contains spaces or control characters")
        }
        guard let components = URLComponents(string: value) else { throw fail("it cannot be parsed") }
        guard let scheme = components.scheme?.lowercased() else { throw fail("it has no scheme") }
        guard scheme == "http" || scheme == "https" else { throw fail("scheme \"\(scheme)\" is not supported (only http and https)") }
        guard let host = components.host, !host.isEmpty else { throw fail("it has no host") }
        if let port = components.port, !(1...65535).contains(port) { throw fail("port \(port) is out of range") }
        guard components.fragment == nil else { throw fail("a #fragment is never sent to the server; remove it") }
    }
}
