/// Everything the webhook forwarder needs to know, built from the YAML `webhooks:` section
/// (``load(yamlFile:environment:)``) or from the quick `karir serve` flags
/// (``fromFlags(urls:secret:)``).
public struct WebhookConfiguration: Sendable, Equatable {
    /// Where events go; an event is queued once per endpoint that wants its kind.
    public var endpoints: [EndpointConfiguration]
    /// Delivery threads shared by all endpoints (each blocks in libcurl for one request).
    public var workers: Int
    /// Backoff between attempts.
    public var retry: RetrySettings
    /// Outbox limits and durability.
    public var outbox: OutboxSettings

    /// Defaults: 4 workers, default retry and outbox settings.
    public init(endpoints: [EndpointConfiguration], workers: Int = 4,
                retry: RetrySettings = RetrySettings(), outbox: OutboxSettings = OutboxSettings()) {
        self.endpoints = endpoints
        self.workers = workers
        self.retry = retry
        self.outbox = outbox
    }

    /// The top-level YAML key of the section; error key paths start with it.
    static let root = "webhooks"

    /// Checks every value; the first problem is thrown with the key it concerns.
    /// - Parameter locations: source positions by key path, when the values came from a file.
    public func validate(locations: [String: String] = [:]) throws(WebhookConfigurationError) {
        let root = Self.root
        func at(_ key: String) -> String? { locations[key] }
        func check(_ value: Int, _ range: ClosedRange<Int>, _ key: String) throws(WebhookConfigurationError) {
            guard range.contains(value) else {
                throw .outOfRange(key: key, location: at(key), value: String(value), range: "\(range.lowerBound)...\(range.upperBound)")
            }
        }
        func check(seconds value: Double, _ range: ClosedRange<Double>, _ key: String) throws(WebhookConfigurationError) {
            guard value.isFinite, range.contains(value) else {
                throw .outOfRange(key: key, location: at(key), value: "\(value)s",
                                  range: "\(range.lowerBound)s...\(range.upperBound)s")
            }
        }
        try check(workers, 1...64, "\(root).workers")
        try check(seconds: retry.initialBackoff, 0.01...3600, "\(root).retry.initial_backoff")
        try check(seconds: retry.maxBackoff, retry.initialBackoff...604_800, "\(root).retry.max_backoff")
        try check(seconds: retry.maxRetryAfter, 0...604_800, "\(root).retry.max_retry_after")
        try check(outbox.maxPending, 1...100_000_000, "\(root).outbox.max_pending")
        try check(outbox.maxDead, 0...100_000_000, "\(root).outbox.max_dead")

        guard !endpoints.isEmpty else {
            throw .noEndpoints(key: "\(root).endpoints", location: at("\(root).endpoints"))
        }
        var names: Set<String> = []
        for (index, endpoint) in endpoints.enumerated() {
            let base = "\(root).endpoints[\(index)]"
            try EndpointURL.validate(endpoint.url, key: "\(base).url", location: at("\(base).url"))
            guard !endpoint.name.isEmpty, !endpoint.name.contains(where: \.isNewline) else {
                throw .wrongType(key: "\(base).name", location: at("\(base).name"), expected: "a non-empty single-line text")
            }
            guard names.insert(endpoint.name).inserted else {
                throw .duplicateEndpointName(key: "\(base).name", location: at("\(base).name") ?? at(base), name: endpoint.name)
            }
            guard !endpoint.events.isEmpty else { throw .noEvents(key: "\(base).events", location: at("\(base).events")) }
            try check(seconds: endpoint.timeout, 0.05...300, "\(base).timeout")
            try check(endpoint.maxAttempts, 1...100, "\(base).max_attempts")
            try check(endpoint.maxInFlight, 1...64, "\(base).max_in_flight")
            for header in endpoint.headers {
                try HeaderRules.validate(header, key: "\(base).headers", location: at("\(base).headers"))
            }
            if endpoint.secret?.isEmpty == true {
                throw .wrongType(key: "\(base).secret", location: at("\(base).secret"), expected: "a non-empty text (or leave it out)")
            }
        }
    }
}
