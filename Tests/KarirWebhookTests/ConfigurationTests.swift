import Foundation
import KarirCore
import Testing
@testable import KarirWebhook

@Suite struct ConfigurationTests {
    static let fullExample = """
        server:
          port: 7070            # another part of Karir: ignored here
        webhooks:
          workers: 3
          retry:
            initial_backoff: 500ms
            max_backoff: 10m
            max_retry_after: 1h
          outbox:
            max_pending: 5000
            max_dead: 200
            durability: full
            wait_for_commit: true
          endpoints:
            - name: counsellor-desk
              url: https://desk.disnaker.example.go.id/karir/hook
              events: [handoff, safety]
              secret_env: DESK_SECRET
              timeout: 5s
              max_attempts: 10
              max_in_flight: 1
              headers:
                Authorization: Bearer abc123
                X-Office: Bandung
            - url: http://127.0.0.1:9000/crm
              events: all
              secret: crm-secret
              raw_session: true
        """

    @Test func parsesTheFullExample() throws {
        let configuration = try WebhookConfiguration.parse(yaml: Self.fullExample, environment: ["DESK_SECRET": "s3cret"])
        #expect(configuration.workers == 3)
        #expect(configuration.retry == RetrySettings(initialBackoff: 0.5, maxBackoff: 600, maxRetryAfter: 3600))
        #expect(configuration.outbox == OutboxSettings(maxPending: 5000, maxDead: 200, durability: .full, waitForCommit: true))
        #expect(configuration.endpoints.count == 2)
        let desk = configuration.endpoints[0]
        #expect(desk.name == "counsellor-desk")
        #expect(desk.events == [.handoff, .safety])
        #expect(desk.secret == "s3cret")
        #expect(desk.timeout == 5)
        #expect(desk.maxAttempts == 10)
        #expect(desk.maxInFlight == 1)
        #expect(desk.headers == [HTTPHeader(name: "Authorization", value: "Bearer abc123"),
                                 HTTPHeader(name: "X-Office", value: "Bandung")])
        let crm = configuration.endpoints[1]
        #expect(crm.name == "http://127.0.0.1:9000/crm")
        #expect(crm.events == Set(ChatEvent.Kind.allCases))
        #expect(crm.rawSession)
        #expect(crm.maxAttempts == 16)
    }

    @Test func unknownKeyNamesLineAndSuggestsTheRightKey() {
        let yaml = """
            webhooks:
              endpoints:
                - url: https://crm.example.go.id/hook
                  max_attempt: 3
            """
        let error = #expect(throws: WebhookConfigurationError.self) {
            try WebhookConfiguration.parse(yaml: yaml, source: "karir.yaml", environment: [:])
        }
        let text = error?.description ?? ""
        #expect(text.contains("karir.yaml:4:7"))
        #expect(text.contains("webhooks.endpoints[0].max_attempt"))
        #expect(text.contains("Did you mean `max_attempts`?"))
    }

    @Test(arguments: [
        ("ftp://files.example.go.id/hook", "scheme \"ftp\" is not supported"),
        ("https://", "no host"),
        ("crm.example.go.id/hook", "no scheme"),
        ("https://crm.example.go.id/ho ok", "spaces"),
        ("http://crm.example.go.id/hook#top", "fragment"),
    ])
    func badURLsAreRefusedWithTheKey(url: String, reason: String) {
        let yaml = "webhooks:\n  endpoints:\n    - url: \"\(url)\"\n"
        let error = #expect(throws: WebhookConfigurationError.self) {
            try WebhookConfiguration.parse(yaml: yaml, source: "k.yaml", environment: [:])
        }
        let text = error?.description ?? ""
        #expect(text.contains("webhooks.endpoints[0].url"), "\(text)")
        #expect(text.contains("k.yaml:3:12"), "\(text)")
        #expect(text.contains(reason), "\(text)")
    }

    @Test func unknownEventIsRefusedListingTheKnownOnes() {
        let yaml = "webhooks:\n  endpoints:\n    - url: https://a.example/h\n      events: [message, handof]\n"
        let error = #expect(throws: WebhookConfigurationError.self) {
            try WebhookConfiguration.parse(yaml: yaml, environment: [:])
        }
        #expect(error == .unknownEvent(key: "webhooks.endpoints[0].events", location: "<yaml>:4:25", value: "handof"))
        #expect(error?.description.contains("message, unanswered, clarify, handoff, safety") == true)
    }

    @Test(arguments: [
        ("workers: 0", "webhooks.workers"),
        ("workers: many", "webhooks.workers"),
        ("retry: {initial_backoff: soon}", "webhooks.retry.initial_backoff"),
        ("outbox: {max_pending: -1}", "webhooks.outbox.max_pending"),
        ("outbox: {durability: paranoid}", "webhooks.outbox.durability"),
    ])
    func badNumbersNameTheirKey(line: String, key: String) {
        let yaml = "webhooks:\n  \(line)\n  endpoints:\n    - url: https://a.example/h\n"
        let error = #expect(throws: WebhookConfigurationError.self) {
            try WebhookConfiguration.parse(yaml: yaml, environment: [:])
        }
        #expect(error?.description.contains(key) == true, "\(error?.description ?? "")")
    }

    @Test func endpointNumbersAreChecked() {
        for (line, key) in [("timeout: 0", "timeout"), ("max_attempts: 0", "max_attempts"), ("max_in_flight: 100", "max_in_flight")] {
            let yaml = "webhooks:\n  endpoints:\n    - url: https://a.example/h\n      \(line)\n"
            let error = #expect(throws: WebhookConfigurationError.self) {
                try WebhookConfiguration.parse(yaml: yaml, environment: [:])
            }
            #expect(error?.description.contains("webhooks.endpoints[0].\(key)") == true, "\(error?.description ?? "")")
            #expect(error?.description.contains("<yaml>:4:") == true, "\(error?.description ?? "")")
        }
    }

    @Test func missingSecretEnvironmentVariableIsNamed() {
        let yaml = "webhooks:\n  endpoints:\n    - url: https://a.example/h\n      secret_env: NOPE_SECRET\n"
        let error = #expect(throws: WebhookConfigurationError.self) {
            try WebhookConfiguration.parse(yaml: yaml, environment: [:])
        }
        #expect(error?.description.contains("NOPE_SECRET") == true)
    }

    @Test func reservedAndMalformedHeadersAreRefused() {
        for header in ["Content-Type: text/plain", "Karir-Signature: x", "\"Bad Header\": x"] {
            let yaml = "webhooks:\n  endpoints:\n    - url: https://a.example/h\n      headers:\n        \(header)\n"
            #expect(throws: WebhookConfigurationError.self) {
                try WebhookConfiguration.parse(yaml: yaml, environment: [:])
            }
        }
    }

    @Test func duplicateNamesAndMissingPiecesAreRefused() {
        let duplicate = "webhooks:\n  endpoints:\n    - url: https://a.example/h\n    - url: https://a.example/h\n"
        #expect(throws: WebhookConfigurationError.self) { try WebhookConfiguration.parse(yaml: duplicate, environment: [:]) }
        let noURL = "webhooks:\n  endpoints:\n    - name: x\n"
        #expect(throws: WebhookConfigurationError.missingKey(key: "webhooks.endpoints[0].url", location: "<yaml>:3:7")) {
            try WebhookConfiguration.parse(yaml: noURL, environment: [:])
        }
        #expect(throws: WebhookConfigurationError.missingKey(key: "webhooks", location: "<yaml>")) {
            try WebhookConfiguration.parse(yaml: "server: {}\n", environment: [:])
        }
        #expect(throws: WebhookConfigurationError.noEndpoints(key: "webhooks.endpoints", location: "<yaml>:2:14")) {
            try WebhookConfiguration.parse(yaml: "webhooks:\n  endpoints: []\n", environment: [:])
        }
    }

    @Test func invalidYAMLReportsThePosition() {
        let error = #expect(throws: WebhookConfigurationError.self) {
            try WebhookConfiguration.parse(yaml: "webhooks:\n  endpoints: [\n", source: "bad.yaml", environment: [:])
        }
        guard case let .invalidYAML(location, _)? = error else {
            Issue.record("expected invalidYAML, got \(String(describing: error))")
            return
        }
        #expect(location.hasPrefix("bad.yaml:"))
    }

    @Test func unreadableFileSaysWhich() {
        let error = #expect(throws: WebhookConfigurationError.self) {
            try WebhookConfiguration.load(yamlFile: "/nonexistent/karir.yaml", environment: [:])
        }
        #expect(error?.description.contains("/nonexistent/karir.yaml") == true)
    }

    @Test func quickFlagsBuildOneEndpointPerURL() throws {
        let configuration = try WebhookConfiguration.fromFlags(
            urls: ["https://a.example/h", "http://127.0.0.1:8080/x", "https://a.example/h"], secret: "k")
        #expect(configuration.endpoints.map(\.url) == ["https://a.example/h", "http://127.0.0.1:8080/x"])
        #expect(configuration.endpoints.allSatisfy { $0.secret == "k" && $0.events.count == 5 })
    }

    @Test func quickFlagsNameTheBadFlag() {
        let error = #expect(throws: WebhookConfigurationError.self) {
            try WebhookConfiguration.fromFlags(urls: ["https://a.example/h", "localhost:8080"], secret: nil)
        }
        #expect(error?.description.contains("--webhook[1]") == true)
        #expect(throws: WebhookConfigurationError.self) { try WebhookConfiguration.fromFlags(urls: ["https://a.example"], secret: "") }
    }

    @Test func durationsAcceptUnits() {
        #expect(DurationText.seconds("500ms") == 0.5)
        #expect(DurationText.seconds("10s") == 10)
        #expect(DurationText.seconds("5m") == 300)
        #expect(DurationText.seconds("1h") == 3600)
        #expect(DurationText.seconds("2.5") == 2.5)
        #expect(DurationText.seconds("-1s") == nil)
        #expect(DurationText.seconds("soon") == nil)
    }
}
