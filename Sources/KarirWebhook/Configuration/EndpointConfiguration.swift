import KarirCore

/// One HTTP endpoint that receives Karir events.
public struct EndpointConfiguration: Sendable, Equatable {
    /// Identifies the endpoint in the outbox, logs and metrics. Defaults to the URL.
    /// Renaming an endpoint orphans its pending rows (see docs/webhooks.md).
    public var name: String
    /// Absolute `http` or `https` URL events are POSTed to.
    public var url: String
    /// The event kinds this endpoint wants; others are never queued for it.
    public var events: Set<ChatEvent.Kind>
    /// HMAC-SHA256 key for the `Karir-Signature` header; nil sends no signature.
    public var secret: String?
    /// The key being rotated out: while set, the header carries a second `v1=` entry made with it.
    public var previousSecret: String?
    /// Whole-request timeout in seconds (connect + send + response).
    public var timeout: Double
    /// Attempts before an event is moved to the dead letters (1 means no retry).
    public var maxAttempts: Int
    /// Requests to this endpoint that may be in flight at once, so that a slow endpoint
    /// cannot occupy every delivery worker.
    public var maxInFlight: Int
    /// Sends the session id as the host knows it instead of a salted hash.
    public var rawSession: Bool
    /// Extra request headers (e.g. `Authorization`), sent in this order.
    public var headers: [HTTPHeader]

    /// Defaults: every event, 10 s timeout, 16 attempts, 2 in flight, hashed sessions.
    public init(name: String? = nil, url: String, events: Set<ChatEvent.Kind> = Set(ChatEvent.Kind.allCases),
                secret: String? = nil, previousSecret: String? = nil, timeout: Double = 10,
                maxAttempts: Int = 16, maxInFlight: Int = 2, rawSession: Bool = false, headers: [HTTPHeader] = []) {
        self.name = name ?? url
        self.url = url
        self.events = events
        self.secret = secret
        self.previousSecret = previousSecret
        self.timeout = timeout
        self.maxAttempts = maxAttempts
        self.maxInFlight = maxInFlight
        self.rawSession = rawSession
        self.headers = headers
    }
}

/// A request header name and value.
public struct HTTPHeader: Sendable, Equatable {
    /// The header name, e.g. `Authorization`.
    public var name: String
    /// The value, on one line.
    public var value: String

    /// A header to send with every request to the endpoint.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
