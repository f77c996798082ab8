import Foundation

/// Exponential backoff with jitter.
///
/// The delay after failed attempt *n* (1-based) is `min(max, initial × 2^(n-1))`, then scaled by
/// a random factor in [0.5, 1.0] ("equal jitter") so that many deliveries failing together
/// do not retry in lock-step. A `Retry-After` from a 429 or 503 replaces the computed delay
/// (capped at `maxRetryAfter`).
struct Backoff: Sendable {
    let settings: RetrySettings

    /// The delay, in seconds, before the attempt that follows failed attempt number `attempt`.
    func delay(afterAttempt attempt: Int, retryAfter: Double?, jitter: Double = Double.random(in: 0.5...1.0)) -> Double {
        if let retryAfter { return min(retryAfter, settings.maxRetryAfter) }
        let exponent = Double(min(max(attempt - 1, 0), 62))
        return min(settings.maxBackoff, settings.initialBackoff * pow(2, exponent)) * jitter
    }
}
