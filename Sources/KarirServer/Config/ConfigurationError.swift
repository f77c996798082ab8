/// A configuration that cannot be used, with where the problem is and what to write instead.
public enum ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `--config` file could not be read.
    case unreadableFile(path: String, reason: String)
    /// The file is not valid YAML.
    case invalidYAML(path: String, line: Int, column: Int, message: String)
    /// The file's top level is not a mapping of `key: value`.
    case notAMapping(path: String)
    /// A key that no setting has.
    case unknownKey(key: String, source: String, suggestion: String?)
    /// A value of the wrong form.
    case invalidValue(key: ConfigKey, value: String, source: String)

    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            "cannot read configuration file \(path): \(reason)"
        case let .invalidYAML(path, line, column, message):
            "\(path):\(line):\(column): invalid YAML: \(message)"
        case let .notAMapping(path):
            "\(path): the configuration must be a mapping of settings, e.g. `port: 7420`"
        case let .unknownKey(key, source, suggestion):
            "\(source): unknown setting \"\(key)\"" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
                + "; settings: " + ConfigKey.allCases.map(\.rawValue).joined(separator: ", ")
        case let .invalidValue(key, value, source):
            "\(source): invalid value \"\(value)\" for \(key.rawValue): expected \(key.expected)"
        }
    }
}
