import Foundation

extension DeadLetterRecord {
    /// The record for `delivery` dying at `now`, with the body `endpoint` would have received.
    init(_ delivery: OutboxDelivery, endpoint: EndpointConfiguration, attempts: Int, now: Date, reason: String,
         hasher: SessionHasher) {
        let session = endpoint.rawSession ? delivery.event.session : hasher.hash(delivery.event.session)
        self.init(deadAt: now.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)),
                  endpoint: endpoint.name, url: endpoint.url, deliveryID: delivery.id, attempts: attempts, error: reason,
                  event: WebhookPayload(event: delivery.event, session: session))
    }
}
