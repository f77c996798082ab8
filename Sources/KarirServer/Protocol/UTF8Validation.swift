/// Decodes bytes as UTF-8, or returns nil when they are not valid UTF-8 (no replacement characters).
func decodeUTF8Strictly<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid: continue
        case .emptyInput: return String(decoding: bytes, as: UTF8.self)
        case .error: return nil
        }
    }
}
