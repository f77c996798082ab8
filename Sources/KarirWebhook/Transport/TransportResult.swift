/// An HTTP response as far as delivery cares.
struct TransportResponse: Sendable, Equatable {
    var status: Int
    /// Headers of the final response, names lower-cased.
    var headers: [String: String]
    /// The first bytes of the response body, for error messages.
    var bodyPrefix: String
}

/// A request that got no HTTP response.
struct TransportFailure: Error, Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// The whole-request timeout ran out.
        case timeout
        /// DNS, refused or reset connection, TLS handshake: the endpoint was not reached.
        case connection
        /// Anything else libcurl reports.
        case other
    }

    var kind: Kind
    /// libcurl's `CURLcode`.
    var code: Int
    var message: String
}
