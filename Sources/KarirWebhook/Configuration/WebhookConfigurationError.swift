/// Why a webhook configuration was refused at start-up.
///
/// Every case names the offending key as a path (`webhooks.endpoints[1].url`), and the
/// source position when the value came from a YAML file, so an operator can go straight
/// to the line and fix it. ``description`` says what to do.
public enum WebhookConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The configuration file could not be read.
    case unreadableFile(path: String, reason: String)
    /// The file is not valid YAML.
    case invalidYAML(location: String, problem: String)
    /// A key the webhook section requires is absent.
    case missingKey(key: String, location: String?)
    /// A key that the webhook section does not know (often a typo).
    case unknownKey(key: String, location: String?, known: [String])
    /// A value has the wrong shape (a list where a mapping is expected, text for a number …).
    case wrongType(key: String, location: String?, expected: String)
    /// An endpoint URL that cannot be used.
    case invalidURL(key: String, location: String?, value: String, reason: String)
    /// An event name that is not one of `message`, `unanswered`, `clarify`, `handoff`, `safety`.
    case unknownEvent(key: String, location: String?, value: String)
    /// A number outside the range the key accepts.
    case outOfRange(key: String, location: String?, value: String, range: String)
    /// A duration that is not a number of seconds or a value such as `500ms`, `10s`, `5m`, `1h`.
    case invalidDuration(key: String, location: String?, value: String)
    /// Two endpoints share a name (names key the outbox rows, so they must be unique).
    case duplicateEndpointName(key: String, location: String?, name: String)
    /// An extra header that is malformed or that Karir sets itself.
    case invalidHeader(key: String, location: String?, name: String, reason: String)
    /// `secret_env` names an environment variable that is not set or empty.
    case missingSecretEnvironment(key: String, location: String?, variable: String)
    /// An endpoint lists no events, so it would never receive anything.
    case noEvents(key: String, location: String?)
    /// The configuration names no endpoint at all.
    case noEndpoints(key: String, location: String?)

    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "cannot read webhook configuration \(path): \(reason). Check the path and its permissions."
        case let .invalidYAML(location, problem):
            return "webhook configuration \(location) is not valid YAML: \(problem). Fix the syntax at that position."
        case let .missingKey(key, location):
            return "\(Self.prefix(location))`\(key)` is required. Add it to the configuration."
        case let .unknownKey(key, location, known):
            var text = "\(Self.prefix(location))unknown key `\(key)`."
            if let leaf = key.split(separator: ".").last.map(String.init),
               let guess = Self.closest(to: leaf, in: known) {
                text += " Did you mean `\(guess)`?"
            }
            return text + " Known keys here: \(known.joined(separator: ", "))."
        case let .wrongType(key, location, expected):
            return "\(Self.prefix(location))`\(key)` must be \(expected)."
        case let .invalidURL(key, location, value, reason):
            return "\(Self.prefix(location))`\(key)` = \"\(value)\" is not a usable webhook URL: \(reason). "
                + "Use an absolute http:// or https:// URL such as https://crm.example.go.id/karir/events."
        case let .unknownEvent(key, location, value):
            let known = ChatEventKinds.names.joined(separator: ", ")
            return "\(Self.prefix(location))`\(key)` has unknown event \"\(value)\". Use some of: \(known)."
        case let .outOfRange(key, location, value, range):
            return "\(Self.prefix(location))`\(key)` = \(value) is out of range. Use a value in \(range)."
        case let .invalidDuration(key, location, value):
            return "\(Self.prefix(location))`\(key)` = \"\(value)\" is not a duration. "
                + "Write seconds (e.g. 10 or 0.5) or a number with a unit: 500ms, 10s, 5m, 1h."
        case let .duplicateEndpointName(key, location, name):
            return "\(Self.prefix(location))`\(key)`: endpoint name \"\(name)\" is used twice. "
                + "Give each endpoint its own `name` (it keys the outbox)."
        case let .invalidHeader(key, location, name, reason):
            return "\(Self.prefix(location))`\(key)`: header \"\(name)\" \(reason)."
        case let .missingSecretEnvironment(key, location, variable):
            return "\(Self.prefix(location))`\(key)` names environment variable \(variable), which is not set or empty. "
                + "Export it before starting Karir, or use `secret` instead."
        case let .noEvents(key, location):
            return "\(Self.prefix(location))`\(key)` is empty, so the endpoint would never receive anything. "
                + "List at least one of: \(ChatEventKinds.names.joined(separator: ", "))."
        case let .noEndpoints(key, location):
            return "\(Self.prefix(location))`\(key)` lists no endpoint. Add one with at least a `url`, "
                + "or leave webhooks out of the configuration."
        }
    }

    private static func prefix(_ location: String?) -> String {
        location.map { "\($0): " } ?? ""
    }

    /// The known key with the smallest edit distance, if it is close enough to be a typo.
    private static func closest(to word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, EditDistance.between(word, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, word.count / 3) else { return nil }
        return best.0
    }
}
