import Crypto
import Foundation

/// Trained models kept on disk, so that loading knowledge that has not changed since the last
/// load skips training (about two thirds of a load).
///
/// A model is filed under a SHA-256 key of everything its training reads: every example's
/// vector and intent, the training order keys, the training settings, a format version and the
/// identity of the running executable (its size and modification time), so that an edited
/// example, another build of Karir or a changed training rule never reuses an old model. A file
/// that is missing, truncated, corrupted or of another format is ignored and the model is
/// trained again; a cache that cannot be written is skipped. Files are written to a temporary
/// name and renamed, so concurrent loads never read half a file; the newest ``keep`` files are
/// kept.
///
/// The same folder also keeps whole compiled knowledge bases (``KnowledgeSnapshot``,
/// `knowledge-….bin`): knowledge whose files have not changed then loads without being parsed or
/// compiled at all.
public struct ModelCache: Sendable {
    /// Where the model and compiled-knowledge files live.
    public let directory: URL
    /// How many model files to keep (the most recently written).
    public var keep: Int = 8
    /// Whether whole compiled knowledge bases are kept as well (``KnowledgeSnapshot``), so that
    /// unchanged knowledge loads without being parsed and compiled again. Off: only models.
    public var keepsCompiledKnowledge = true

    public init(directory: URL) {
        self.directory = directory
    }

    /// The cache the command-line tools use: `KARIR_CACHE_DIR` when set (`off` turns the cache
    /// off), otherwise `$XDG_CACHE_HOME/karir` or `~/.cache/karir`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ModelCache? {
        if let dir = environment["KARIR_CACHE_DIR"], !dir.isEmpty {
            return dir == "off" ? nil : ModelCache(directory: URL(fileURLWithPath: dir))
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return ModelCache(directory: URL(fileURLWithPath: xdg).appendingPathComponent("karir"))
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return ModelCache(directory: URL(fileURLWithPath: home).appendingPathComponent(".cache/karir"))
    }

    /// Bumped whenever training changes in a way the key cannot see.
    static let formatVersion: UInt32 = 3
    static let magic = Array("KARIRMOD".utf8)

    /// The key of a training run: hex SHA-256 of its inputs and settings.
    static func key(examples: [(owner: Int32, vector: [(Int32, Float)])], keys: [UInt64], features: Int, classes: Int,
                    settings: [Int]) -> String {
        var hasher = SHA256()
        var header: [UInt64] = [UInt64(formatVersion), UInt64(features), UInt64(classes), UInt64(examples.count)]
        header += settings.map { UInt64(bitPattern: Int64($0)) }
        header += executableIdentity()
        header.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        keys.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        var buffer: [UInt32] = []
        for (owner, vector) in examples {
            buffer.removeAll(keepingCapacity: true)
            buffer.append(UInt32(bitPattern: owner))
            buffer.append(UInt32(vector.count))
            for (id, value) in vector {
                buffer.append(UInt32(bitPattern: id))
                buffer.append(value.bitPattern)
            }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// Size and modification time of the running executable: another build never reads a model
    /// an earlier build wrote.
    static func executableIdentity() -> [UInt64] {
        guard let path = Bundle.main.executablePath,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return [0, 0] }
        let size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return [size, UInt64(max(0, modified * 1000))]
    }

    func url(for key: String) -> URL {
        directory.appendingPathComponent("model-\(key).bin")
    }

    /// The model filed under `key`, if a complete and intact file for this feature and intent
    /// count is there.
    func load(key: String, features: Int, classes: Int) -> PostingLists? {
        guard let data = try? Data(contentsOf: url(for: key)) else { return nil }
        return Self.decode(data, features: features, classes: classes)
    }

    /// Files the model under `key`. Failures (read-only disk, no home folder) are ignored: the
    /// cache only saves time.
    func store(_ model: PostingLists, classes: Int, key: String) {
        storeFile(Self.encode(model, classes: classes), at: url(for: key), prefix: "model-", keep: keep)
    }

    /// Writes `data` to `url` through a temporary file and a rename (concurrent loads never read
    /// half a file), then removes all but the `keep` most recently written files whose names
    /// start with `prefix`. Failures are ignored.
    func storeFile(_ data: Data, at url: URL, prefix: String, keep: Int) {
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: directory, withIntermediateDirectories: true)
            let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0...UInt64.max)).tmp")
            try data.write(to: temporary)
            if rename(temporary.path, url.path) != 0 { try? fm.removeItem(at: temporary) }
        } catch {
            return
        }
        evictOld(prefix: prefix, keep: keep)
    }

    /// Removes all but the `keep` most recently written `prefix…bin` files.
    private func evictOld(prefix: String, keep: Int) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return }
        let files = names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".bin") }.map { directory.appendingPathComponent($0) }
        guard files.count > keep else { return }
        let dated = files.map { url in
            (url, ((try? fm.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date) ?? .distantPast)
        }
        for (url, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(keep) { try? fm.removeItem(at: url) }
    }

    /// The file (``SealedFile``): feature and intent counts, then the lists.
    static func encode(_ model: PostingLists, classes: Int) -> Data {
        var writer = SnapshotWriter()
        writer.write(model.start.count - 1)
        writer.write(classes)
        writer.write(model)
        return SealedFile.seal(writer, magic: magic, version: formatVersion)
    }

    static func decode(_ data: Data, features: Int, classes: Int) -> PostingLists? {
        try? SealedFile.open(data, magic: magic, version: formatVersion) { (r: inout SnapshotReader) throws(SnapshotError) in
            let f: Int = try r.read(), c: Int = try r.read(), model: PostingLists = try r.read()
            guard f == features, c == classes, model.start.count == f + 1, model.documents(below: c) else {
                throw .invalid("model of another shape")
            }
            return model
        }
    }
}
