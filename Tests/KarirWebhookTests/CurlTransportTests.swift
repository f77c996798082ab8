import Foundation
import Testing
@testable import KarirWebhook

/// libcurl against the loopback receiver, without the outbox.
@Suite struct CurlTransportTests {
    @Test func postsTheBodyAndReadsStatusAndHeaders() throws {
        let receiver = try TestReceiver { _ in .init(status: 503, headers: [("Retry-After", "42")], body: "busy") }
        defer { receiver.stop() }
        let transport = try CurlTransport()
        // Over 1 KiB: libcurl would wait for `100 Continue` if it sent `Expect`.
        let body = Array(String(repeating: "x", count: 4096).utf8)
        let result = transport.post(url: receiver.url, body: body, headers: ["X-Office: Bandung"], timeout: 5)
        guard case let .success(response) = result else {
            Issue.record("expected a response, got \(result)")
            return
        }
        #expect(response.status == 503)
        #expect(response.headers["retry-after"] == "42")
        #expect(response.bodyPrefix == "busy")
        let request = try #require(receiver.requests.first)
        #expect(request.body == body)
        #expect(request.headers["x-office"] == "Bandung")
        #expect(request.headers["expect"] == nil)
        #expect(request.headers["user-agent"] == "Karir-Webhook/1")
    }

    @Test func reusesOneHandleForManyRequests() throws {
        let receiver = try TestReceiver()
        defer { receiver.stop() }
        let transport = try CurlTransport()
        for number in 0..<20 {
            let result = transport.post(url: receiver.url, body: Array("{\"n\":\(number)}".utf8), headers: [], timeout: 5)
            #expect((try? result.get().status) == 200)
        }
        #expect(receiver.requests.map { String(decoding: $0.body, as: UTF8.self) } == (0..<20).map { "{\"n\":\($0)}" })
    }

    @Test func refusedConnectionAndTimeoutAreTyped() throws {
        let transport = try CurlTransport()
        let refused = transport.post(url: "http://127.0.0.1:\(try Fixtures.closedPort())/", body: [1], headers: [], timeout: 2)
        #expect(refused.failureKind == .connection)
        let slow = try TestReceiver { _ in .init(delay: 2) }
        defer { slow.stop() }
        let timedOut = transport.post(url: slow.url, body: [1], headers: [], timeout: 0.2)
        #expect(timedOut.failureKind == .timeout)
    }

    @Test func otherSchemesAreRefusedByLibcurlToo() throws {
        let transport = try CurlTransport()
        let result = transport.post(url: "file:///etc/passwd", body: [1], headers: [], timeout: 1)
        #expect(result.failureKind == .other)
    }
}

private extension Result where Success == TransportResponse, Failure == TransportFailure {
    var failureKind: TransportFailure.Kind? {
        if case let .failure(failure) = self { return failure.kind }
        return nil
    }
}
