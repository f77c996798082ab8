import Foundation
import Synchronization

/// Per-endpoint admission for the delivery workers: how many requests are in flight (bounded by
/// `max_in_flight`, so a slow endpoint cannot take every worker), and whether the endpoint is
/// paused after it failed as a whole (unreachable, timing out, 429/503). The pause is an
/// endpoint-level backoff: while it lasts, no session's delivery to that endpoint is attempted,
/// so an outage costs one probe per backoff step instead of one request per queued session.
final class EndpointScheduler: Sendable {
    enum Admission: Equatable {
        case admitted
        case full
        case paused(until: Date)
    }

    private struct EndpointState {
        var inFlight = 0
        var pausedUntil: Date?
        var consecutiveFailures = 0
    }

    private struct State {
        var endpoints: [String: EndpointState] = [:]
        var cursor = 0
        var lastMaintenance = Date.distantPast
    }

    /// Longest endpoint pause without a `Retry-After`: an unreachable endpoint is probed at least
    /// once a minute, so delivery resumes soon after it comes back even when rows back off longer.
    static let maxPause = 60.0

    let endpoints: [EndpointConfiguration]
    private let state = Mutex(State())

    init(endpoints: [EndpointConfiguration]) {
        self.endpoints = endpoints
    }

    /// Endpoints in round-robin order, starting one further on each call, so that no endpoint
    /// always goes first.
    func rotation() -> [EndpointConfiguration] {
        guard !endpoints.isEmpty else { return [] }
        let start = state.withLock { state -> Int in
            state.cursor = (state.cursor + 1) % endpoints.count
            return state.cursor
        }
        return Array(endpoints[start...] + endpoints[..<start])
    }

    /// Takes an in-flight slot for `endpoint` if it is neither paused nor full.
    func admit(_ endpoint: EndpointConfiguration, now: Date) -> Admission {
        state.withLock { state in
            var entry = state.endpoints[endpoint.name, default: EndpointState()]
            defer { state.endpoints[endpoint.name] = entry }
            if let until = entry.pausedUntil, until > now { return .paused(until: until) }
            guard entry.inFlight < endpoint.maxInFlight else { return .full }
            entry.inFlight += 1
            return .admitted
        }
    }

    /// Gives back a slot taken by ``admit(_:now:)``.
    func release(_ endpoint: String) {
        state.withLock { $0.endpoints[endpoint]?.inFlight -= 1 }
    }

    /// The endpoint answered: any pause ends.
    func recordReachable(_ endpoint: String) {
        state.withLock { state in
            state.endpoints[endpoint]?.consecutiveFailures = 0
            state.endpoints[endpoint]?.pausedUntil = nil
        }
    }

    /// The endpoint failed as a whole: pause it for `delay(consecutive failures)` seconds (at most
    /// ``maxPause``), or for exactly `retryAfter` when the receiver said so.
    func recordUnreachable(_ endpoint: String, now: Date, retryAfter: Double?, delay: (Int) -> Double) {
        state.withLock { state in
            var entry = state.endpoints[endpoint, default: EndpointState()]
            entry.consecutiveFailures += 1
            let seconds = retryAfter ?? min(Self.maxPause, delay(entry.consecutiveFailures))
            entry.pausedUntil = max(entry.pausedUntil ?? now, now.addingTimeInterval(seconds))
            state.endpoints[endpoint] = entry
        }
    }

    /// True for exactly one caller per `interval`: that caller runs the maintenance pass.
    func claimMaintenance(now: Date, interval: Double) -> Bool {
        state.withLock { state in
            guard now.timeIntervalSince(state.lastMaintenance) >= interval else { return false }
            state.lastMaintenance = now
            return true
        }
    }
}
