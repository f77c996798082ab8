/// A problem found in a knowledge or prompt file, with where it is and what to do about it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    /// Path of the file as given to the loader (relative where possible).
    public var file: String
    /// 1-based line and column; 0 when the problem is not at one place.
    public var line: Int
    public var column: Int
    public var message: String
    /// What the person editing the file should do.
    public var hint: String?

    public init(_ severity: Severity, file: String, line: Int = 0, column: Int = 0, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: error: message` followed by an indented hint line.
    public var description: String {
        var out = "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        if let hint { out += "\n    hint: \(hint)" }
        return out
    }
}

/// Loading failed: the knowledge or prompts have errors. Carries every diagnostic found.
public struct LoadFailure: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [Diagnostic]
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var description: String {
        let errs = errors
        let head = "knowledge has \(errs.count) error\(errs.count == 1 ? "" : "s")"
        return ([head] + errs.prefix(20).map(\.description)).joined(separator: "\n")
    }
}
