/// How failed deliveries are spaced out. See the backoff table in docs/webhooks.md.
public struct RetrySettings: Sendable, Equatable {
    /// Delay before the second attempt, in seconds; each later delay doubles.
    public var initialBackoff: Double
    /// Upper bound of one backoff delay, in seconds.
    public var maxBackoff: Double
    /// Upper bound on a `Retry-After` the receiver asks for, in seconds.
    public var maxRetryAfter: Double

    /// Defaults: 2 s initial, 1 h cap, `Retry-After` honoured up to 1 h.
    public init(initialBackoff: Double = 2, maxBackoff: Double = 3600, maxRetryAfter: Double = 3600) {
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
    }
}
