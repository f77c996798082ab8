import Foundation

/// Finds the `karir` executable that `swift build` / `swift test` produced.
enum KarirBinary {
    /// Raised when the binary is missing.
    struct Missing: Error, CustomStringConvertible {
        var looked: [String]
        var description: String {
            "karir binary not found (looked in \(looked.joined(separator: ", "))); run `swift build` first."
        }
    }

    /// The package root, from this file's location.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // KarirCLITests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }

    /// The `karir` next to the running test bundle (same build configuration), else `.build/debug/karir`.
    static func url() throws -> URL {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            var folder = executable.deletingLastPathComponent()
            // On Linux the tests run from `<config>/KarirPackageTests.xctest`; on macOS from inside a bundle.
            while folder.path.count > 1, folder.lastPathComponent.hasSuffix(".xctest") || folder.lastPathComponent == "Contents"
                || folder.lastPathComponent == "MacOS" {
                folder = folder.deletingLastPathComponent()
            }
            candidates.append(folder.appendingPathComponent("karir"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/karir"))
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
            return candidate
        }
        throw Missing(looked: candidates.map(\.path))
    }
}
