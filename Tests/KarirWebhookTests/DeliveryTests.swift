import Foundation
import KarirCore
import Testing
@testable import KarirWebhook

/// End to end: forwarder → SQLite outbox → worker threads → libcurl → a real HTTP receiver on loopback.
@Suite struct DeliveryTests {
    @Test func deliversSignedEventsWithEveryField() async throws {
        try await Fixtures.withForwarder { forwarder, receiver in
            let event = Fixtures.event(1, session: "sesi-rahasia", type: .handoff)
            forwarder.publish([event])
            #expect(await receiver.waitForRequests(1))
            let request = try #require(receiver.requests.first)

            #expect(request.method == "POST")
            #expect(request.uri == "/hook")
            #expect(request.headers["content-type"] == "application/json")
            #expect(request.headers["karir-event-id"] == event.id)
            #expect(request.headers["karir-event-type"] == "handoff")
            #expect(request.headers["karir-delivery-attempt"] == "1")
            #expect(SignatureCheck.verify(header: request.headers["karir-signature"], body: request.body,
                                          secret: "whsec_test", now: Date()))
            #expect(!SignatureCheck.verify(header: request.headers["karir-signature"], body: request.body + [32],
                                           secret: "whsec_test", now: Date()), "a changed body must not verify")

            let json = try #require(request.json)
            #expect(json["version"] as? Int == 1)
            #expect(json["id"] as? String == event.id)
            #expect(json["type"] as? String == "handoff")
            #expect(json["timestamp"] as? String == "2026-01-01T00:00:01.000Z")
            #expect(json["question"] as? String == event.question)
            #expect(json["answer"] as? String == event.answer)
            #expect(json["topic"] as? String == "job_search")
            #expect(json["intent"] as? String == "kartu_kuning")
            #expect(json["confidence"] as? Double == 0.87)
            #expect(json["language"] as? String == "id")
            let session = try #require(json["session"] as? String)
            #expect(session.count == 32 && session != "sesi-rahasia", "sessions are hashed by default")
            #expect(json["conversation_topic"] == nil, "only for a question left unanswered inside a conversation")

            #expect(await Fixtures.eventually { forwarder.stats.delivered == 1 && forwarder.stats.queueDepth == 0 })
        }
    }

    @Test func anUnansweredFollowUpCarriesItsConversationTopic() async throws {
        try await Fixtures.withForwarder { forwarder, receiver in
            var reply = Reply(text: "Maaf", kind: .fallback, topic: "fallback", intent: nil, confidence: 0.05, language: .id, session: Session())
            reply.conversationTopic = "working_hours"
            forwarder.publish(ChatEvent.events(question: "terus sanksinya apa?", reply: reply, session: "s"))
            #expect(await receiver.waitForRequests(2))
            let bodies = receiver.requests.compactMap(\.json)
            #expect(Set(bodies.compactMap { $0["type"] as? String }) == ["message", "unanswered"])
            for body in bodies { #expect(body["conversation_topic"] as? String == "working_hours") }
        }
    }

    @Test func rawSessionAndSubscriptionsAreHonoured() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let all = try TestReceiver()
        let handoffOnly = try TestReceiver()
        defer { all.stop(); handoffOnly.stop() }
        var configuration = Fixtures.configuration(url: all.url, rawSession: true)
        configuration.endpoints.append(EndpointConfiguration(name: "desk", url: handoffOnly.url, events: [.handoff],
                                                             timeout: 2))
        let forwarder = try WebhookForwarder.start(configuration: configuration, dataDirectory: directory.path,
                                                   logger: Fixtures.quietLogger)
        defer { forwarder.shutdown() }

        forwarder.publish([Fixtures.event(1, session: "abc"), Fixtures.event(1, session: "abc", type: .handoff)])
        #expect(await all.waitForRequests(2))
        #expect(await handoffOnly.waitForRequests(1))
        #expect(all.requests.allSatisfy { $0.json?["session"] as? String == "abc" })
        #expect(handoffOnly.requests.map { $0.headers["karir-event-type"] } == ["handoff"])
        #expect(handoffOnly.requests.first?.headers["karir-signature"] == nil, "no secret, no signature")
        try await Task.sleep(for: .milliseconds(100))
        #expect(handoffOnly.requests.count == 1)
    }

    @Test func serverErrorIsRetriedThenDelivered() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let receiver = try TestReceiver { request in
            request.index == 0 ? .init(status: 500, body: "database down") : .init(status: 200)
        }
        defer { receiver.stop() }
        let forwarder = try WebhookForwarder.start(configuration: Fixtures.configuration(url: receiver.url),
                                                   dataDirectory: directory.path, logger: Fixtures.quietLogger)
        defer { forwarder.shutdown() }

        forwarder.publish([Fixtures.event(1)])
        #expect(await receiver.waitForRequests(2))
        let requests = receiver.requests
        #expect(requests[0].eventID == requests[1].eventID)
        #expect(requests[0].body == requests[1].body, "a retry sends the same bytes")
        #expect(requests.map { $0.headers["karir-delivery-attempt"] } == ["1", "2"])
        #expect(await Fixtures.eventually { forwarder.stats.delivered == 1 && forwarder.stats.retried == 1 })
    }

    @Test func tooManyRequestsHonoursRetryAfter() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let receiver = try TestReceiver { request in
            request.index == 0 ? .init(status: 429, headers: [("Retry-After", "1")]) : .init(status: 200)
        }
        defer { receiver.stop() }
        let forwarder = try WebhookForwarder.start(configuration: Fixtures.configuration(url: receiver.url),
                                                   dataDirectory: directory.path, logger: Fixtures.quietLogger)
        defer { forwarder.shutdown() }

        // Two sessions: the pause applies to the whole endpoint, not only to the refused event.
        forwarder.publish([Fixtures.event(1, session: "a")])
        #expect(await Fixtures.eventually { forwarder.stats.retried == 1 })
        forwarder.publish([Fixtures.event(2, session: "b")])
        #expect(await receiver.waitForRequests(3, timeout: 5))
        let requests = receiver.requests
        let gap = requests[1].receivedAt.timeIntervalSince(requests[0].receivedAt)
        // The backoff alone would retry after at most 0.05 s; Retry-After asked for 1 s.
        #expect(gap >= 0.95, "retried after \(gap) s")
        #expect(Set(requests.dropFirst().compactMap(\.eventID)) == [Fixtures.event(1, session: "a").id,
                                                                     Fixtures.event(2, session: "b").id])
    }

    @Test func timeoutIsRetried() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let receiver = try TestReceiver { request in
            request.index == 0 ? .init(status: 200, delay: 1.5) : .init(status: 200)
        }
        defer { receiver.stop() }
        let forwarder = try WebhookForwarder.start(configuration: Fixtures.configuration(url: receiver.url, timeout: 0.3),
                                                   dataDirectory: directory.path, logger: Fixtures.quietLogger)
        defer { forwarder.shutdown() }

        forwarder.publish([Fixtures.event(1)])
        #expect(await receiver.waitForRequests(2))
        #expect(await Fixtures.eventually { forwarder.stats.delivered == 1 })
        #expect(forwarder.stats.retried == 1)
        // The receiver saw the event twice: at-least-once, de-duplicated by id on its side.
        #expect(Set(receiver.requests.compactMap(\.eventID)).count == 1)
    }

    @Test func connectionRefusedEndsInTheDeadLetters() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = "http://127.0.0.1:\(try Fixtures.closedPort())/hook"
        let forwarder = try WebhookForwarder.start(configuration: Fixtures.configuration(url: url, maxAttempts: 3),
                                                   dataDirectory: directory.path, logger: Fixtures.quietLogger)
        defer { forwarder.shutdown() }

        forwarder.publish([Fixtures.event(1, session: "s"), Fixtures.event(2, session: "s")])
        #expect(await Fixtures.eventually { forwarder.stats.dead == 2 })
        let lines = Fixtures.deadLetterLines(in: directory)
        #expect(lines.count == 2)
        let first = try #require(lines.first)
        #expect(first["attempts"] as? Int == 3)
        #expect((first["error"] as? String)?.contains("gave up after 3 attempts") == true)
        #expect((first["error"] as? String)?.contains("curl 7") == true, "\(first["error"] ?? "")")
        #expect((first["event"] as? [String: Any])?["id"] as? String == Fixtures.event(1, session: "s").id)
        let dead = try forwarder.store.list(.dead, endpoint: nil, limit: 10)
        #expect(dead.map(\.eventID) == [Fixtures.event(1, session: "s").id, Fixtures.event(2, session: "s").id])
        // The queue-depth figure is refreshed after the row is written: on a loaded machine the
        // dead counter can be read a moment before it.
        #expect(await Fixtures.eventually { forwarder.stats.queueDepth == 0 })
    }

    @Test func clientErrorIsRejectedWithoutRetry() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let receiver = try TestReceiver { _ in .init(status: 422, body: "missing field foo") }
        defer { receiver.stop() }
        let forwarder = try WebhookForwarder.start(configuration: Fixtures.configuration(url: receiver.url),
                                                   dataDirectory: directory.path, logger: Fixtures.quietLogger)
        defer { forwarder.shutdown() }

        forwarder.publish([Fixtures.event(1)])
        #expect(await Fixtures.eventually { forwarder.stats.dead == 1 })
        #expect(receiver.requests.count == 1)
        #expect((Fixtures.deadLetterLines(in: directory).first?["error"] as? String)?.contains("HTTP 422: missing field foo") == true)
    }

    @Test func receiverDownForAWhileLosesNothingAndKeepsSessionOrder() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let port = try Fixtures.closedPort()
        let forwarder = try WebhookForwarder.start(
            configuration: Fixtures.configuration(url: "http://127.0.0.1:\(port)/hook", maxAttempts: 100, maxBackoff: Fixtures.patientBackoff),
            dataDirectory: directory.path, logger: Fixtures.quietLogger)
        defer { forwarder.shutdown() }

        var published: [ChatEvent] = []
        for number in 1...30 {
            let event = Fixtures.event(number, session: "s\(number % 3)")
            published.append(event)
            forwarder.publish([event])
        }
        try await Task.sleep(for: .milliseconds(800))
        #expect(forwarder.stats.delivered == 0)
        #expect(forwarder.stats.retried > 0)

        let receiver = try await Fixtures.receiver(onPort: port)
        defer { receiver.stop() }
        #expect(await receiver.waitForEvents(Set(published.map(\.id))))
        #expect(forwarder.stats.dead == 0)
        for session in ["s0", "s1", "s2"] {
            let expected = published.filter { $0.session == session }.map(\.id)
            #expect(Self.firstOccurrences(receiver.requests, session: session, rawIDs: expected) == expected)
        }
    }

    @Test func deadEndpointDoesNotHoldUpAnother() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let healthy = try TestReceiver()
        // The failing endpoint answers 503 to everything, on a port held for the whole test: a
        // port closed at the start could be taken by another test's receiver meanwhile (once in
        // CI the "dead" endpoint's deliveries then succeeded).
        let failing = try TestReceiver { _ in .init(status: 503) }
        defer { healthy.stop(); failing.stop() }
        var configuration = Fixtures.configuration(url: failing.url, maxAttempts: 100, maxBackoff: Fixtures.patientBackoff)
        configuration.endpoints.append(EndpointConfiguration(name: "healthy", url: healthy.url, timeout: 2))
        let forwarder = try WebhookForwarder.start(configuration: configuration, dataDirectory: directory.path,
                                                   logger: Fixtures.quietLogger)
        defer { forwarder.shutdown() }

        let events = (1...20).map { Fixtures.event($0, session: "s\($0 % 4)") }
        forwarder.publish(events)
        #expect(await healthy.waitForEvents(Set(events.map(\.id))))
        #expect(try forwarder.store.counts().pendingByEndpoint["test"] == 20)
    }

    @Test func slowEndpointIsLimitedToItsInFlightSlots() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let slow = try TestReceiver { _ in .init(status: 200, delay: 0.3) }
        let fast = try TestReceiver()
        defer { slow.stop(); fast.stop() }
        var configuration = Fixtures.configuration(url: slow.url, workers: 3, maxInFlight: 2)
        configuration.endpoints.append(EndpointConfiguration(name: "fast", url: fast.url, timeout: 2))
        let forwarder = try WebhookForwarder.start(configuration: configuration, dataDirectory: directory.path,
                                                   logger: Fixtures.quietLogger)
        defer { forwarder.shutdown() }

        // Ten sessions, so the slow endpoint could use every worker if it were allowed to.
        let events = (1...10).map { Fixtures.event($0, session: "s\($0)") }
        forwarder.publish(events)
        #expect(await fast.waitForEvents(Set(events.map(\.id))))
        #expect(await slow.waitForEvents(Set(events.map(\.id))))
        // Each slow request is answered 0.3 s after it arrives; at most two may overlap.
        let starts = slow.requests.map(\.receivedAt)
        let overlap = starts.map { start in starts.filter { $0 <= start && start < $0.addingTimeInterval(0.3) }.count }.max()
        #expect((1...2).contains(overlap ?? 0), "requests in flight to the slow endpoint at once: \(overlap ?? 0)")
    }

    @Test func secondForwarderOnTheSameDataDirectoryIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configuration = Fixtures.configuration(url: "http://127.0.0.1:9/hook")
        let first = try WebhookForwarder.start(configuration: configuration, dataDirectory: directory.path,
                                               logger: Fixtures.quietLogger)
        let error = #expect(throws: OutboxError.self) {
            try WebhookForwarder.start(configuration: configuration, dataDirectory: directory.path, logger: Fixtures.quietLogger)
        }
        #expect(error?.description.contains("pid \(getpid())") == true)
        first.shutdown()
        let second = try WebhookForwarder.start(configuration: configuration, dataDirectory: directory.path,
                                                logger: Fixtures.quietLogger)
        second.shutdown()
    }

    @Test func badConfigurationFailsAtStartBeforeTouchingTheDisk() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let target = directory.file("data")
        let configuration = WebhookConfiguration(endpoints: [EndpointConfiguration(url: "gopher://old.example/")])
        let error = #expect(throws: WebhookConfigurationError.self) {
            try WebhookForwarder.start(configuration: configuration, dataDirectory: target, logger: Fixtures.quietLogger)
        }
        #expect(error?.description.contains("only http and https") == true)
        #expect(!FileManager.default.fileExists(atPath: target))
    }

    /// The order in which each event id of `session` was first received.
    static func firstOccurrences(_ requests: [TestReceiver.Request], session: String, rawIDs: [String]) -> [String] {
        var seen: Set<String> = []
        var order: [String] = []
        let wanted = Set(rawIDs)
        for request in requests {
            guard let id = request.eventID, wanted.contains(id), seen.insert(id).inserted else { continue }
            order.append(id)
        }
        return order
    }
}
