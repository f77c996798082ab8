/// Everything the engine remembers about one conversation.
///
/// A value: the engine reads it with each message and returns the updated copy inside the
/// ``Reply``, so whoever hosts the engine (CLI, server) decides where sessions live.
public struct Session: Codable, Sendable, Equatable {
    /// The language of the conversation so far; the tie-breaker when a message is ambiguous.
    public var language: Language?
    /// The topic of the last answered question.
    public var activeTopic: String?
    /// The id of the last answered intent.
    public var lastIntent: String?
    /// Entity values remembered from the conversation, keyed by entity type (e.g. `province`).
    public var slots: [String: String]
    /// Number of messages handled.
    public var turn: Int
    /// Numbered choices last offered (clarify or suggestions), so that "2" picks the second.
    public var offeredChoices: [String]
    /// The intent waiting for a slot value ("Which province?"), if any.
    public var pendingIntent: String?
    /// The state of a guided conversation (e.g. the interest inventory), if one is running.
    public var flow: FlowState?
    /// The last message an intent answered on its own words (at most
    /// ``Session/subjectLength`` characters): a later follow-up that matches nothing well on its
    /// own is read together with it, since people leave out what they have just said
    /// ("uang lembur sy gak dibayar 3 bulan", then "bisa lapor kemana?").
    public var subject: String?
    /// The intent whose answer asked for a message for staff (``IntentDefinition/collectsMessage``):
    /// the next message is taken as that message unless Karir can answer it.
    public var collectingFor: String?
    /// The monthly wage the person stated ("gaji sy 4,2 jt"), in rupiah, for answers that
    /// compute with it later in the conversation (``Calculation``).
    public var wage: Int?
    /// How many months the person said they have worked ("baru 7 bln"), for the same answers.
    public var monthsWorked: Double?
    /// How many months the person's fixed-term contract runs ("kontrak 1 thn"), for the damages
    /// when it is ended early.
    public var contractMonths: Double?
    /// How many months of that contract were left when it ended, or are left ("sisa kontrak 1
    /// bln lg"): with the contract's length it gives the months worked, with those the length.
    public var remainingMonths: Double?
    /// A minimum wage the person named ("padahal umk sini 4,9jt"), in rupiah: what their wage
    /// is compared with later in the conversation when it is above the province's UMP.
    public var statedMinimum: Int?
    /// A day's pay the person stated ("dibayar 100rb sehari"), in rupiah, and the days they work
    /// (of a month; `workDaysPerWeek` when said per week), each possibly from another message:
    /// together they make ``wage`` (probe 30b: "jadi sebulan gaji sy brp?" two messages later).
    public var dailyPay: Int?
    public var workDays: Int?
    public var workDaysPerWeek: Int?
    /// An hour's pay the person stated ("12rb per jam") and the hours of their working day, each
    /// possibly from another message: together they make ``dailyPay``.
    public var hourlyPay: Int?
    public var hoursPerDay: Double?
    /// The hours of overtime in a day the person stated ("lembur 4 jam"), for the overtime pay
    /// asked again later in the conversation ("jadi total lembur sy brp?" after another question).
    public var overtimeHours: Double?
    /// The answers that computed with the person's figures in this conversation, oldest first
    /// (at most ``calculationsKept``), for "jadi totalnya brp?" asked after another answer.
    public var calculations: [String]?
    /// The turn at which a safety answer was last given (``Session/turn``): the message right
    /// after it is read as part of the crisis unless it clearly asks something else.
    public var safetyTurn: Int?
    /// The safety answer (intent id) given at ``safetyTurn``.
    public var safetyIntent: String?

    /// The referral group (``OutOfScopeReferral``) the last reply named, an office that answers
    /// a question Karir does not: the next message asking only where to ask ("ok ke mana
    /// nanyanya") gets that office again. Cleared by every other reply.
    public var referral: String?
    /// The message that reply referred (at most ``Session/subjectLength`` characters): a short
    /// follow-up right after it ("is there a penalty if I'm late?" after the tax office was named
    /// for "how do i lapor SPT tahunan?") is read together with it. Cleared like ``referral``.
    public var referralQuestion: String?

