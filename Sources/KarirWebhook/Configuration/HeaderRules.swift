/// Which extra headers an endpoint may configure.
enum HeaderRules {
    /// Headers Karir sets itself; configuring them would break framing or signing.
    static let reserved: Set<String> = ["content-type", "content-length", "transfer-encoding", "host", "expect", "connection"]

    /// RFC 9110 `tchar`.
    private static let tokenCharacters: Set<Character> = Set("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

    static func validate(_ header: HTTPHeader, key: String, location: String?) throws(WebhookConfigurationError) {
        guard !header.name.isEmpty, header.name.allSatisfy(tokenCharacters.contains) else {
            throw .invalidHeader(key: key, location: location, name: header.name,
                                 reason: "is not a valid header name (letters, digits and - only, no colon)")
        }
        let lower = header.name.lowercased()
        guard !reserved.contains(lower), !lower.hasPrefix("karir-") else {
            throw .invalidHeader(key: key, location: location, name: header.name, reason: "is set by Karir itself; remove it")
        }
        guard !header.value.unicodeScalars.contains(where: { $0.value < 0x20 && $0.value != 0x09 || $0.value == 0x7F }) else {
            throw .invalidHeader(key: key, location: location, name: header.name,
                                 reason: "has a value with a line break or control character; put it on one line")
        }
    }
}
