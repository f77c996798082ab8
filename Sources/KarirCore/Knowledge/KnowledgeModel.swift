import Foundation

/// A value and where it was written (for diagnostics).
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var file: String
    public var line: Int
    public var column: Int
}

/// A text per language.
public struct Localized: Sendable, Equatable {
    public var id: String
    public var en: String
    public init(id: String, en: String) { self.id = id; self.en = en }
    public subscript(_ language: Language) -> String { language == .id ? id : en }
}

/// How a topic's intents compete with the others.
public enum TopicPriority: String, Sendable {
    /// Safety: wins whenever it matches at all.
    case high
    case normal
    /// Pleasantries (smalltalk): yield to any other topic's intent that answers on its own, so
    /// that "oh iya, cara bikin kartu kuning gimana?" is a question, not an acknowledgement.
    case low
}

/// A declared topic.
public struct TopicDefinition: Sendable {
    public var id: String
    public var title: Localized
    public var priority: TopicPriority
    /// Where to ask about this topic what the knowledge cannot answer ("BPJS Ketenagakerjaan:
    /// call center 175, the JMO app …"): said when a follow-up inside a conversation about the
    /// topic has no answer (prompt `fallback_in_topic`).
    public var whereToAsk: Localized?
    /// The choices offered when a message does nothing but name the topic ("gaji", "kontrak"):
    /// Karir asks which of them the person means instead of guessing one.
    public var menu: TopicMenu?
    /// Said before this topic's answers in a conversation that names work abroad
    /// (``MatchSettings/abroadWords``): the topic's answers are written for work in Indonesia
    /// ("ask HR", "the regency's Disnaker", the UMP), which a worker abroad cannot use.
    public var abroadNote: Localized?
    /// Intents of a high-priority topic (safety) win whenever they match at all.
    public var highPriority: Bool { priority == .high }
    public var location: Located<String>

    public init(id: String, title: Localized, priority: TopicPriority, whereToAsk: Localized? = nil, menu: TopicMenu? = nil,
                abroadNote: Localized? = nil, location: Located<String>) {
        self.id = id
        self.title = title
        self.priority = priority
        self.whereToAsk = whereToAsk
        self.menu = menu
        self.abroadNote = abroadNote
        self.location = location
    }
}

/// A topic's menu (`menu:` in topics.yaml): the words that name the topic on their own, and the
/// intents offered as numbered choices when a message is nothing but one of them.
public struct TopicMenu: Sendable {
    /// Words or short phrases that name the topic ("gaji", "upah", "salary"), read through the
    /// lexicon like any message.
    public var words: [Located<String>]
    /// The intents offered, in this order (any topic's).
    public var choices: [Located<String>]

    public init(words: [Located<String>], choices: [Located<String>]) {
        self.words = words
        self.choices = choices
    }
}

/// One intent as written in the knowledge files, validated.
public struct IntentDefinition: Sendable {
    public var id: String
    public var topic: String
    public var title: Localized
    public var examples: [Language: [Located<String>]]
    public var patterns: [Located<String>]
    public var negatives: [Language: [Located<String>]]
    public var answer: [Language: Located<String>]
    public var followUps: [Located<String>]
    public var context: [Located<String>]
    public var source: String?
    public var asOf: String?
    public var slot: Located<String>?
    public var ask: Localized?
    public var lookup: Located<String>?
    public var missing: Localized?
    /// The answer asks the user to write a message for staff (name, place, what it is about):
    /// the next message that Karir cannot answer otherwise is taken as that message
    /// (``Turn/messageForStaff(asked:reply:)``) and reported as a handoff.
    public var collectsMessage: Bool = false
    /// A computation with the person's own figures whose values the answer can show
    /// (``Calculation``, by its name: `overtime_workday`).
    public var calculate: Located<String>?
    /// Whom the answer is written for (`audience:`): everyone (the default, in practice job
    /// seekers and workers), or employers. In a conversation whose writer said they employ
    /// people (``MatchSettings/employerWords``), answers written for employers are preferred.
    public var audience: Audience = .everyone
    public var location: Located<String>
}

/// Whom an intent's answer is written for.
public enum Audience: String, Sendable, CaseIterable {
    /// Anyone; Karir's answers are written for job seekers and workers unless marked otherwise.
    case everyone
    /// Employers, owners and HR staff: what they must pay, register or report.
    case employer
}

/// A thing named in questions (a province, an occupation …).
public struct EntityValue: Sendable {
    public var type: String
    public var id: String
    public var names: [String]
    public var location: Located<String>
    /// Larger places (or groups) this value lies in, by entity type: a city's `province`. A
    /// question naming the city then fills an intent's `province` slot.
    public var within: [String: Located<String>] = [:]
    /// The topic an answer about this value belongs to, when it is not the answering intent's
    /// own: Skillhub is answered by the general portal intent, but it is about training, so the
    /// conversation continues in `training`.
    public var topic: Located<String>?
}

/// A data table answers can read, keyed by an entity type.
public struct DataTable: Sendable {
    public var name: String
    public var key: String
    public var rows: [String: [String: String]]
    public var rowLocations: [String: Located<String>]
    public var location: Located<String>
}

