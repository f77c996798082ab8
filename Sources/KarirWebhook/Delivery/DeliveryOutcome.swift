/// What one attempt means for a delivery.
enum DeliveryOutcome: Equatable, Sendable {
    /// 2xx: done.
    case delivered
    /// Try again later; `retryAfter` when the receiver asked for a delay. `pauseEndpoint` when the
    /// failure concerns the endpoint as a whole (unreachable, overloaded), so its other deliveries wait too.
    case retry(reason: String, retryAfter: Double?, pauseEndpoint: Bool)
    /// The receiver refused this event for good (4xx other than 408, 425, 429; a redirect).
    case reject(reason: String)

    /// Classifies a transport result. Kept free of side effects so the rules are easy to read:
    /// - 2xx delivered;
    /// - 429 and 503 retried, honouring `Retry-After`, and pause the endpoint;
    /// - 408, 425 and other 5xx retried with backoff;
    /// - other 4xx and 3xx rejected at once (moved to the dead letters; replay after fixing);
    /// - timeouts and connection failures retried, pausing the endpoint.
    static func classify(_ result: Result<TransportResponse, TransportFailure>,
                         retryAfter: (String?) -> Double?) -> DeliveryOutcome {
        switch result {
        case let .failure(failure):
            let reason = "\(failure.kind == .timeout ? "timeout" : "transport error") (curl \(failure.code)): \(failure.message)"
            return .retry(reason: reason, retryAfter: nil, pauseEndpoint: failure.kind != .other)
        case let .success(response):
            let status = response.status
            let detail = response.bodyPrefix.isEmpty ? "" : ": " + String(response.bodyPrefix.prefix(200))
            switch status {
            case 200...299:
                return .delivered
            case 429, 503:
                return .retry(reason: "HTTP \(status)\(detail)", retryAfter: retryAfter(response.headers["retry-after"]),
                              pauseEndpoint: true)
            case 408, 425, 500...599:
                return .retry(reason: "HTTP \(status)\(detail)", retryAfter: nil, pauseEndpoint: false)
            case 300...399:
                let target = response.headers["location"].map { " to \($0)" } ?? ""
                return .reject(reason: "HTTP \(status) redirect\(target); configure the final URL")
            default:
                return .reject(reason: "HTTP \(status)\(detail)")
            }
        }
    }
}
