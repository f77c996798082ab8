import Foundation
import Testing
@testable import KarirCore

/// The compiled knowledge kept in the cache (``KnowledgeSnapshot``), on real files: a second load
/// of unchanged knowledge reads it and answers exactly as a compiled load does (every reply with
/// its trace, alone and in one conversation); a damaged, truncated or foreign file, or changed
/// knowledge, only costs a compile.
@Suite struct SnapshotTests {
    static let questions = [
        "syarat kartu kuning apa", "brapa biaya kartu kunig", "gmn daftar pelatihan blk", "ump jawa tengah berapa", "kalau jawa timur?",
        "what do i need for the yellow card", "is blk training free", "biayanya berapa?", "halo kak", "aku pengen mati aja",
        "bingung mau kerja apa", "resep nasi goreng", "how to train my dog", "", "kartu kuning dan pelatihan blk biayanya berapa",
        "minimum wage bali and east java", "1", "tes minat", "ya", "tidak",
    ]

    func freshCache() -> ModelCache {
        ModelCache(directory: FileManager.default.temporaryDirectory.appendingPathComponent("karir-snapshot-\(UUID().uuidString)"))
    }

    func load(_ cache: ModelCache?, knowledge: URL = Fixture.miniKnowledge, prompts: URL = Fixture.miniPrompts) throws -> Engine {
        try Engine.load(knowledge: knowledge, prompts: prompts, modelCache: cache)
    }

