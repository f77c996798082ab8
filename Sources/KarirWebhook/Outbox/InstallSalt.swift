import Crypto
import Foundation

/// The per-install secret mixed into session hashes (`<data-dir>/install-salt`), created on
/// first start. Keeping it makes a session's hash stable across restarts; deleting it makes new
/// hashes unlinkable to old ones.
enum InstallSalt {
    static let fileName = "install-salt"

    static func load(directory: String) throws(OutboxError) -> String {
        try DataDirectory.create(directory)
        let path = DataDirectory.file(fileName, in: directory)
        if let existing = try? String(contentsOfFile: path, encoding: .utf8) {
            let salt = existing.trimmingCharacters(in: .whitespacesAndNewlines)
            if salt.count >= 32 { return salt }
        }
        let salt = SymmetricKey(size: .bits256).withUnsafeBytes { Hex.encode($0) }
        do {
            // Atomic: a crash never leaves a half-written salt behind.
            try (salt + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .fileFailure(path: path, reason: (error as NSError).localizedDescription)
        }
        return salt
    }
}
