import Foundation

/// The JSON shape of a reply, shared by `karir ask --json` and the server's `ask` method.
///
/// Keys: `text, kind, topic, intent, confidence, lang, suggestions`, plus `candidates` when the
/// engine asks back, `source`/`as_of` when the answer states facts, `repeated: true` when the
/// answer repeats the last one for a follow-up the knowledge has nothing more specific for
/// (``Reply/repeated``), `conversation_topic` for an unanswered or clarified question inside a
/// conversation (``Reply/conversationTopic``), `also_answered` when the message asked other
/// questions that were answered too (``Reply/alsoAnswered``), `passed_to_staff: true` when the
/// message was passed on to staff (``Reply/passedToStaff``), `referral` when the question belongs to
/// another office and the reply says where to ask (``Reply/referral``), and `session` when the host
/// keys sessions by name (the server).
public struct ReplyPayload: Codable, Sendable, Equatable {
    public var text: String
    public var kind: ReplyKind
    public var topic: String
    public var intent: String?
    public var confidence: Double
    public var lang: Language
    public var suggestions: [Choice]
    public var candidates: [Choice]?
    public var source: String?
    public var asOf: String?
    public var session: String?
    /// `true` for a repeated answer, absent otherwise.
    public var repeated: Bool?
    /// The conversation's topic when an unanswered or clarified question came (``Reply/conversationTopic``).
    public var conversationTopic: String?
    /// The intents of the message's other questions answered in `text` (``Reply/alsoAnswered``);
    /// absent for a message asking one question.
    public var alsoAnswered: [String]?
    /// `true` when the message was passed on to staff (``Reply/passedToStaff``), absent otherwise.
    public var passedToStaff: Bool?
    /// The `referrals:` group of a question another office answers (``Reply/referral``).
    public var referral: String?

    enum CodingKeys: String, CodingKey {
        case text, kind, topic, intent, confidence, lang, suggestions, candidates, source
        case asOf = "as_of"
        case session, repeated
        case conversationTopic = "conversation_topic"
        case alsoAnswered = "also_answered"
        case passedToStaff = "passed_to_staff"
        case referral
    }

    public init(_ reply: Reply, session: String? = nil) {
        self.text = reply.text
        self.kind = reply.kind
        self.topic = reply.topic
        self.intent = reply.intent
        self.confidence = (reply.confidence * 1000).rounded() / 1000
        self.lang = reply.language
        self.suggestions = reply.suggestions
        self.candidates = reply.kind == .clarify ? reply.candidates : nil
        self.source = reply.source
        self.asOf = reply.asOf
        self.session = session
        self.repeated = reply.repeated ? true : nil
        self.conversationTopic = reply.conversationTopic
        self.alsoAnswered = reply.alsoAnswered.isEmpty ? nil : reply.alsoAnswered
        self.passedToStaff = reply.passedToStaff ? true : nil
        self.referral = reply.referral
    }

    /// One line of compact JSON with sorted keys.
    public func jsonLine() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self), let line = String(data: data, encoding: .utf8) else {
            return #"{"error":"reply could not be encoded"}"#
        }
        return line
    }
}
