/// An intent the matcher considers for a message, with the parts of its score.
struct Candidate: Sendable {
    var intent: Int
    /// Final score in [0, 1] after boosts.
    var score: Double
    /// Best cosine similarity with one of the intent's examples.
    var example: Double
    /// Cosine similarity with the intent's centroid.
    var centroid: Double
    /// The trained model's factor for this intent: 1 for its favourite, lower for the others.
    var modelFactor: Double = 1
    /// Penalty factor for words the knowledge does not know (1 = all known).
    var knownFactor: Double = 1
    /// Context boost added (active topic, expected follow-up).
    var boost: Double
    /// The nearest example, for explanations.
    var nearest: String
    /// The pattern that fired, if any.
    var pattern: String?
    /// Index of the nearest example.
    var nearestDoc: Int32 = -1
}
