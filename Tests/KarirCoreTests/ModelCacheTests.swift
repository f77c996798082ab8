import Foundation
import Testing
@testable import KarirCore

/// The model cache on real files: a second load reads what the first wrote and answers the
/// same; a damaged or foreign file, changed knowledge or an unwritable folder only cost a
/// retraining.
@Suite struct ModelCacheTests {
    let questions = ["syarat kartu kuning apa", "biaya pelatihan berapa", "how much is the minimum wage", "resep rendang"]

    /// A cache of models only: compiled knowledge (``SnapshotTests``) would skip the model's file.
    func freshCache() -> ModelCache {
        var cache = ModelCache(directory: FileManager.default.temporaryDirectory.appendingPathComponent("karir-cache-\(UUID().uuidString)"))
        cache.keepsCompiledKnowledge = false
        return cache
    }

    func load(_ cache: ModelCache?, knowledge: URL = Fixture.miniKnowledge) throws -> Engine {
        try Engine.load(knowledge: knowledge, prompts: Fixture.miniPrompts, modelCache: cache)
    }

    func answers(_ engine: Engine) -> [String] {
        questions.map { q in
            let reply = engine.respond(to: q, in: Session())
            return "\(reply.intent ?? "-") \(reply.confidence)"
        }
    }

    func modelFiles(_ cache: ModelCache) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.directory.path)) ?? [])
            .filter { $0.hasPrefix("model-") }.map { cache.directory.appendingPathComponent($0) }
    }

    @Test func aSecondLoadReadsTheModelAndAnswersTheSame() throws {
        let cache = freshCache()
        let first = try load(cache)
        let second = try load(cache)
        let uncached = try load(nil)
        #expect(!first.info.modelFromCache)
        #expect(second.info.modelFromCache)
        #expect(!uncached.info.modelFromCache)
        #expect(modelFiles(cache).count == 1)
        #expect(answers(second) == answers(first))
        #expect(answers(uncached) == answers(first))
    }

    @Test func aDamagedFileIsIgnoredAndReplaced() throws {
        let cache = freshCache()
        let first = try load(cache)
        let file = try #require(modelFiles(cache).first)
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0xFF
        try bytes.write(to: file)
        let damaged = try load(cache)
        #expect(!damaged.info.modelFromCache)
        #expect(answers(damaged) == answers(first))
        #expect(try load(cache).info.modelFromCache)

        try Data(bytes.prefix(40)).write(to: file)
        #expect(!(try load(cache)).info.modelFromCache)
        try Data().write(to: file)
        #expect(!(try load(cache)).info.modelFromCache)
    }

    @Test func changedKnowledgeGetsItsOwnModel() throws {
        let cache = freshCache()
        _ = try load(cache)
        let copy = try Fixture.folder([:])
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixture.miniKnowledge.path) {
            try FileManager.default.copyItem(at: Fixture.miniKnowledge.appendingPathComponent(name), to: copy.appendingPathComponent(name))
        }
        let base = copy.appendingPathComponent("base.yaml")
        let text = try String(contentsOf: base, encoding: .utf8)
        // One more blank line changes nothing the model sees: the same model is read.
        try (text + "\n").write(to: base, atomically: true, encoding: .utf8)
        #expect(try load(cache, knowledge: copy).info.modelFromCache)
        // An extra example changes the training data: a new model is trained and filed.
        let changed = text.replacingOccurrences(of: "[syarat membuat kartu kuning,", with: "[syarat membuat kartu kuning, kartu pencari kerja itu apa sih,")
        #expect(changed != text)
        try changed.write(to: base, atomically: true, encoding: .utf8)
        #expect(!(try load(cache, knowledge: copy)).info.modelFromCache)
        #expect(modelFiles(cache).count == 2)
    }

    @Test func anUnwritableFolderOnlyCostsTraining() throws {
        let blocker = try Fixture.folder(["file": "not a folder"]).appendingPathComponent("file")
        let cache = ModelCache(directory: blocker.appendingPathComponent("cache"))
        let first = try load(cache)
        let second = try load(cache)
        #expect(!first.info.modelFromCache && !second.info.modelFromCache)
        #expect(answers(second) == answers(first))
    }

    @Test func onlyTheNewestFilesAreKept() throws {
        var cache = freshCache()
        cache.keep = 2
        try Fixture.oldCacheFiles(prefix: "model-", count: 4, in: cache.directory)
        _ = try load(cache)
        let names = Set(modelFiles(cache).map(\.lastPathComponent))
        #expect(names.count == 2)
        #expect(names.contains("model-old3.bin"))
        #expect(!names.contains("model-old0.bin"))
    }

    @Test func theStandardPlaceFollowsTheEnvironment() {
        #expect(ModelCache.standard(environment: ["KARIR_CACHE_DIR": "/srv/karir-cache", "HOME": "/home/a"])?.directory.path == "/srv/karir-cache")
        #expect(ModelCache.standard(environment: ["KARIR_CACHE_DIR": "off", "HOME": "/home/a"]) == nil)
        #expect(ModelCache.standard(environment: ["XDG_CACHE_HOME": "/tmp/xdg", "HOME": "/home/a"])?.directory.path == "/tmp/xdg/karir")
        #expect(ModelCache.standard(environment: ["HOME": "/home/a"])?.directory.path == "/home/a/.cache/karir")
        #expect(ModelCache.standard(environment: [:]) == nil)
    }
}
