/// Turns terminal input bytes into ``Key``s. UTF-8 aware; keeps incomplete sequences (a multi-byte
/// character or an escape sequence split across reads) until the rest arrives. Unknown control
/// bytes and escape sequences are dropped.
struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    /// Decodes `bytes` (appended to whatever was left over) into keys.
    mutating func feed(_ bytes: [UInt8]) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        var text = ""
        var index = 0
        func flushText() {
            if !text.isEmpty { keys.append(.text(text)); text = "" }
        }
        scan: while index < pending.count {
            let byte = pending[index]
            switch byte {
            case 0x1B:
                guard let (key, length) = escapeSequence(at: index) else { break scan }
                flushText()
                if let key { keys.append(key) }
                index += length
            case 0x20..<0x7F:
                text.append(Character(Unicode.Scalar(byte)))
                index += 1
            case 0x80...:
                guard let (scalar, length) = utf8Scalar(at: index) else { break scan }
                if let scalar, !scalar.properties.generalCategory.isControl { text.unicodeScalars.append(scalar) }
                index += length
            default:
                flushText()
                if let key = Self.controlKey(byte) { keys.append(key) }
                index += 1
            }
        }
        flushText()
        pending.removeFirst(index)
        return keys
    }

    private static func controlKey(_ byte: UInt8) -> Key? {
        switch byte {
        case 0x0D, 0x0A: .enter
        case 0x7F, 0x08: .backspace
        case 0x01: .home
        case 0x05: .end
        case 0x02: .left
        case 0x06: .right
        case 0x10: .up
        case 0x0E: .down
        case 0x15: .killToStart
        case 0x0B: .killToEnd
        case 0x17: .deleteWordBack
        case 0x03: .interrupt
        case 0x04: .controlD
        case 0x0C: .redraw
        default: nil
        }
    }

    /// The key of the escape sequence at `start` (nil key: recognised but ignored) and its length;
    /// nil when the sequence is not complete yet.
    private func escapeSequence(at start: Int) -> (Key?, Int)? {
        guard start + 1 < pending.count else { return nil }
        let introducer = pending[start + 1]
        guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else {
            // ESC followed by a plain key (Alt+key): drop the ESC, keep the key.
            return (nil, 1)
        }
        var end = start + 2
        while end < pending.count, (0x20...0x3F).contains(pending[end]) { end += 1 }
        guard end < pending.count else {
            // Give up on absurdly long sequences rather than waiting forever.
            return end - start > 16 ? (nil, end - start) : nil
        }
        let final = pending[end]
        let parameters = String(decoding: pending[(start + 2)..<end], as: UTF8.self)
        let length = end - start + 1
        switch final {
        case UInt8(ascii: "A"): return (.up, length)
        case UInt8(ascii: "B"): return (.down, length)
        case UInt8(ascii: "C"): return (.right, length)
        case UInt8(ascii: "D"): return (.left, length)
        case UInt8(ascii: "H"): return (.home, length)
        case UInt8(ascii: "F"): return (.end, length)
        case UInt8(ascii: "~"):
            switch parameters {
            case "1", "7": return (.home, length)
            case "4", "8": return (.end, length)
            case "3": return (.delete, length)
            default: return (nil, length)
            }
        default:
            return (nil, length)
        }
    }

    /// The scalar of the UTF-8 sequence at `start` (nil when invalid) and its length; nil when the
    /// sequence is not complete yet.
    private func utf8Scalar(at start: Int) -> (Unicode.Scalar?, Int)? {
        let lead = pending[start]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return (nil, 1)
        }
        guard start + length <= pending.count else { return nil }
        let bytes = pending[start..<(start + length)]
        guard bytes.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else { return (nil, 1) }
        let decoded = String(validating: bytes, as: UTF8.self)
        return (decoded?.unicodeScalars.first, length)
    }
}

extension Unicode.GeneralCategory {
    /// Control and format characters, which never go into the line.
    var isControl: Bool { self == .control || self == .format }
}
