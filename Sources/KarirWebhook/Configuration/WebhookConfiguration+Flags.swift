extension WebhookConfiguration {
    /// The configuration behind `karir serve --webhook URL … --webhook-secret S`: every URL
    /// receives every event kind, signed with `secret` when one is given, with default
    /// timeouts, attempts and limits.
    /// - Throws: ``WebhookConfigurationError`` naming the flag (`--webhook[1]`) for a bad URL.
    public static func fromFlags(urls: [String], secret: String?) throws(WebhookConfigurationError) -> WebhookConfiguration {
        if let secret, secret.isEmpty {
            throw .wrongType(key: "--webhook-secret", location: nil, expected: "a non-empty text (or leave the flag out)")
        }
        var seen: Set<String> = []
        var endpoints: [EndpointConfiguration] = []
        for (index, url) in urls.enumerated() {
            try EndpointURL.validate(url, key: "--webhook[\(index)]", location: nil)
            // The same URL given twice is one endpoint, not two copies of every event.
            guard seen.insert(url).inserted else { continue }
            endpoints.append(EndpointConfiguration(url: url, secret: secret))
        }
        let configuration = WebhookConfiguration(endpoints: endpoints)
        try configuration.validate()
        return configuration
    }
}