/// One step of a guided conversation.
public struct FlowStep: Sendable {
    public var id: String
    public var question: Localized
    /// Numbered answers (value + label); empty for interest items.
    public var choices: [(value: String, label: Localized)]
    /// For interest items (answered on a 3-point scale): the RIASEC letter the answer adds to.
    public var scores: String?
    /// For choice steps: what the answer means for the recommendation (`education`, `abroad`).
    public var role: String?
    /// Other words that pick a choice (`also:`), by the choice's value, normalised ("s1",
    /// "kuliah" for a bachelor's degree).
    public var also: [String: [String]] = [:]
    /// Per choice, the word sequences that name it: its labels in both languages and its value,
    /// normalised, then its other words; made once here rather than on every message.
    let namings: [[[String]]]
    /// Per choice, the first words of its labels in both languages.
    let labelFirstWords: [Set<String>]

    init(id: String, question: Localized, choices: [(value: String, label: Localized)], scores: String?, role: String?,
         also: [String: [String]] = [:]) {
        self.id = id
        self.question = question
        self.choices = choices
        self.scores = scores
        self.role = role
        self.also = also
        self.namings = choices.map { c in
            [c.label.id, c.label.en, c.value].map { TextNormalizer.words($0) }.filter { !$0.isEmpty }
                + (also[c.value] ?? []).map { $0.split(separator: " ").map(String.init) }.filter { !$0.isEmpty }
        }
        self.labelFirstWords = choices.map { c in Set([c.label.id, c.label.en].compactMap { TextNormalizer.words($0).first }) }
    }
}

/// A guided conversation, such as the interest inventory of career counselling.
public struct FlowDefinition: Sendable {
    public var id: String
    /// Intent whose answer starts the flow.
    public var startIntent: String
    public var steps: [FlowStep]
    /// Table of occupations to recommend from (rows need a `riasec` field).
    public var recommendFrom: String?
    public var intro: Localized?
    public var result: Localized?
    /// Names of the interest letters (R, I, A, S, E, C) shown in the result.
    public var letters: [String: Localized]
    public var location: Located<String>
}

/// Engine thresholds that staff may tune in `settings:`.
public struct MatchSettings: Sendable {
    /// Minimum score to answer.
    public var answerThreshold: Double = 0.23
    /// Minimum score to ask back instead of falling back.
    public var clarifyThreshold: Double = 0.20
    /// Weight of the nearest example against the intent's centroid (all its examples) in the
    /// similarity part of a score.
    public var exampleWeight: Double = 0.4
    /// How much the trained model may lower the similarity score of an intent it finds less
    /// likely than its favourite (0 = similarity only).
    public var modelWeight: Double = 0.9
    /// Softmax temperature turning the model's scores into probabilities.
    public var modelTemperature: Double = 0.3
    /// When the top two intents are closer than this, ask back.
    public var clarifyMargin: Double = 0.025
    /// Score added to intents of the active topic.
    public var topicBoost: Double = 0.10
    /// Score added to the last answer's follow-ups.
    public var followUpBoost: Double = 0.12
    /// Messages with at least this many known words count as long …
    public var longMessageWords: Int = 12
    /// … and their answer and clarify thresholds are multiplied by this factor.
    public var longMessageFactor: Double = 0.75
    /// Intents offered when nothing fits.
    public var fallbackSuggestions: [String] = []
    /// The languages the knowledge is written in; every text must exist in each.
    public var languages: [Language] = Language.allCases
    /// Words and phrases (in their normalised form) that say the work is abroad ("luar negeri",
    /// "malaysia", "hong kong", "kbri"): once a conversation names one, answers of topics with an
    /// `abroad_note` open with it (``TopicDefinition/abroadNote``).
    public var abroadWords: [String] = []
    /// Words and phrases (in their normalised form) by which writers say they employ people
    /// ("karyawan saya", "saya pemilik", "i work in hr"): once a conversation names one, intents
    /// with `audience: employer` get ``audienceBoost``.
    public var employerWords: [String] = []
    /// Score added to intents written for the conversation's writer (`audience: employer` once
    /// the writer said they employ people).
    public var audienceBoost: Double = 0.10
}

/// Everything loaded from a knowledge folder, validated but not yet compiled for matching.
public struct KnowledgeBase: Sendable {
    public var topics: [TopicDefinition] = []
    public var intents: [IntentDefinition] = []
    public var lexicon: [String: Located<String>] = [:]
    /// Synonym sets by name, each member with where it was written.
    public var synonyms: [String: [Located<String>]] = [:]
    public var entities: [String: [EntityValue]] = [:]
    /// Correctly spelled words (`words:`) that the examples need not contain: never
    /// spell-corrected into another word ("kamis" stays Thursday, not "kami").
    public var spellings: Set<String> = []
    public var tables: [String: DataTable] = [:]
    public var flows: [FlowDefinition] = []
    public var outOfScope: [Language: [Located<String>]] = [:]
    /// Out-of-scope questions that another office answers, each group with the sentence that
    /// names it (`referrals:`); their examples decline like `out_of_scope`'s.
    public var referrals: [OutOfScopeReferral] = []
    public var settings = MatchSettings()
    /// Fingerprint of every file read.
    public var fingerprint: String = ""
}

/// A group of out-of-scope questions that another office answers ("PPh 21 saya berapa?": the
/// tax office), and the sentence that says where to ask, given instead of the general decline
/// when such an example is the message's nearest.
public struct OutOfScopeReferral: Sendable {
    public var id: String
    public var text: Localized
    public var examples: [Language: [Located<String>]]
    public var location: Located<String>

    public init(id: String, text: Localized, examples: [Language: [Located<String>]], location: Located<String>) {
        self.id = id
        self.text = text
        self.examples = examples
        self.location = location
    }
}

/// Built-in pseudo-topics.
public enum BuiltInTopic {
    public static let clarify = "clarify"
    public static let fallback = "fallback"
}
