import Foundation
import KarirCore

/// The JSON body of a webhook request (schema in docs/webhooks.md).
///
/// Rendered at delivery time from the stored event, deterministically, so every retry of an
/// event sends the same bytes.
struct WebhookPayload: Encodable {
    static let version = 1

    var id: String
    var type: String
    var timestamp: String
    var session: String
    var question: String
    var answer: String
    var topic: String
    var intent: String?
    var confidence: Double
    var language: String
    var conversationTopic: String?

    init(event: ChatEvent, session: String) {
        id = event.id
        type = event.type.rawValue
        timestamp = event.timestamp.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        self.session = session
        question = event.question
        answer = event.answer
        topic = event.topic
        intent = event.intent
        // JSON has no NaN or infinity; the engine never produces them, but the encoder would fail on them.
        confidence = event.confidence.isFinite ? (event.confidence * 10_000).rounded() / 10_000 : 0
        language = event.lang.rawValue
        conversationTopic = event.conversationTopic
    }

    private enum CodingKeys: String, CodingKey {
        case version, id, type, timestamp, session, question, answer, topic, intent, confidence, language
        case conversationTopic = "conversation_topic"
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.version, forKey: .version)
        try container.encode(id, forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(timestamp, forKey: .timestamp)
        try container.encode(session, forKey: .session)
        try container.encode(question, forKey: .question)
        try container.encode(answer, forKey: .answer)
        try container.encode(topic, forKey: .topic)
        // Always present, `null` when the reply had no intent (clarify, fallback).
        try container.encode(intent, forKey: .intent)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(language, forKey: .language)
        // Only for an unanswered or clarified question inside a conversation.
        try container.encodeIfPresent(conversationTopic, forKey: .conversationTopic)
    }
}
