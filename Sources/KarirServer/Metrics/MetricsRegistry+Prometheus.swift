import Foundation

extension MetricsRegistry {
    /// Every metric in the Prometheus text exposition format (version 0.0.4).
    ///
    /// Labels are sanitized to Prometheus names (`karir.asks` becomes `karir_asks`); timers are
    /// histograms in seconds.
    public func prometheusText() -> String {
        var out = ""
        var typed: Set<String> = []
        for (key, entry) in allEntries() {
            let name = Self.metricName(key.label)
            let labels = key.pairs.map { (Self.metricName($0.0), $0.1) }
            let type = switch entry {
            case .counter, .floatCounter: "counter"
            case .gauge: "gauge"
            case .histogram: "histogram"
            }
            if typed.insert(name).inserted { out += "# TYPE \(name) \(type)\n" }
            switch entry {
            case .counter(let c): out += "\(name)\(Self.render(labels)) \(c.current)\n"
            case .floatCounter(let c): out += "\(name)\(Self.render(labels)) \(Self.number(c.current))\n"
            case .gauge(let g): out += "\(name)\(Self.render(labels)) \(Self.number(g.current))\n"
            case .histogram(let h):
                let s = h.histogram.snapshot()
                var cumulative: UInt64 = 0
                for (i, bound) in s.bounds.enumerated() {
                    cumulative += s.counts[i]
                    out += "\(name)_bucket\(Self.render(labels + [("le", Self.number(bound))])) \(cumulative)\n"
                }
                out += "\(name)_bucket\(Self.render(labels + [("le", "+Inf")])) \(s.count)\n"
                out += "\(name)_sum\(Self.render(labels)) \(Self.number(s.sum))\n"
                out += "\(name)_count\(Self.render(labels)) \(s.count)\n"
            }
        }
        return out
    }

    static func metricName(_ label: String) -> String {
        var out = ""
        for (i, c) in label.unicodeScalars.enumerated() {
            let ok = c == "_" || c == ":" || (c.isASCII && (c.properties.isAlphabetic || (i > 0 && ("0"..."9").contains(c))))
            out.unicodeScalars.append(ok ? c : "_")
        }
        return out.isEmpty ? "_" : out
    }

    static func render(_ labels: [(String, String)]) -> String {
        guard !labels.isEmpty else { return "" }
        let parts = labels.map { name, value in
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            return "\(name)=\"\(escaped)\""
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
