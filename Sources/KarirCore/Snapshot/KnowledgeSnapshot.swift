import Crypto
import Foundation

/// The whole compiled knowledge kept on disk next to the trained models (``ModelCache``), so
/// that loading knowledge that has not changed since the last load reads one file instead of
/// parsing, analysing, numbering and indexing every example again.
///
/// A snapshot is filed under a SHA-256 key of every knowledge and prompt file (path as shown in
/// messages, and content), the snapshot format and the identity of the running executable, so
/// an edited file or another build of Karir never reuses an old one. It is read back whole and
/// checked: a file that is missing, truncated, corrupted (checksum trailer), of another format or
/// inconsistent is ignored and the knowledge is compiled as usual, then filed again. Writing is
/// atomic (temporary name, then rename); the newest ``keep`` snapshots are kept.
enum KnowledgeSnapshot {
    /// Bumped whenever what a snapshot holds changes.
    static let formatVersion: UInt32 = 12 // 12: intent `audience`, `employer_words`, `audience_boost`; 7: checksum trailer, measured language layer; 8: `calculate`; 9: `referrals`; 10: topic `menu`; 11: `abroad_note`, `abroad_words`
    static let magic = Array("KARIRKS1".utf8)
    static let keep = 4
    static let prefix = "knowledge-"

    /// The key of a knowledge and prompt folder as they are now, or nil when a file cannot be
    /// read (the load then reports it).
    static func key(knowledge: URL, prompts: URL) -> String? {
        var hasher = SHA256()
        var header: [UInt64] = [UInt64(formatVersion), UInt64(OwnerRanges.maxExamples)]
        header += ModelCache.executableIdentity()
        header.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        let folders = [KnowledgeLoader.yamlFiles(in: knowledge, skipping: KnowledgeLoader.skippedFolders),
                       KnowledgeLoader.yamlFiles(in: prompts, skipping: [])]
        for files in folders {
            hasher.update(data: Data("folder \(files.count)\n".utf8))
            for url in files {
                guard let data = try? Data(contentsOf: url) else { return nil }
                hasher.update(data: Data("\(KnowledgeLoader.displayPath(url))\n\(data.count)\n".utf8))
                hasher.update(data: data)
            }
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The file (``SealedFile``): the compiled knowledge, the prompt texts and the load's
    /// warnings.
    static func encode(_ compiled: CompiledKnowledge, prompts: PromptSet, warnings: [Diagnostic]) -> Data {
        var writer = SnapshotWriter()
        compiled.writeSnapshot(prompts: prompts, to: &writer)
        writer.write(warnings)
        return SealedFile.seal(writer, magic: magic, version: formatVersion)
    }

    /// The compiled knowledge and warnings of a snapshot file, marking the checksum and each part
    /// read in `stages`.
    static func decode(_ data: Data, stages: inout LoadStages) throws(SnapshotError) -> (CompiledKnowledge, [Diagnostic]) {
        try SealedFile.open(data, magic: magic, version: formatVersion, stages: &stages) { (r: inout SnapshotReader, marks: inout LoadStages) throws(SnapshotError) in
            let compiled = try CompiledKnowledge.read(snapshot: &r, stages: &marks)
            let warnings: [Diagnostic] = try r.read()
            return (compiled, warnings)
        }
    }
}

extension ModelCache {
    func snapshotURL(for key: String) -> URL {
        directory.appendingPathComponent("\(KnowledgeSnapshot.prefix)\(key).bin")
    }

    /// The compiled knowledge and its warnings filed under `key`, if a complete and intact
    /// snapshot is there.
    /// Marks the file's reading and each part decoded in `stages`.
    func loadSnapshot(key: String, stages: inout LoadStages) -> (CompiledKnowledge, [Diagnostic])? {
        // Read, not mapped: a mapped file that someone truncates while it is read would crash
        // the process (SIGBUS); reading costs 1–3 ms more.
        guard let data = try? Data(contentsOf: snapshotURL(for: key)) else { return nil }
        stages.mark("reading the compiled knowledge file")
        return try? KnowledgeSnapshot.decode(data, stages: &stages)
    }

    /// Files a snapshot of the compiled knowledge under `key`. Failures are ignored: the cache
    /// only saves time.
    func storeSnapshot(_ compiled: CompiledKnowledge, prompts: PromptSet, warnings: [Diagnostic], key: String) {
        let data = KnowledgeSnapshot.encode(compiled, prompts: prompts, warnings: warnings)
        storeFile(data, at: snapshotURL(for: key), prefix: KnowledgeSnapshot.prefix, keep: KnowledgeSnapshot.keep)
    }
}
