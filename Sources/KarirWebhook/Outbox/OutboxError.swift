/// Why the outbox (data directory, database, dead-letter file) could not be used.
public enum OutboxError: Error, Sendable, CustomStringConvertible {
    /// The data directory does not exist and could not be created.
    case cannotCreateDataDirectory(path: String, reason: String)
    /// Another Karir process delivers from this data directory.
    case dataDirectoryInUse(path: String, holder: String)
    /// The SQLite database could not be opened or its schema set up.
    case cannotOpenDatabase(path: String, reason: String)
    /// A database operation failed while running.
    case databaseFailure(operation: String, reason: String)
    /// A file in the data directory could not be read or written.
    case fileFailure(path: String, reason: String)
    /// The database was written by a newer Karir.
    case unsupportedSchema(path: String, version: Int)

    public var description: String {
        switch self {
        case let .cannotCreateDataDirectory(path, reason):
            return "cannot create data directory \(path): \(reason). Create it or pass a writable --data-dir."
        case let .dataDirectoryInUse(path, holder):
            return "data directory \(path) is in use by another Karir process (\(holder)). "
                + "Stop that process, or give this one its own --data-dir."
        case let .cannotOpenDatabase(path, reason):
            return "cannot open outbox database \(path): \(reason). Check free disk space and permissions; "
                + "if the file is damaged, move it aside (pending events in it will then not be sent)."
        case let .databaseFailure(operation, reason):
            return "outbox \(operation) failed: \(reason). Check free disk space and permissions of the data directory."
        case let .fileFailure(path, reason):
            return "cannot use \(path): \(reason). Check free disk space and permissions of the data directory."
        case let .unsupportedSchema(path, version):
            return "outbox database \(path) has schema version \(version) or later, newer than this Karir understands. "
                + "Run the newer Karir, or point --data-dir elsewhere."
        }
    }
}
