import Foundation

/// Something that happened in a conversation that other systems may want to hear about
/// (a CRM logging exchanges, a counsellor desk waiting for handoff requests …).
///
/// A plain value: the engine's host (the server) creates events from replies and hands them to
/// an ``EventSink``; the webhook module delivers them.
public struct ChatEvent: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// Every question and answer.
        case message
        /// The engine fell back (the question is out of scope or not covered yet), or repeated
        /// its last answer for a follow-up it has nothing more specific for (``Reply/repeated``).
        case unanswered
        /// The engine asked back which of several intents was meant.
        case clarify
        /// The user asked for a human counsellor.
        case handoff
        /// A safety message was given (self-harm, abuse, trafficking …).
        case safety
    }

    /// Unique id (UUID string); receivers de-duplicate on it.
    public var id: String
    public var type: Kind
    public var timestamp: Date
    /// The session id as the host knows it (the webhook layer hashes it unless told otherwise).
    public var session: String
    public var question: String
    public var answer: String
    public var topic: String
    public var intent: String?
    public var confidence: Double
    public var lang: Language
    /// For an unanswered or clarified question inside a conversation, the conversation's topic
    /// when it came (``Reply/conversationTopic``).
    public var conversationTopic: String?

    public init(id: String = UUID().uuidString.lowercased(), type: Kind, timestamp: Date = Date(), session: String,
                question: String, answer: String, topic: String, intent: String?, confidence: Double, lang: Language,
                conversationTopic: String? = nil) {
        self.id = id
        self.type = type
        self.timestamp = timestamp
        self.session = session
        self.question = question
        self.answer = answer
        self.topic = topic
        self.intent = intent
        self.confidence = confidence
        self.lang = lang
        self.conversationTopic = conversationTopic
    }

    /// The events one exchange produces: always `message`, plus `unanswered`, `clarify`,
    /// `handoff` or `safety` when the reply is of that kind or topic (and `unanswered` for a
    /// repeated answer; `handoff` also for a message passed on to staff, ``Reply/passedToStaff``).
    public static func events(question: String, reply: Reply, session: String, at date: Date = Date()) -> [ChatEvent] {
        func make(_ kind: Kind) -> ChatEvent {
            ChatEvent(type: kind, timestamp: date, session: session, question: question, answer: reply.text,
                      topic: reply.topic, intent: reply.intent, confidence: reply.confidence, lang: reply.language,
                      conversationTopic: reply.conversationTopic)
        }
        var out = [make(.message)]
        if reply.unanswered { out.append(make(.unanswered)) } else if reply.kind == .clarify { out.append(make(.clarify)) }
        if reply.topic == "handoff" || reply.passedToStaff { out.append(make(.handoff)) }
        if reply.topic == "safety" { out.append(make(.safety)) }
        return out
    }
}

/// Receives conversation events. Implementations must return quickly and never block an
/// answer (append to a queue or durable outbox and deliver elsewhere).
public protocol EventSink: Sendable {
    func publish(_ events: [ChatEvent])
}
