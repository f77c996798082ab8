import Foundation
import KarirCore

/// The answer-path half of the forwarder. ``publish(_:)`` picks the endpoints that want each
/// event and hands the deliveries to the outbox writer thread: an append to a bounded list in
/// memory, no disk and no network. With `outbox.wait_for_commit` it commits them itself instead.
public struct WebhookSink: EventSink {
    /// Endpoint names subscribed to each event kind, in configuration order.
    let routes: [ChatEvent.Kind: [String]]
    let writer: OutboxWriter
    let committer: OutboxCommitter
    let waitForCommit: Bool

    init(configuration: WebhookConfiguration, writer: OutboxWriter, committer: OutboxCommitter) {
        var routes: [ChatEvent.Kind: [String]] = [:]
        for kind in ChatEvent.Kind.allCases {
            routes[kind] = configuration.endpoints.filter { $0.events.contains(kind) }.map(\.name)
        }
        self.routes = routes
        self.writer = writer
        self.committer = committer
        waitForCommit = configuration.outbox.waitForCommit
    }

    /// Queues each event for every endpoint that wants its kind, in order. Returns at once (or,
    /// with `wait_for_commit`, once the events are committed); delivery happens on the workers.
    /// After the forwarder shut down, events are committed on the caller's thread.
    public func publish(_ events: [ChatEvent]) {
        var items: [OutboxItem] = []
        items.reserveCapacity(events.count)
        for event in events {
            if let names = routes[event.type], !names.isEmpty { items.append(OutboxItem(event: event, endpoints: names)) }
        }
        guard !items.isEmpty else { return }
        // Committing here is cheaper than waiting for the writer thread: no hand-over, no wake-up.
        guard !waitForCommit else { return committer.commit(items) }
        switch writer.submit(items) {
        case .queued:
            break
        case .stopped:
            committer.commit(items)
        case .full:
            committer.spill(committer.deliveries(of: items, at: Date()),
                            reason: "outbox writer backlog (\(OutboxWriter.capacity) events waiting for the disk)", now: Date())
        }
    }
}
