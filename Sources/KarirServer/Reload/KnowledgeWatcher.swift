import Foundation
import Logging
import ServiceLifecycle

/// Watches the knowledge and prompt folders and calls `onChange` after files change.
///
/// Polls modification times and sizes every `interval` (portable, and cheap for a few hundred files).
/// A change is reported once the files have stopped changing for one interval, so an editor's
/// save-in-several-steps triggers one reload, not several.
public struct KnowledgeWatcher: Service {
    private let folders: [URL]
    private let interval: Duration
    private let onChange: @Sendable () async -> Void

    public init(folders: [URL], interval: Duration, onChange: @escaping @Sendable () async -> Void) {
        self.folders = folders
        self.interval = interval
        self.onChange = onChange
    }

    /// A fingerprint of every regular file under the folders: path, size and modification time.
    public static func fingerprint(_ folders: [URL]) -> [String: String] {
        var out: [String: String] = [:]
        let manager = FileManager.default
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        let keySet = Set(keys)
        for folder in folders {
            guard let walker = manager.enumerator(at: folder, includingPropertiesForKeys: keys) else { continue }
            for case let url as URL in walker {
                guard let values = try? url.resourceValues(forKeys: keySet), values.isRegularFile == true else { continue }
                let modified = values.contentModificationDate?.timeIntervalSince1970 ?? 0
                out[url.path] = "\(values.fileSize ?? -1)@\(modified)"
            }
        }
        return out
    }

    public func run() async throws {
        var seen = Self.fingerprint(folders)
        var changedAndSettling = false
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            try? await Task.sleep(for: interval)
            let now = Self.fingerprint(folders)
            if now != seen {
                seen = now
                changedAndSettling = true
            } else if changedAndSettling {
                changedAndSettling = false
                await onChange()
            }
        }
    }
}