    /// The numbered choices were offered by a fallback, as guesses at a message Karir could not
    /// answer: a number picks one and they still raise the reading of the next message, but the
    /// conversation then gives no margin against out-of-scope examples (an intent lifted only by
    /// a guess is no reason to answer a message nearer an out-of-scope example). Nil otherwise.
    public var choicesAreGuesses: Bool?

    /// The guided conversation (``FlowState/flowID``) the person stopped: its start intent no
    /// longer starts it again, unless the message asks for it by name ("mulai tes minat").
    public var stoppedFlow: String?

    /// The message before this one (at most ``Session/subjectLength`` characters): "kalau JHT
    /// nya?" right after "cara klaimnya gimana" about JKP asks that question about JHT.
    public var previousMessage: String?

    /// The topic of the answer that took a message for staff in this conversation (the
    /// `handoff` topic for the shipped knowledge), once one was taken or passed on: intents whose
    /// `context` names that topic stay eligible afterwards, whatever the conversation moved on to
    /// ("thanks. when will the staff contact me?" after a message was answered and passed on,
    /// probe 26a u12).
    public var passedToStaffIn: String?

    /// A digest of the last answer's text (``AnswerAgain/digest(_:)``): the same answer given
    /// again right after itself is told apart, and only what bears on the new message is shown.
    public var lastAnswerDigest: UInt64?

    /// How many times in a row the last answer was given again right after itself (nil: it was
    /// not): the third showing is cut to what bears on the message.
    public var timesRepeated: Int?

    /// The items of the last answer's numbered list (``ListReference/items(of:)``), nil when it
    /// had none: "yg no 2 gmn?" points at the second.
    public var lastAnswerItems: [String]?

    /// Whether the conversation has named work abroad (``MatchSettings/abroadWords``): answers
    /// written for work in Indonesia then open with their topic's `abroad_note`.
    public var abroad: Bool?
    /// Whether the writer has said they employ people (``MatchSettings/employerWords``):
    /// answers written for employers (`audience: employer`) are then preferred.
    public var employer: Bool?

    /// The most answers kept in ``calculations``.
    public static let calculationsKept = 3

    /// The most characters of a message kept as ``subject``.
    public static let subjectLength = 300

    public init(language: Language? = nil) {
        self.language = language
        self.activeTopic = nil
        self.lastIntent = nil
        self.slots = [:]
        self.turn = 0
        self.offeredChoices = []
        self.pendingIntent = nil
        self.flow = nil
        self.subject = nil
        self.collectingFor = nil
        self.wage = nil
        self.monthsWorked = nil
        self.contractMonths = nil
        self.remainingMonths = nil
        self.statedMinimum = nil
        self.dailyPay = nil
        self.workDays = nil
        self.workDaysPerWeek = nil
        self.hourlyPay = nil
        self.hoursPerDay = nil
        self.overtimeHours = nil
        self.calculations = nil
        self.safetyTurn = nil
        self.safetyIntent = nil
        self.referral = nil
        self.referralQuestion = nil
        self.choicesAreGuesses = nil
        self.stoppedFlow = nil
        self.previousMessage = nil
        self.passedToStaffIn = nil
        self.lastAnswerDigest = nil
        self.timesRepeated = nil
        self.lastAnswerItems = nil
        self.abroad = nil
        self.employer = nil
    }
}

extension Session {
    /// Takes where `other` left the conversation (its topic, last answer, offered choices,
    /// subject, pending slot question and message for staff), keeping everything else of this
    /// session (turn, figures, places, language).
    mutating func takeConversationPlace(from other: Session) {
        activeTopic = other.activeTopic
        lastIntent = other.lastIntent
        offeredChoices = other.offeredChoices
        subject = other.subject
        pendingIntent = other.pendingIntent
        collectingFor = other.collectingFor
    }
}

/// Progress through a guided conversation (a ``Flow`` of the knowledge base).
public struct FlowState: Codable, Sendable, Equatable {
    /// The flow's id.
    public var flowID: String
    /// Index of the step whose question was asked last.
    public var step: Int
    /// Answers so far, by step id.
    public var answers: [String: String]

    public init(flowID: String, step: Int = 0, answers: [String: String] = [:]) {
        self.flowID = flowID
        self.step = step
        self.answers = answers
    }
}
