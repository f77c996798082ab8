import CCurl

/// libcurl's process-wide initialisation, done once before the first handle is made
/// (`curl_global_init` is not thread-safe; a Swift `static let` runs exactly once).
enum CurlGlobal {
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    static func ensureInitialized() -> Bool { initialized }
}
