import Foundation

/// Waits between reconnection attempts: doubling from `initial` up to `maximum`, with ±20 % jitter
/// so that many kiosks do not all knock on a restarted server at the same instant.
struct Backoff: Sendable {
    var initial: Double = 0.2
    var maximum: Double = 5
    var jitter: Double = 0.2

    /// Seconds to wait after `attempt` failed attempts (1-based).
    func delay(afterAttempt attempt: Int) -> Double {
        let exponent = Double(max(0, min(attempt - 1, 30)))
        let base = min(maximum, initial * pow(2, exponent))
        return base * Double.random(in: (1 - jitter)...(1 + jitter))
    }
}
