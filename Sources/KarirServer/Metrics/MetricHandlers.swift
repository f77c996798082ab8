import CoreMetrics
import Synchronization

/// An integer counter for ``MetricsRegistry``.
final class CounterBox: CounterHandler, Sendable {
    private let value = Atomic<Int64>(0)
    func increment(by amount: Int64) { value.add(amount, ordering: .relaxed) }
    func reset() { value.store(0, ordering: .relaxed) }
    var current: Int64 { value.load(ordering: .relaxed) }
}

/// A floating-point counter for ``MetricsRegistry``.
final class FloatCounterBox: FloatingPointCounterHandler, Sendable {
    private let value = Mutex<Double>(0)
    func increment(by amount: Double) { value.withLock { $0 += amount } }
    func reset() { value.withLock { $0 = 0 } }
    var current: Double { value.withLock { $0 } }
}

/// A gauge (swift-metrics `Meter`, or a non-aggregating `Recorder`) for ``MetricsRegistry``.
final class GaugeBox: MeterHandler, RecorderHandler, Sendable {
    private let value = Mutex<Double>(0)
    func set(_ v: Int64) { value.withLock { $0 = Double(v) } }
    func set(_ v: Double) { value.withLock { $0 = v } }
    func increment(by amount: Double) { value.withLock { $0 += amount } }
    func decrement(by amount: Double) { value.withLock { $0 -= amount } }
    func record(_ v: Int64) { set(v) }
    func record(_ v: Double) { set(v) }
    var current: Double { value.withLock { $0 } }
}

/// A histogram (aggregating `Recorder`, or a `Timer` in seconds) for ``MetricsRegistry``.
final class HistogramBox: RecorderHandler, TimerHandler, Sendable {
    let histogram: Histogram
    init(bounds: [Double]) { histogram = Histogram(bounds: bounds) }
    func record(_ v: Int64) { histogram.observe(Double(v)) }
    func record(_ v: Double) { histogram.observe(v) }
    func recordNanoseconds(_ duration: Int64) { histogram.observe(Double(duration) / 1e9) }
}
