import Foundation
import Logging
import NIOCore
import Yams

extension ServerConfiguration {
    /// Builds the configuration from defaults, a YAML file, the environment and flags (in rising precedence).
    ///
    /// - Parameters:
    ///   - configFile: path of a YAML file with `key: value` settings (keys as in ``ConfigKey``), or nil.
    ///   - environment: usually `ProcessInfo.processInfo.environment`; only `KARIR_<KEY>` variables are read.
    ///   - flags: values given on the command line, as text.
    ///   - extraKeys: further keys the caller handles itself (accepted in the file and environment and
    ///     returned in ``extras``), so other modules can share the same file.
    /// - Throws: ``ConfigurationError`` naming the file and line, variable or flag at fault.
    public static func resolve(configFile: String?, environment: [String: String], flags: [ConfigKey: String],
                               extraKeys: Set<String> = []) throws(ConfigurationError) -> ServerConfiguration {
        var config = ServerConfiguration()
        if let configFile {
            for entry in try fileEntries(configFile, extraKeys: extraKeys) {
                if let key = ConfigKey(rawValue: entry.key) {
                    try config.set(key, entry.value, source: "\(configFile):\(entry.line)")
                } else if extraKeys.contains(entry.key) {
                    config.extras[entry.key] = entry.value
                } else {
                    throw .unknownKey(key: entry.key, source: "\(configFile):\(entry.line)",
                                      suggestion: closestKey(to: entry.key, among: ConfigKey.allCases.map(\.rawValue) + extraKeys))
                }
            }
        }
        for key in ConfigKey.allCases {
            if let value = environment[key.environmentVariable] {
                try config.set(key, value, source: "environment variable \(key.environmentVariable)")
            }
        }
        for extra in extraKeys.sorted() {
            if let value = environment["KARIR_" + extra.uppercased()] { config.extras[extra] = value }
        }
        for key in ConfigKey.allCases {
            if let value = flags[key] { try config.set(key, value, source: "flag \(key.flag)") }
        }
        return config
    }

    /// Sets one setting from its text form.
    public mutating func set(_ key: ConfigKey, _ text: String, source: String) throws(ConfigurationError) {
        let value = text.trimmingCharacters(in: .whitespaces)
        let bad = ConfigurationError.invalidValue(key: key, value: text, source: source)
        switch key {
        case .host: guard !value.isEmpty else { throw bad }; host = value
        case .metricsHost: guard !value.isEmpty else { throw bad }; metricsHost = value
        case .port: port = try Self.port(value, or: bad)
        case .metricsPort: metricsPort = try Self.port(value, or: bad)
        case .knowledge: guard !value.isEmpty else { throw bad }; knowledge = value
        case .prompts: guard !value.isEmpty else { throw bad }; prompts = value
        case .transcript: transcript = value.isEmpty ? nil : value
        case .adminToken: adminToken = value.isEmpty ? nil : value
        case .transcriptSalt: transcriptSalt = value.isEmpty ? nil : value
        case .maxLineBytes: maxLineBytes = try Self.positive(ConfigValue.size(value), or: bad)
        case .outputBufferBytes: outputBufferBytes = try Self.positive(ConfigValue.size(value), or: bad)
        case .maxConnections: maxConnections = try Self.positive(Int(value), or: bad)
        case .maxSessions: maxSessions = try Self.positive(Int(value), or: bad)
        case .threads:
            guard let n = Int(value), n >= 0 else { throw bad }
            threads = n
        case .idleTimeout: idleTimeout = try Self.duration(value, allowZero: true, or: bad)
        case .writeTimeout: writeTimeout = try Self.duration(value, allowZero: false, or: bad)
        case .sessionTimeout: sessionTimeout = try Self.duration(value, allowZero: false, or: bad)
        case .watchInterval: watchInterval = try Self.duration(value, allowZero: false, or: bad)
        case .shutdownTimeout: shutdownTimeout = try Self.duration(value, allowZero: true, or: bad)
        case .watch:
            guard let flag = ConfigValue.bool(value) else { throw bad }
            watch = flag
        case .logLevel:
            guard let level = Logger.Level(rawValue: value.lowercased()) else { throw bad }
            logLevel = level
        case .logFormat:
            guard let format = LogFormat(rawValue: value.lowercased()) else { throw bad }
            logFormat = format
        }
    }

    private static func port(_ text: String, or error: ConfigurationError) throws(ConfigurationError) -> Int {
        guard let n = Int(text), (0...65535).contains(n) else { throw error }
        return n
    }

    private static func positive(_ n: Int?, or error: ConfigurationError) throws(ConfigurationError) -> Int {
        guard let n, n > 0 else { throw error }
        return n
    }

    private static func duration(_ text: String, allowZero: Bool, or error: ConfigurationError) throws(ConfigurationError) -> TimeAmount {
        guard let amount = ConfigValue.duration(text), amount.nanoseconds > 0 || (allowZero && amount.nanoseconds == 0) else {
            throw error
        }
        return amount
    }

    private struct FileEntry {
        var key: String
        var value: String
        var line: Int
    }

    /// The file's `key: value` settings. A key the caller handles itself may hold a whole
    /// section (`webhooks:` with its endpoints); it is left to that caller, not read here.
    private static func fileEntries(_ path: String, extraKeys: Set<String>) throws(ConfigurationError) -> [FileEntry] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadableFile(path: path, reason: error.localizedDescription)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw .invalidYAML(path: path, line: mark.line, column: mark.column, message: problem)
            default:
                throw .invalidYAML(path: path, line: 0, column: 0, message: "\(error)")
            }
        } catch {
            throw .invalidYAML(path: path, line: 0, column: 0, message: "\(error)")
        }
        guard let root else { return [] }
        guard let mapping = root.mapping else { throw .notAMapping(path: path) }
        var entries: [FileEntry] = []
        for (keyNode, valueNode) in mapping {
            let line = keyNode.mark?.line ?? 0
            guard let key = keyNode.string else { throw .notAMapping(path: path) }
            guard let scalar = valueNode.scalar else {
                if extraKeys.contains(key) { continue }
                throw .invalidValue(key: ConfigKey(rawValue: key) ?? .host, value: "(a list or mapping)", source: "\(path):\(line)")
            }
            // `key:` or `key: null` leaves the default in place.
            if scalar.tag.description == Tag.Name.null.rawValue || (scalar.style == .plain && ["", "~", "null"].contains(scalar.string)) {
                continue
            }
            entries.append(FileEntry(key: key, value: scalar.string, line: line))
        }
        return entries
    }

    private static func closestKey(to key: String, among keys: [String]) -> String? {
        let scored = keys.map { ($0, editDistance(key, $0)) }.min { $0.1 < $1.1 }
        guard let scored, scored.1 <= max(2, key.count / 3) else { return nil }
        return scored.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var row = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
