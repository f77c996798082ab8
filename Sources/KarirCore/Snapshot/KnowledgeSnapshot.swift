import Crypto
import Foundation

/// The whole compiled knowledge kept on disk next to the trained models (``ModelCache``), so
/// that loading knowledge that has not changed since the last load reads one file instead of
/// parsing, analysing, numbering and indexing every example again.
///
/// A snapshot is filed under a SHA-256 key of every knowledge and prompt file (path as shown in
/// messages, and content), the snapshot format and the identity of the running executable, so
/// an edited file or another build of Karir never reuses an old one. It is read back whole and
/// checked: a file that is missing, truncated, corrupted (SHA-256 trailer), of another format or
/// inconsistent is ignored and the knowledge is compiled as usual, then filed again. Writing is
/// atomic (temporary name, then rename); the newest ``keep`` snapshots are kept.
enum KnowledgeSnapshot {
    /// Bumped whenever what a snapshot holds changes.
    static let formatVersion: UInt32 = 1
    static let magic = Array("KARIRKS1".utf8)
    static let byteOrderMark: UInt32 = 0x0102_0304
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

    /// The file: magic, format version, byte-order mark, the payload's length (UInt64), the
    /// payload (the compiled knowledge, the prompt texts and the load's warnings), then a SHA-256
    /// of all that precedes it.
    static func encode(_ compiled: CompiledKnowledge, prompts: PromptSet, warnings: [Diagnostic]) -> Data {
        var writer = SnapshotWriter()
        compiled.writeSnapshot(prompts: prompts, to: &writer)
        writer.write(warnings)
        let payload = writer.finished()
        var data = Data(magic)
        for word in [formatVersion, byteOrderMark] { withUnsafeBytes(of: word) { data.append(contentsOf: $0) } }
        withUnsafeBytes(of: UInt64(payload.count)) { data.append(contentsOf: $0) }
        data.append(contentsOf: payload)
        data.append(contentsOf: SHA256.hash(data: data))
        return data
    }

    static func decode(_ data: Data) throws(SnapshotError) -> (CompiledKnowledge, [Diagnostic]) {
        let headerSize = magic.count + 16
        guard data.count >= headerSize + 32 else { throw .truncated }
        let result: Result<(CompiledKnowledge, [Diagnostic]), SnapshotError> = data.withUnsafeBytes { raw in
            let body = UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 32)])
            guard Array(raw.prefix(magic.count)) == magic,
                  raw.loadUnaligned(fromByteOffset: magic.count, as: UInt32.self) == formatVersion,
                  raw.loadUnaligned(fromByteOffset: magic.count + 4, as: UInt32.self) == byteOrderMark else {
                return .failure(.invalid("header"))
            }
            guard raw.loadUnaligned(fromByteOffset: magic.count + 8, as: UInt64.self) == UInt64(body.count - headerSize) else {
                return .failure(.truncated)
            }
            guard SHA256.hash(data: body).elementsEqual(raw[(raw.count - 32)...]) else { return .failure(.invalid("checksum")) }
            do throws(SnapshotError) {
                var reader = try SnapshotReader(UnsafeRawBufferPointer(rebasing: body[headerSize...]))
                let compiled = try CompiledKnowledge.read(snapshot: &reader)
                let warnings: [Diagnostic] = try reader.read()
                guard reader.atEnd else { return .failure(.invalid("bytes after the end")) }
                return .success((compiled, warnings))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

extension ModelCache {
    func snapshotURL(for key: String) -> URL {
        directory.appendingPathComponent("\(KnowledgeSnapshot.prefix)\(key).bin")
    }

    /// The compiled knowledge and its warnings filed under `key`, if a complete and intact
    /// snapshot is there.
    func loadSnapshot(key: String) -> (CompiledKnowledge, [Diagnostic])? {
        // Read, not mapped: a mapped file that someone truncates while it is read would crash
        // the process (SIGBUS); reading costs 1–3 ms more.
        guard let data = try? Data(contentsOf: snapshotURL(for: key)) else { return nil }
        return try? KnowledgeSnapshot.decode(data)
    }

    /// Files a snapshot of the compiled knowledge under `key`. Failures are ignored: the cache
    /// only saves time.
    func storeSnapshot(_ compiled: CompiledKnowledge, prompts: PromptSet, warnings: [Diagnostic], key: String) {
        let data = KnowledgeSnapshot.encode(compiled, prompts: prompts, warnings: warnings)
        storeFile(data, at: snapshotURL(for: key), prefix: KnowledgeSnapshot.prefix, keep: KnowledgeSnapshot.keep)
    }
}