    func snapshotFiles(_ cache: ModelCache) -> [URL] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.directory.path)) ?? [])
            .filter { $0.hasPrefix(KnowledgeSnapshot.prefix) }.map { cache.directory.appendingPathComponent($0) }
    }

    /// Every reply with its trace: each question alone, then all of them in one conversation.
    static func replies(_ engine: Engine, _ questions: [String]) -> [Reply] {
        var out = questions.map { engine.respond(to: $0, in: Session(), explain: true) }
        var session = Session()
        for q in questions {
            let reply = engine.respond(to: q, in: session, explain: true)
            session = reply.session
            out.append(reply)
        }
        return out
    }

    /// Records the first few replies that differ (question, then both intents and rules), not
    /// the whole lists.
    static func expectSame(_ got: [Reply], _ expected: [Reply], _ questions: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(got.count == expected.count, sourceLocation: sourceLocation)
        let asked = questions + questions
        let differing = zip(got, expected).enumerated().filter { $0.element.0 != $0.element.1 }
        for (i, (a, b)) in differing.prefix(5) {
            Issue.record("reply \(i) to \"\(asked[i])\" differs: \(a.intent ?? "-") \(a.confidence) \(a.trace?.rule ?? "") against \(b.intent ?? "-") \(b.confidence) \(b.trace?.rule ?? "")",
                         sourceLocation: sourceLocation)
        }
        let count = differing.count
        #expect(count == 0, "replies differ", sourceLocation: sourceLocation)
    }

    @Test func aSecondLoadReadsTheCompiledKnowledgeAndAnswersAlike() throws {
        let cache = freshCache()
        let first = try load(cache)
        let second = try load(cache)
        let uncached = try load(nil)
        #expect(!first.info.compiledFromCache && second.info.compiledFromCache && !uncached.info.compiledFromCache)
        #expect(second.info.modelFromCache)
        #expect(snapshotFiles(cache).count == 1)
        Self.expectSame(Self.replies(second, Self.questions), Self.replies(first, Self.questions), Self.questions)
        Self.expectSame(Self.replies(second, Self.questions), Self.replies(uncached, Self.questions), Self.questions)
        #expect(second.warnings == first.warnings)
        #expect(second.info.knowledgeHash == first.info.knowledgeHash && second.info.examples == first.info.examples)
        for key in PromptSet.required { #expect(second.prompt(key, .en) == first.prompt(key, .en)) }
    }

    /// The shipped knowledge uses every part of the format (tables, flows, entities within
    /// provinces, patterns, negative examples, out-of-scope questions): the development set's
    /// questions get the same replies and traces from a snapshot as from a compiled load.
    @Test func theShippedKnowledgeAnswersAlikeFromASnapshot() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let knowledge = root.appendingPathComponent("knowledge"), prompts = root.appendingPathComponent("prompts")
        let dev = try String(contentsOf: knowledge.appendingPathComponent("eval/dev.tsv"), encoding: .utf8)
        let questions = dev.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").first.map(String.init) }
        #expect(questions.count > 300)
        let cache = freshCache()
        // Training on the shipped knowledge takes seconds in a debug build: on a thread of its
        // own, not one of the few that every async test shares.
        let (compiled, read) = try await onOwnThread {
            let compiled = try Engine.load(knowledge: knowledge, prompts: prompts, modelCache: cache)
            let read = try Engine.load(knowledge: knowledge, prompts: prompts, modelCache: cache)
            return ((compiled.info, Self.replies(compiled, questions)), (read.info, Self.replies(read, questions)))
        }
        #expect(!compiled.0.compiledFromCache && read.0.compiledFromCache)
        Self.expectSame(read.1, compiled.1, questions)
    }

    @Test func aDamagedOrTruncatedFileIsIgnoredAndReplaced() throws {
        let cache = freshCache()
        let first = try load(cache)
        let file = try #require(snapshotFiles(cache).first)
        let intact = try Data(contentsOf: file)
        for damage in [{ (d: inout Data) in d[d.count / 2] ^= 0xFF }, { d in d = d.prefix(d.count - 100) },
                       { d in d = d.prefix(20) }, { d in d = Data() }, { d in d[0] = UInt8(ascii: "X") }] {
            var bytes = intact
            damage(&bytes)
            try bytes.write(to: file)
            let reloaded = try load(cache)
            #expect(!reloaded.info.compiledFromCache)
            Self.expectSame(Self.replies(reloaded, Self.questions), Self.replies(first, Self.questions), Self.questions)
            // The compiled load filed an intact snapshot again.
            #expect(try load(cache).info.compiledFromCache)
        }
    }

    @Test func anUnwritableFolderOnlyCostsCompiling() throws {
        let blocker = try Fixture.folder(["file": "not a folder"]).appendingPathComponent("file")
        let cache = ModelCache(directory: blocker.appendingPathComponent("cache"))
        let first = try load(cache), second = try load(cache)
        #expect(!first.info.compiledFromCache && !second.info.compiledFromCache)
        Self.expectSame(Self.replies(second, Self.questions), Self.replies(first, Self.questions), Self.questions)
    }

    @Test func changedFilesAreCompiledAgain() throws {
        let cache = freshCache()
        _ = try load(cache)
        let copy = try Fixture.folder(try Fixture.miniFiles())
        // The same files elsewhere: their paths appear in messages, so they get their own snapshot.
        #expect(!(try load(cache, knowledge: copy)).info.compiledFromCache)
        #expect(try load(cache, knowledge: copy).info.compiledFromCache)
        let base = copy.appendingPathComponent("base.yaml")
        let text = try String(contentsOf: base, encoding: .utf8)
        try (text + "\n# a comment\n").write(to: base, atomically: true, encoding: .utf8)
        let edited = try load(cache, knowledge: copy)
        #expect(!edited.info.compiledFromCache)
        #expect(edited.info.modelFromCache)
        #expect(snapshotFiles(cache).count == 3)
        // A new file counts too.
        try "lexicon:\n  gawe: kerja\n".write(to: copy.appendingPathComponent("more.yaml"), atomically: true, encoding: .utf8)
        #expect(!(try load(cache, knowledge: copy)).info.compiledFromCache)
    }

    @Test func snapshotsCanBeTurnedOffAndOnlyTheNewestAreKept() throws {
        var modelsOnly = freshCache()
        modelsOnly.keepsCompiledKnowledge = false
        _ = try load(modelsOnly)
        #expect(!(try load(modelsOnly)).info.compiledFromCache)
        #expect(snapshotFiles(modelsOnly).isEmpty)

        let cache = freshCache()
        try Fixture.oldCacheFiles(prefix: KnowledgeSnapshot.prefix, count: 6, in: cache.directory)
        _ = try load(cache)
        let names = Set(snapshotFiles(cache).map(\.lastPathComponent))
        #expect(names.count == KnowledgeSnapshot.keep)
        #expect(names.contains("\(KnowledgeSnapshot.prefix)old5.bin"))
        #expect(!names.contains("\(KnowledgeSnapshot.prefix)old0.bin"))
    }

    @Test func valuesComeBackExactly() throws {
        var w = SnapshotWriter()
        let numbers: [Int32] = [0, -1, .max, .min], floats: [Float] = [0.1, -.infinity, .leastNonzeroMagnitude]
        let map: [String: [String]] = ["a": ["x", "y"], "ä": [], "": ["a"]]
        let optional: String? = nil, text = "kerja 💼 ünïcode"
        w.write(numbers); w.write(floats); w.write(map); w.write(optional); w.write(text); w.write(true); w.write(Set<Int64>([1, 5]))
        w.write(Language.en); w.write(42)
        let bytes = w.finished()
        try bytes.withUnsafeBytes { raw in
            var r = try SnapshotReader(raw)
            #expect(try r.read([Int32].self) == numbers)
            #expect(try r.read([Float].self) == floats)
            #expect(try r.read([String: [String]].self) == map)
            #expect(try r.read(String?.self) == nil)
            #expect(try r.read(String.self) == text)
            #expect(try r.read(Bool.self))
            #expect(try r.read(Set<Int64>.self) == [1, 5])
            #expect(try r.read(Language.self) == .en)
            #expect(try r.read(Int.self) == 42)
            #expect(r.atEnd)
            #expect(throws: SnapshotError.truncated) { try r.read(Int32.self) }
        }
        // A count larger than the data left is refused before anything is allocated.
        var huge = SnapshotWriter()
        huge.writePlain(UInt32.max)
        try huge.finished().withUnsafeBytes { raw in
            var r = try SnapshotReader(raw)
            #expect(throws: SnapshotError.truncated) { try r.read([Int64].self) }
        }
    }

    @Test func aMeasuredValueCanBeSkippedAndReadOnAnotherReader() throws {
        var w = SnapshotWriter()
        w.write("before"); w.writeMeasured(["a": [Int32(1), 2]] as [String: [Int32]]); w.write(Int32(7))
        let bytes = w.finished()
        try bytes.withUnsafeBytes { raw in
            var r = try SnapshotReader(raw)
            #expect(try r.read(String.self) == "before")
            var (length, after) = try r.skipMeasured()
            let start = r.position
            #expect(try r.read([String: [Int32]].self) == ["a": [1, 2]])
            #expect(r.position == start + length)
            #expect(try after.read(Int32.self) == 7)
            #expect(after.atEnd)
        }
        // A length past the end is refused.
        var bad = SnapshotWriter()
        bad.writePlain(UInt64(1_000))
        try bad.finished().withUnsafeBytes { raw in
            var r = try SnapshotReader(raw)
            #expect(throws: SnapshotError.truncated) { _ = try r.skipMeasured() }
        }
    }

    @Test func theChecksumSeesEveryByteAndTheLength() {
        let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let sum = bytes.withUnsafeBytes { ContentChecksum.of($0) }
        #expect(sum == bytes.withUnsafeBytes { ContentChecksum.of($0) })
        var sums: Set<UInt64> = [sum]
        // Every single flipped bit, in the 32-byte blocks and in the tail, changes the sum.
        for i in [0, 5, 31, 32, 500, 991, 999] {
            for bit in 0..<8 {
                var changed = bytes
                changed[i] ^= UInt8(1 << bit)
                sums.insert(changed.withUnsafeBytes { ContentChecksum.of($0) })
            }
        }
        #expect(sums.count == 1 + 7 * 8)
        // Zeros of different lengths differ too.
        let zeros = Set((0..<70).map { n in [UInt8](repeating: 0, count: n).withUnsafeBytes { ContentChecksum.of($0) } })
        #expect(zeros.count == 70)
    }

    @Test func bothRunsTwoPiecesOfWorkAndKeepsTheirResults() {
        let (a, b) = Parallel.both({ (1...1_000).reduce(0, +) }, { String(repeating: "x", count: 3) })
        #expect(a == 500_500 && b == "xxx")
    }
}
