import Foundation

/// What a `karir bench` run measured.
public struct LoadResult: Codable, Sendable {
    public var mode: LoadOptions.Mode
    public var connections: Int
    public var depth: Int
    /// Measured seconds.
    public var seconds: Double
    /// Responses received in the measured time.
    public var requests: Int
    /// JSON-RPC error responses among them.
    public var errors: Int
    /// Connections that failed or closed early.
    public var failedConnections: Int
    public var throughput: Double
    public var p50Ms: Double
    public var p90Ms: Double
    public var p99Ms: Double
    public var p999Ms: Double
    public var maxMs: Double

    enum CodingKeys: String, CodingKey {
        case mode, connections, depth, seconds, requests, errors, throughput
        case failedConnections = "failed_connections"
        case p50Ms = "p50_ms", p90Ms = "p90_ms", p99Ms = "p99_ms", p999Ms = "p999_ms", maxMs = "max_ms"
    }

    /// Builds the result from every latency (microseconds) measured.
    init(options: LoadOptions, seconds: Double, latenciesMicros: [UInt32], errors: Int, failedConnections: Int) {
        let sorted = latenciesMicros.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)
            return Double(sorted[max(0, index)]) / 1000
        }
        mode = options.mode
        connections = options.connections
        depth = options.depth
        self.seconds = seconds
        requests = sorted.count
        self.errors = errors
        self.failedConnections = failedConnections
        throughput = seconds > 0 ? Double(sorted.count) / seconds : 0
        p50Ms = percentile(0.5)
        p90Ms = percentile(0.9)
        p99Ms = percentile(0.99)
        p999Ms = percentile(0.999)
        maxMs = Double(sorted.last ?? 0) / 1000
    }

    /// One line for a table: connections, depth, throughput and latency percentiles.
    public var summary: String {
        func f(_ v: Double) -> String { String(format: "%.3f", v) }
        return "conns=\(connections) depth=\(depth) mode=\(mode.rawValue) req/s=\(Int(throughput.rounded())) "
            + "p50=\(f(p50Ms))ms p90=\(f(p90Ms))ms p99=\(f(p99Ms))ms p99.9=\(f(p999Ms))ms max=\(f(maxMs))ms "
            + "requests=\(requests) errors=\(errors) failed_connections=\(failedConnections)"
    }
}
