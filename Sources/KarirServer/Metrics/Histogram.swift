import Synchronization

/// A cumulative histogram with fixed upper bounds, as Prometheus expects. Thread-safe.
public final class Histogram: Sendable {
    /// A consistent copy of the histogram's counts.
    public struct Snapshot: Sendable, Equatable {
        /// Upper bounds of the buckets (ascending); the implicit last bucket is +Inf.
        public var bounds: [Double]
        /// Count per bucket (not cumulative); one more entry than `bounds`, for +Inf.
        public var counts: [UInt64]
        public var count: UInt64
        public var sum: Double
        public var max: Double

        /// An estimate of the `q` quantile (0…1) by linear interpolation inside the bucket; 0 when empty.
        public func quantile(_ q: Double) -> Double {
            guard count > 0 else { return 0 }
            let rank = q * Double(count)
            var seen: UInt64 = 0
            for (i, n) in counts.enumerated() {
                let before = seen
                seen += n
                guard Double(seen) >= rank, n > 0 else { continue }
                let lower = i == 0 ? 0 : bounds[i - 1]
                let upper = i < bounds.count ? bounds[i] : max
                let fraction = (rank - Double(before)) / Double(n)
                return Swift.min(max, lower + (upper - lower) * Swift.max(0, Swift.min(1, fraction)))
            }
            return max
        }
    }

    /// Bucket bounds for durations in seconds, from 50 µs to 10 s.
    public static let latencyBounds: [Double] = [
        0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]
    /// Prometheus' default buckets, for values of unknown scale.
    public static let defaultBounds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private let state: Mutex<Snapshot>

    public init(bounds: [Double]) {
        let sorted = bounds.sorted()
        state = Mutex(Snapshot(bounds: sorted, counts: Array(repeating: 0, count: sorted.count + 1), count: 0, sum: 0, max: 0))
    }

    public func observe(_ value: Double) {
        state.withLock { s in
            var i = 0
            while i < s.bounds.count, value > s.bounds[i] { i += 1 }
            s.counts[i] += 1
            s.count += 1
            s.sum += value
            if value > s.max { s.max = value }
        }
    }

    public func snapshot() -> Snapshot {
        state.withLock { $0 }
    }
}
