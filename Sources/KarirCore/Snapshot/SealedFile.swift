import Foundation

/// The framing of every cache file (trained models, compiled knowledge): an 8-byte magic, a
/// format version, a byte-order mark, the payload's length (UInt64), the payload written with a
/// ``SnapshotWriter``, then a ``ContentChecksum`` of all that precedes it. A file that is truncated,
/// corrupted, of another kind, version or byte order is refused before its payload is read.
enum SealedFile {
    static let byteOrderMark: UInt32 = 0x0102_0304
    static let checksumSize = ContentChecksum.size

    /// The sealed bytes of `writer`'s values.
    static func seal(_ writer: SnapshotWriter, magic: [UInt8], version: UInt32) -> Data {
        precondition(magic.count == 8, "a cache file's magic is 8 bytes")
        let payload = writer.finished()
        var data = Data(magic)
        for word in [version, byteOrderMark] { withUnsafeBytes(of: word) { data.append(contentsOf: $0) } }
        withUnsafeBytes(of: UInt64(payload.count)) { data.append(contentsOf: $0) }
        data.append(contentsOf: payload)
        let checksum = data.withUnsafeBytes { ContentChecksum.of($0) }
        withUnsafeBytes(of: checksum) { data.append(contentsOf: $0) }
        return data
    }

    /// Checks the framing of `data` and reads its payload with `read`, which must consume every
    /// byte of it.
    static func open<T>(_ data: Data, magic: [UInt8], version: UInt32,
                        _ read: (inout SnapshotReader) throws(SnapshotError) -> T) throws(SnapshotError) -> T {
        var stages = LoadStages()
        return try open(data, magic: magic, version: version, stages: &stages) { (r: inout SnapshotReader, _: inout LoadStages) throws(SnapshotError) in
            try read(&r)
        }
    }

    /// ``open(_:magic:version:_:)``, marking the checksum and the string table in `stages`.
    static func open<T>(_ data: Data, magic: [UInt8], version: UInt32, stages: inout LoadStages,
                        _ read: (inout SnapshotReader, inout LoadStages) throws(SnapshotError) -> T) throws(SnapshotError) -> T {
        let headerSize = magic.count + 16
        guard data.count >= headerSize + checksumSize else { throw .truncated }
        let result: Result<T, SnapshotError> = data.withUnsafeBytes { raw in
            let body = UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - checksumSize)])
            guard raw.prefix(magic.count).elementsEqual(magic),
                  raw.loadUnaligned(fromByteOffset: magic.count, as: UInt32.self) == version,
                  raw.loadUnaligned(fromByteOffset: magic.count + 4, as: UInt32.self) == byteOrderMark else {
                return .failure(.invalid("header"))
            }
            guard raw.loadUnaligned(fromByteOffset: magic.count + 8, as: UInt64.self) == UInt64(body.count - headerSize) else {
                return .failure(.truncated)
            }
            guard ContentChecksum.of(body) == raw.loadUnaligned(fromByteOffset: raw.count - checksumSize, as: UInt64.self) else {
                return .failure(.invalid("checksum"))
            }
            stages.mark("checksum of the file")
            do throws(SnapshotError) {
                var reader = try SnapshotReader(UnsafeRawBufferPointer(rebasing: body[headerSize...]))
                stages.mark("string table")
                let value = try read(&reader, &stages)
                guard reader.atEnd else { return .failure(.invalid("bytes after the end")) }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
