/// A compact binary form for the compiled knowledge (see ``KnowledgeSnapshot``): values are
/// written one after the other in a fixed order that only the matching reader knows, strings
/// once each in a table (the same word occurs in many tables), and arrays of plain numbers as
/// raw bytes. Native byte order; the snapshot's header says which.

/// Why a snapshot could not be read. A snapshot is only a cache: any of these means "compile the
/// knowledge instead".
enum SnapshotError: Error, Equatable, CustomStringConvertible {
    /// The data ended before the value did.
    case truncated
    /// A value that no writer produces (an unknown enum case, a string number past the table).
    case invalid(String)

    var description: String {
        switch self {
        case .truncated: "the snapshot ends too early"
        case .invalid(let what): "the snapshot holds an invalid value: \(what)"
        }
    }
}

/// Collects a snapshot's values. ``finished()`` gives the string table followed by the values.
struct SnapshotWriter {
    private var body: [UInt8] = []
    private var stringNumbers: [String: UInt32] = [:]
    private var strings: [String] = []

    init() { body.reserveCapacity(1 << 20) }

    mutating func writePlain<T: BitwiseCopyable>(_ value: T) {
        withUnsafeBytes(of: value) { body.append(contentsOf: $0) }
    }

    mutating func writeCount(_ count: Int) { writePlain(UInt32(count)) }

    mutating func writePlainArray<T: BitwiseCopyable>(_ values: [T]) {
        writeCount(values.count)
        values.withUnsafeBytes { body.append(contentsOf: $0) }
    }

    mutating func write(_ string: String) {
        if let n = stringNumbers[string] { writePlain(n); return }
        let n = UInt32(strings.count)
        stringNumbers[string] = n
        strings.append(string)
        writePlain(n)
    }

    mutating func write<T: SnapshotCodable>(_ value: T) { value.write(to: &self) }

    /// Writes `value` after its length in bytes, so that a reader can skip it
    /// (``SnapshotReader/skipMeasured()``) and read what follows on another thread.
    mutating func writeMeasured<T: SnapshotCodable>(_ value: T) {
        let at = body.count
        writePlain(UInt64(0))
        value.write(to: &self)
        let length = UInt64(body.count - at - 8)
        withUnsafeBytes(of: length) { bytes in
            for (i, byte) in bytes.enumerated() { body[at + i] = byte }
        }
    }

    /// The string table (count, then each string's byte count and UTF-8 bytes), then the values.
    func finished() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + strings.count * 12)
        withUnsafeBytes(of: UInt32(strings.count)) { out.append(contentsOf: $0) }
        for s in strings {
            withUnsafeBytes(of: UInt32(s.utf8.count)) { out.append(contentsOf: $0) }
            out.append(contentsOf: s.utf8)
        }
        out.append(contentsOf: body)
        return out
    }
}

/// Reads what a ``SnapshotWriter`` wrote, checking every length against the data left.
struct SnapshotReader {
    private let bytes: UnsafeRawBufferPointer
    private var offset = 0
    private var strings: [String] = []

    /// Reads the string table; the values follow. `bytes` must outlive the reader.
    init(_ bytes: UnsafeRawBufferPointer) throws(SnapshotError) {
        self.bytes = bytes
        let count = try readCount(minimumSize: 4)
        strings.reserveCapacity(count)
        for _ in 0..<count {
            let length = try readCount(minimumSize: 1)
            let start = offset
            offset += length
            strings.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self))
        }
    }

    /// Whether every byte was read (a snapshot with bytes left over was not written by this
    /// reader's writer).
    var atEnd: Bool { offset == bytes.count }

    mutating func readPlain<T: BitwiseCopyable>(_: T.Type = T.self) throws(SnapshotError) -> T {
        let size = MemoryLayout<T>.size
        guard bytes.count - offset >= size else { throw .truncated }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return value
    }

    /// A count, checked against the bytes left (each counted item takes at least
    /// `minimumSize` bytes), so that a damaged count never asks for a huge allocation.
    mutating func readCount(minimumSize: Int) throws(SnapshotError) -> Int {
        let count = Int(try readPlain(UInt32.self))
        guard count * max(minimumSize, 0) <= bytes.count - offset else { throw .truncated }
        return count
    }

    mutating func readPlainArray<T: BitwiseCopyable>(_: T.Type = T.self) throws(SnapshotError) -> [T] {
        let size = MemoryLayout<T>.stride
        let count = try readCount(minimumSize: size)
        let start = offset
        offset += count * size
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[start..<start + count * size]))
            initialized = count
        }
    }

    /// The length of a value written with ``SnapshotWriter/writeMeasured(_:)``, and a reader
    /// placed after it: `self` reads the value, the returned reader what follows.
    mutating func skipMeasured() throws(SnapshotError) -> (length: Int, after: SnapshotReader) {
        let length = Int(try readPlain(UInt64.self))
        guard length <= bytes.count - offset else { throw .truncated }
        var after = self
        after.offset += length
        return (length, after)
    }

    /// Where the next value starts, in bytes.
    var position: Int { offset }

    mutating func readString() throws(SnapshotError) -> String {
        let n = Int(try readPlain(UInt32.self))
        guard n < strings.count else { throw .invalid("string number \(n) of \(strings.count)") }
        return strings[n]
    }

    mutating func read<T: SnapshotCodable>(_: T.Type = T.self) throws(SnapshotError) -> T {
        try T(from: &self)
    }
}

