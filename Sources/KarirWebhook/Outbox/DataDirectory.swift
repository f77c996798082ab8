import Foundation

/// The folder where the outbox and other state live (`--data-dir`, default ``defaultPath``).
public enum DataDirectory {
    /// Used when no `--data-dir` is given: `./data`, relative to the working directory.
    public static let defaultPath = "data"

    /// Creates the directory (and parents) if missing.
    static func create(_ path: String) throws(OutboxError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .cannotCreateDataDirectory(path: path, reason: "a file with that name exists")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDataDirectory(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    static func file(_ name: String, in directory: String) -> String {
        (directory as NSString).appendingPathComponent(name)
    }
}
