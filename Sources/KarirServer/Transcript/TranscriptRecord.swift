import Foundation
import KarirCore

/// One line of a transcript file: a question, its answer and how it was classified.
///
/// The session is stored as a salted hash, so a transcript can be shared with staff without
/// exposing the ids gateways use.
public struct TranscriptRecord: Codable, Sendable, Equatable {
    /// How the question arrived.
    public enum Mode: String, Codable, Sendable {
        case json, text
    }

    /// ISO 8601 time the answer was given.
    public var ts: String
    /// First 16 hex digits of SHA-256(salt + session id).
    public var session: String
    public var mode: Mode
    public var question: String
    public var answer: String
    public var kind: ReplyKind
    public var topic: String
    public var intent: String?
    public var confidence: Double
    public var lang: Language
    /// Time spent answering, in milliseconds.
    public var latencyMs: Double
    /// `true` when the answer repeated the last one for a follow-up the knowledge has nothing
    /// more specific for (``KarirCore/Reply/repeated``): counted as unanswered. Absent otherwise.
    public var repeated: Bool?
    /// The conversation's topic when an unanswered or clarified question came
    /// (``KarirCore/Reply/conversationTopic``). Absent otherwise.
    public var conversationTopic: String?
    /// The intents of the message's other questions answered too (``KarirCore/Reply/alsoAnswered``).
    /// Absent for a message asking one question.
    public var alsoAnswered: [String]?

    enum CodingKeys: String, CodingKey {
        case ts, session, mode, question, answer, kind, topic, intent, confidence, lang, repeated
        case latencyMs = "latency_ms"
        case conversationTopic = "conversation_topic"
        case alsoAnswered = "also_answered"
    }

    public init(ts: String, session: String, mode: Mode, question: String, answer: String, kind: ReplyKind,
                topic: String, intent: String?, confidence: Double, lang: Language, latencyMs: Double, repeated: Bool? = nil,
                conversationTopic: String? = nil, alsoAnswered: [String]? = nil) {
        self.ts = ts
        self.session = session
        self.mode = mode
        self.question = question
        self.answer = answer
        self.kind = kind
        self.topic = topic
        self.intent = intent
        self.confidence = confidence
        self.lang = lang
        self.latencyMs = latencyMs
        self.repeated = repeated
        self.conversationTopic = conversationTopic
        self.alsoAnswered = alsoAnswered
    }

    /// Whether the question went unanswered: a fallback, or a repeated answer.
    public var unanswered: Bool { kind == .fallback || repeated == true }
}