/// A value that can be written into a snapshot and read back exactly.
protocol SnapshotCodable {
    func write(to writer: inout SnapshotWriter)
    init(from reader: inout SnapshotReader) throws(SnapshotError)
    /// Arrays of this type; plain numbers override these to copy raw bytes.
    static func writeArray(_ values: [Self], to writer: inout SnapshotWriter)
    static func readArray(from reader: inout SnapshotReader) throws(SnapshotError) -> [Self]
}

extension SnapshotCodable {
    static func writeArray(_ values: [Self], to writer: inout SnapshotWriter) {
        writer.writeCount(values.count)
        for v in values { v.write(to: &writer) }
    }

    static func readArray(from reader: inout SnapshotReader) throws(SnapshotError) -> [Self] {
        let count = try reader.readCount(minimumSize: 1)
        var out: [Self] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try Self(from: &reader)) }
        return out
    }
}

/// Fixed-size numbers, written as their bytes.
protocol SnapshotPlain: SnapshotCodable, BitwiseCopyable {}

extension SnapshotPlain {
    func write(to writer: inout SnapshotWriter) { writer.writePlain(self) }
    init(from reader: inout SnapshotReader) throws(SnapshotError) { self = try reader.readPlain() }
    static func writeArray(_ values: [Self], to writer: inout SnapshotWriter) { writer.writePlainArray(values) }
    static func readArray(from reader: inout SnapshotReader) throws(SnapshotError) -> [Self] { try reader.readPlainArray() }
}

extension Int32: SnapshotPlain {}
extension Int16: SnapshotPlain {}
extension Int64: SnapshotPlain {}
extension UInt64: SnapshotPlain {}
extension UInt32: SnapshotPlain {}
extension Float: SnapshotPlain {}
extension Double: SnapshotPlain {}

extension Int: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) { writer.writePlain(Int64(self)) }
    init(from reader: inout SnapshotReader) throws(SnapshotError) { self = Int(try reader.readPlain(Int64.self)) }
}

extension Bool: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) { writer.writePlain(UInt8(self ? 1 : 0)) }
    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        switch try reader.readPlain(UInt8.self) {
        case 0: self = false
        case 1: self = true
        case let other: throw .invalid("boolean \(other)")
        }
    }
}

extension String: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) { writer.write(self) }
    init(from reader: inout SnapshotReader) throws(SnapshotError) { self = try reader.readString() }
}

extension Optional: SnapshotCodable where Wrapped: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        switch self {
        case .none: writer.writePlain(UInt8(0))
        case .some(let value): writer.writePlain(UInt8(1)); value.write(to: &writer)
        }
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        switch try reader.readPlain(UInt8.self) {
        case 0: self = .none
        case 1: self = .some(try Wrapped(from: &reader))
        case let other: throw .invalid("optional marker \(other)")
        }
    }
}

extension Array: SnapshotCodable where Element: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) { Element.writeArray(self, to: &writer) }
    init(from reader: inout SnapshotReader) throws(SnapshotError) { self = try Element.readArray(from: &reader) }
}

extension Set: SnapshotCodable where Element: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) { Array(self).write(to: &writer) }
    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        let members = try [Element](from: &reader)
        self.init(minimumCapacity: members.count)
        for m in members { insert(m) }
    }
}

extension Dictionary: SnapshotCodable where Key: SnapshotCodable, Value: SnapshotCodable {
    func write(to writer: inout SnapshotWriter) {
        writer.writeCount(count)
        for (k, v) in self { k.write(to: &writer); v.write(to: &writer) }
    }

    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        let count = try reader.readCount(minimumSize: 2)
        self.init(minimumCapacity: count)
        for _ in 0..<count {
            let key = try Key(from: &reader)
            self[key] = try Value(from: &reader)
        }
    }
}

/// Enums stored by their raw text.
protocol SnapshotRawText: SnapshotCodable, RawRepresentable where RawValue == String {}

extension SnapshotRawText {
    func write(to writer: inout SnapshotWriter) { writer.write(rawValue) }
    init(from reader: inout SnapshotReader) throws(SnapshotError) {
        let raw = try reader.readString()
        guard let value = Self(rawValue: raw) else { throw .invalid("\(Self.self) `\(raw)`") }
        self = value
    }
}

extension Language: SnapshotRawText {}
