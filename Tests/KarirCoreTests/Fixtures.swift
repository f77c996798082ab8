import Foundation
@testable import KarirCore

/// Paths of the test fixtures, copied into the test bundle.
enum Fixture {
    static var root: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil) ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }
    static var miniKnowledge: URL { root.appendingPathComponent("mini/knowledge") }
    static var miniPrompts: URL { root.appendingPathComponent("mini/prompts") }
    static var broken: URL { root.appendingPathComponent("broken") }

    /// The mini engine, loaded once.
    static let engine: Engine = {
        do { return try Engine.load(knowledge: miniKnowledge, prompts: miniPrompts) } catch {
            fatalError("mini fixture does not load: \(error)")
        }
    }()

    /// A message read by the mini engine's analyser, with `step` applied to its tokens, as the
    /// surfaces kept and the surfaces left out (for ``Correction`` and ``AskingPreamble``).
    static func split(_ text: String, _ step: ([Token]) -> (kept: [Token], out: [Token])) -> (kept: String, dropped: String) {
        let (kept, out) = step(engine.knowledge.analyzer.analyze(text, sessionLanguage: nil).tokens)
        return (kept.map(\.surface).joined(separator: " "), out.map(\.surface).joined(separator: " "))
    }

    /// The mini knowledge's files (name → content), to extend in a fresh folder.
    static func miniFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        for name in ["base.yaml", "quiz.yaml"] {
            files[name] = try String(contentsOf: miniKnowledge.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    /// Writes `count` small files `<prefix>old0.bin` … into `folder`, each written a second after
    /// the one before (all long ago), for tests of which cache files are kept.
    static func oldCacheFiles(prefix: String, count: Int, in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for k in 0..<count {
            let old = folder.appendingPathComponent("\(prefix)old\(k).bin")
            try Data([1, 2, 3]).write(to: old)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: Double(-1000 + k))], ofItemAtPath: old.path)
        }
    }

    /// A fresh folder holding the given files (name → content).
    static func folder(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("karir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, content) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        return dir
    }
}

/// Runs CPU-heavy synchronous work (a training load of the shipped knowledge) on a thread of its
/// own and waits for it without holding one of the cooperative threads: with two cores there are
/// only two, and every async test of the run (servers, terminals, webhooks) needs them.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 16 << 20
        thread.start()
    }
}
