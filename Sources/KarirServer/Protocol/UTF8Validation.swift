/// Whether the bytes are valid UTF-8.
func isValidUTF8<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid: continue
        case .emptyInput: return true
        case .error: return false
        }
    }
}
