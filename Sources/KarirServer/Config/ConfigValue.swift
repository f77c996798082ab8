import NIOCore

/// Parsing of the value forms used in configuration: durations, sizes and booleans.
enum ConfigValue {
    /// `500ms`, `30s`, `5m`, `1h`, `2d`, or a plain number of seconds (fractions allowed).
    static func duration(_ text: String) -> TimeAmount? {
        let t = text.lowercased()
        let units: [(String, Double)] = [("ms", 1e6), ("s", 1e9), ("m", 60e9), ("h", 3600e9), ("d", 86400e9)]
        for (suffix, scale) in units where t.hasSuffix(suffix) {
            guard let n = Double(t.dropLast(suffix.count)), n >= 0, n * scale < 1e18 else { return nil }
            return .nanoseconds(Int64(n * scale))
        }
        guard let n = Double(t), n >= 0, n * 1e9 < 1e18 else { return nil }
        return .nanoseconds(Int64(n * 1e9))
    }

    /// `16384`, `16KiB`/`16K`/`16KB`, `1MiB`/`1M`/`1MB` (all binary multiples).
    static func size(_ text: String) -> Int? {
        let t = text.lowercased()
        let units: [(String, Int)] = [("kib", 1024), ("kb", 1024), ("k", 1024), ("mib", 1 << 20), ("mb", 1 << 20), ("m", 1 << 20), ("b", 1)]
        for (suffix, scale) in units where t.hasSuffix(suffix) {
            guard let n = Int(t.dropLast(suffix.count).trimmingSpaces()), n >= 0, n <= Int.max / scale else { return nil }
            return n * scale
        }
        return Int(t)
    }

    /// `true/false`, `yes/no`, `on/off`, `1/0`.
    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "on", "1": true
        case "false", "no", "off", "0": false
        default: nil
        }
    }
}

private extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
