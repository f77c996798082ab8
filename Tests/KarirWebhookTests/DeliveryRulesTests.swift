import Foundation
import Testing
@testable import KarirWebhook

/// The pure rules: status classification, backoff, Retry-After parsing.
@Suite struct DeliveryRulesTests {
    private func response(_ status: Int, _ headers: [String: String] = [:]) -> Result<TransportResponse, TransportFailure> {
        .success(TransportResponse(status: status, headers: headers, bodyPrefix: ""))
    }

    private func classify(_ result: Result<TransportResponse, TransportFailure>) -> DeliveryOutcome {
        DeliveryOutcome.classify(result) { RetryAfter.seconds($0, now: Date()) }
    }

    @Test func statusCodesMapToOutcomes() {
        #expect(classify(response(200)) == .delivered)
        #expect(classify(response(204)) == .delivered)
        #expect(classify(response(500)) == .retry(reason: "HTTP 500", retryAfter: nil, pauseEndpoint: false))
        #expect(classify(response(408)) == .retry(reason: "HTTP 408", retryAfter: nil, pauseEndpoint: false))
        #expect(classify(response(429, ["retry-after": "7"])) == .retry(reason: "HTTP 429", retryAfter: 7, pauseEndpoint: true))
        #expect(classify(response(503)) == .retry(reason: "HTTP 503", retryAfter: nil, pauseEndpoint: true))
        #expect(classify(response(404)) == .reject(reason: "HTTP 404"))
        #expect(classify(response(301, ["location": "https://new.example/h"]))
            == .reject(reason: "HTTP 301 redirect to https://new.example/h; configure the final URL"))
    }

    @Test func transportFailuresAreRetried() {
        let timeout = classify(.failure(TransportFailure(kind: .timeout, code: 28, message: "Operation timed out")))
        #expect(timeout == .retry(reason: "timeout (curl 28): Operation timed out", retryAfter: nil, pauseEndpoint: true))
        let other = classify(.failure(TransportFailure(kind: .other, code: 2, message: "x")))
        #expect(other == .retry(reason: "transport error (curl 2): x", retryAfter: nil, pauseEndpoint: false))
    }

    @Test func backoffDoublesUpToTheCap() {
        let backoff = Backoff(settings: RetrySettings(initialBackoff: 2, maxBackoff: 60, maxRetryAfter: 30))
        #expect((1...7).map { backoff.delay(afterAttempt: $0, retryAfter: nil, jitter: 1) } == [2, 4, 8, 16, 32, 60, 60])
        #expect(backoff.delay(afterAttempt: 3, retryAfter: nil, jitter: 0.5) == 4)
        #expect(backoff.delay(afterAttempt: 1, retryAfter: 10, jitter: 1) == 10)
        #expect(backoff.delay(afterAttempt: 1, retryAfter: 3600, jitter: 1) == 30, "Retry-After is capped")
        #expect(backoff.delay(afterAttempt: 1000, retryAfter: nil, jitter: 1) == 60)
        let jittered = (0..<100).map { _ in backoff.delay(afterAttempt: 2, retryAfter: nil) }
        #expect(jittered.allSatisfy { (2...4).contains($0) })
        #expect(Set(jittered).count > 1)
    }

    @Test func retryAfterReadsSecondsAndDates() {
        let now = Date(timeIntervalSince1970: 1_445_412_480) // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(RetryAfter.seconds("120", now: now) == 120)
        #expect(RetryAfter.seconds("Wed, 21 Oct 2015 07:29:00 GMT", now: now) == 60)
        #expect(RetryAfter.seconds("Wed, 21 Oct 2015 07:00:00 GMT", now: now) == 0)
        #expect(RetryAfter.seconds("-5", now: now) == nil)
        #expect(RetryAfter.seconds("soon", now: now) == nil)
        #expect(RetryAfter.seconds(nil, now: now) == nil)
    }
}
