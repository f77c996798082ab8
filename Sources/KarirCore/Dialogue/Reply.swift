/// What the engine decided to do with a message.
public enum ReplyKind: String, Codable, Sendable {
    /// A confident answer from an intent.
    case answer
    /// The top candidates were too close: the reply asks which one was meant.
    case clarify
    /// Nothing fits: an honest out-of-scope reply with suggestions.
    case fallback
    /// The engine needs a value (e.g. a province) before it can answer.
    case ask
    /// A step of a guided conversation.
    case flow
}

/// A suggestion or a clarify choice: something the user can pick by number.
public struct Choice: Codable, Sendable, Equatable {
    public var number: Int
    public var intent: String
    public var topic: String
    public var title: String
    /// Engine confidence for this candidate (clarify only).
    public var confidence: Double?

    public init(number: Int, intent: String, topic: String, title: String, confidence: Double? = nil) {
        self.number = number
        self.intent = intent
        self.topic = topic
        self.title = title
        self.confidence = confidence
    }
}

/// The engine's reply to one message: the text to show and why it was chosen.
public struct Reply: Sendable, Equatable {
    public var text: String
    public var kind: ReplyKind
    /// The topic id of the answer, or the built-in `clarify` / `fallback`.
    public var topic: String
    /// The intent id, nil for clarify and fallback.
    public var intent: String?
    /// Confidence in [0, 1].
    public var confidence: Double
    public var language: Language
    /// Follow-up suggestions, numbered.
    public var suggestions: [Choice]
    /// The candidates offered when the engine asks back (kind `clarify`).
    public var candidates: [Choice]
    /// `source` and `as_of` of the answering intent, when it states facts.
    public var source: String?
    public var asOf: String?
    /// The updated session to pass with the next message.
    public var session: Session
    /// The decision trace, filled when asked for (`--explain`).
    public var trace: Trace?
    /// The answer is the one given just before, repeated for a follow-up that the knowledge has
    /// nothing more specific for ("boleh diwakilin?" after the AK/1 renewal answer): the question
    /// also counts as unanswered (``ChatEvent/Kind/unanswered``, `karir report unanswered`).
    public var repeated = false
    /// For a question left unanswered (``unanswered``) or asked back about (`clarify`): the topic
    /// the conversation was about when it came ("terus sanksinya apa?" inside a conversation
    /// about overtime: `working_hours`), so that staff reading the gaps see the context. Nil
    /// for answers and outside a conversation.
    public var conversationTopic: String?
    /// The intents of the other questions the message asked and that were answered after the
    /// main answer, in ``text`` ("berapa UMR Bekasi? terus cara bikin kartu kuning gimana?":
    /// `ak1_where`, after the Bekasi minimum wage). Empty for a message asking one question.
    public var alsoAnswered: [String] = []
    /// The message was passed on to staff: it is the message an answer asked for
    /// (``IntentDefinition/collectsMessage``), taken, or answered and passed on too. The host
    /// reports it as a handoff (``ChatEvent/Kind/handoff``).
    public var passedToStaff = false
    /// For a question another office answers (an out-of-scope example of a `referrals:` group
    /// was nearest), that group's id ("tax"): the reply says where to ask.
    public var referral: String?

    /// Whether the question went unanswered: a fallback, or a repeated answer.
    public var unanswered: Bool { kind == .fallback || repeated }

    public init(text: String, kind: ReplyKind, topic: String, intent: String?, confidence: Double,
                language: Language, suggestions: [Choice] = [], candidates: [Choice] = [],
                source: String? = nil, asOf: String? = nil, session: Session, trace: Trace? = nil) {
        self.text = text
        self.kind = kind
        self.topic = topic
        self.intent = intent
        self.confidence = confidence
        self.language = language
        self.suggestions = suggestions
        self.candidates = candidates
        self.source = source
        self.asOf = asOf
        self.session = session
        self.trace = trace
    }
}

/// Why the engine chose what it chose: shown by `karir ask --explain`.
public struct Trace: Codable, Sendable, Equatable {
    public var normalized: String
    public var tokens: [String]
    public var stems: [String]
    public var entities: [String]
    public var language: Language
    public var languageScores: [String: Double]
    public var rule: String
    public var candidates: [ScoredCandidate]

    public struct ScoredCandidate: Codable, Sendable, Equatable {
        public var intent: String
        public var topic: String
        public var score: Double
        public var detail: String
    }
}

extension Choice {
    /// The choices as a prompt template lists them (`number`, `title`).
    static func templateValues(_ choices: [Choice]) -> [[String: Any]] {
        choices.map { ["number": $0.number, "title": $0.title] }
    }
}
