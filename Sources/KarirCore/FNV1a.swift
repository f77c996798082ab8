/// FNV-1a, 64 bits: a cheap hash of bytes that is the same on every run and machine (Swift's
/// `Hasher` is seeded per process). Used for the training order of examples, the fingerprint of
/// the knowledge files, the spelling index and the byte-level checks on a message.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ byte: UInt8) { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }

    /// The hash of a whole sequence of bytes.
    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var h = FNV1a()
        for b in bytes { h.add(b) }
        return h.value
    }
}
