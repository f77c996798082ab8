import CoreMetrics
import Synchronization

/// A swift-metrics backend that keeps every metric in memory and renders it as Prometheus text
/// (see ``prometheusText()``) or reads single values back (for the `stats` method).
///
/// Pass it as `factory:` when creating metrics, or bootstrap `MetricsSystem` with it so that
/// libraries' metrics are exported too. Thread-safe.
public final class MetricsRegistry: MetricsFactory, Sendable {
    /// A metric's identity: its label and sorted dimensions.
    struct Key: Hashable, Sendable, Comparable {
        var label: String
        var dimensions: [String]

        init(_ label: String, _ dimensions: [(String, String)]) {
            self.label = label
            self.dimensions = dimensions.sorted { $0.0 < $1.0 }.flatMap { [$0.0, $0.1] }
        }

        var pairs: [(String, String)] {
            stride(from: 0, to: dimensions.count - 1, by: 2).map { (dimensions[$0], dimensions[$0 + 1]) }
        }

        static func < (a: Key, b: Key) -> Bool {
            a.label != b.label ? a.label < b.label : a.dimensions.lexicographicallyPrecedes(b.dimensions)
        }
    }

    enum Entry: Sendable {
        case counter(CounterBox)
        case floatCounter(FloatCounterBox)
        case gauge(GaugeBox)
        case histogram(HistogramBox)
    }

    private let entries = Mutex<[Key: Entry]>([:])

    public init() {}

    // MARK: MetricsFactory

    public func makeCounter(label: String, dimensions: [(String, String)]) -> CounterHandler {
        lookup(label, dimensions) { .counter(CounterBox()) }.asCounter ?? CounterBox()
    }

    public func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> FloatingPointCounterHandler {
        lookup(label, dimensions) { .floatCounter(FloatCounterBox()) }.asFloatCounter ?? FloatCounterBox()
    }

    public func makeMeter(label: String, dimensions: [(String, String)]) -> MeterHandler {
        lookup(label, dimensions) { .gauge(GaugeBox()) }.asGauge ?? GaugeBox()
    }

    public func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> RecorderHandler {
        if aggregate {
            let bounds = Histogram.defaultBounds
            return lookup(label, dimensions) { .histogram(HistogramBox(bounds: bounds)) }.asHistogram ?? HistogramBox(bounds: bounds)
        }
        return lookup(label, dimensions) { .gauge(GaugeBox()) }.asGauge ?? GaugeBox()
    }

    public func makeTimer(label: String, dimensions: [(String, String)]) -> TimerHandler {
        let bounds = Histogram.latencyBounds
        return lookup(label, dimensions) { .histogram(HistogramBox(bounds: bounds)) }.asHistogram ?? HistogramBox(bounds: bounds)
    }

    public func destroyCounter(_ handler: CounterHandler) { remove(handler) }
    public func destroyMeter(_ handler: MeterHandler) { remove(handler) }
    public func destroyFloatingPointCounter(_ handler: FloatingPointCounterHandler) { remove(handler) }
    public func destroyRecorder(_ handler: RecorderHandler) { remove(handler) }
    public func destroyTimer(_ handler: TimerHandler) { remove(handler) }

    // MARK: Reading

    /// The value of a counter (integer or floating point) or gauge; 0 when it does not exist.
    public func value(_ label: String, _ dimensions: [(String, String)] = []) -> Double {
        switch entries.withLock({ $0[Key(label, dimensions)] }) {
        case .counter(let c)?: Double(c.current)
        case .floatCounter(let c)?: c.current
        case .gauge(let g)?: g.current
        case .histogram(let h)?: Double(h.histogram.snapshot().count)
        case nil: 0
        }
    }

    /// The snapshot of a histogram (timer or aggregating recorder), if it exists.
    public func histogram(_ label: String, _ dimensions: [(String, String)] = []) -> Histogram.Snapshot? {
        if case .histogram(let h)? = entries.withLock({ $0[Key(label, dimensions)] }) { return h.histogram.snapshot() }
        return nil
    }

    /// Values of a counter or gauge for every value of one dimension (e.g. asks per `topic`).
    public func values(_ label: String, by dimension: String) -> [String: Double] {
        let matching = entries.withLock { entries in entries.filter { $0.key.label == label } }
        var out: [String: Double] = [:]
        for (key, entry) in matching {
            guard let value = key.pairs.first(where: { $0.0 == dimension })?.1 else { continue }
            switch entry {
            case .counter(let c): out[value, default: 0] += Double(c.current)
            case .floatCounter(let c): out[value, default: 0] += c.current
            case .gauge(let g): out[value, default: 0] += g.current
            case .histogram: break
            }
        }
        return out
    }

    func allEntries() -> [(Key, Entry)] {
        entries.withLock { $0.map { ($0.key, $0.value) } }.sorted { $0.0 < $1.0 }
    }

    // MARK: Private

    private func lookup(_ label: String, _ dimensions: [(String, String)], make: () -> Entry) -> Entry {
        let key = Key(label, dimensions)
        return entries.withLock { entries in
            if let existing = entries[key] { return existing }
            let entry = make()
            entries[key] = entry
            return entry
        }
    }

    private func remove(_ handler: AnyObject) {
        entries.withLock { entries in
            if let key = entries.first(where: { $0.value.object === handler })?.key { entries.removeValue(forKey: key) }
        }
    }
}

extension MetricsRegistry.Entry {
    var object: AnyObject {
        switch self {
        case .counter(let c): c
        case .floatCounter(let c): c
        case .gauge(let g): g
        case .histogram(let h): h
        }
    }

    var asCounter: CounterBox? { if case .counter(let c) = self { c } else { nil } }
    var asFloatCounter: FloatCounterBox? { if case .floatCounter(let c) = self { c } else { nil } }
    var asGauge: GaugeBox? { if case .gauge(let g) = self { g } else { nil } }
    var asHistogram: HistogramBox? { if case .histogram(let h) = self { h } else { nil } }
}
