/// Which features say nothing about the topic: words such as "berapa", "lama", "how", "take",
/// "syarat" occur in the examples of many topics about equally. A message made only of such
/// words ("how long does it take?", "syaratnya apa?") is elliptical: it continues the
/// conversation's topic, whichever intent happens to hold the same generic wording.
struct TopicNeutralFeatures: Sendable {
    /// A feature is neutral when no topic holds more than this share of it (shares normalised
    /// by each topic's number of examples).
    static let maxTopicShare: Float = 0.4
    /// Rarer features are not judged neutral: too few examples to tell.
    static let minExamples = 5

    let neutral: [Bool]
    /// Which features are entity types.
    let entity: [Bool]
    /// The topic a feature names (most of its use is in that topic: "kuning", "jht", "blk"),
    /// or -1.
    let anchor: [Int16]
    /// A feature anchors its topic when that topic holds at least this share of it.
    static let anchorShare: Float = 0.75

    /// Words that only join a follow-up to the conversation ("kalau", "untuk", "what about")
    /// are neutral whatever their counts say: one topic's examples may happen to use them more.
    static let connectives: Set<String> = ["kalau", "kalo", "klo", "bagaimana", "gimana", "yang", "untuk", "buat", "what", "about", "how",
                                           "and", "then", "dengan", "dong", "sih", "saja", "aja", "juga", "also", "for"]

    /// - Parameters:
    ///   - documents: the indexed examples (owner ≥ 0: an intent's positive example).
    ///   - topicOfIntent: each intent's topic number (negative: none).
    init(documents: [SimilarityIndex.Document], topicOfIntent: [Int], topics: Int, space: FeatureSpace) {
        let featureCount = space.count
        var entity = [Bool](repeating: false, count: featureCount)
        for id in space.entities.values { entity[Int(id)] = true }
        self.entity = entity
        guard topics > 0, featureCount > 0 else { neutral = []; anchor = []; return }
        var perTopic = [Int](repeating: 0, count: topics)
        var counts = [UInt16](repeating: 0, count: featureCount * topics)
        for d in documents where d.owner >= 0 {
            let t = topicOfIntent[Int(d.owner)]
            guard t >= 0 && t < topics else { continue }
            perTopic[t] += 1
            for f in d.features {
                let k = Int(f.id) * topics + t
                if counts[k] < UInt16.max { counts[k] += 1 }
            }
        }
        var neutral = [Bool](repeating: false, count: featureCount)
        var anchor = [Int16](repeating: -1, count: featureCount)
        for f in 0..<featureCount {
            var total = 0
            var sum: Float = 0, top: Float = 0, topTopic = -1
            for t in 0..<topics where perTopic[t] > 0 {
                let n = Int(counts[f * topics + t])
                total += n
                let p = Float(n) / Float(perTopic[t])
                sum += p
                if p > top { top = p; topTopic = t }
            }
            neutral[f] = total >= Self.minExamples && sum > 0 && top / sum < Self.maxTopicShare
            if total >= Self.minExamples, sum > 0, top / sum >= Self.anchorShare { anchor[f] = Int16(topTopic) }
        }
        self.anchor = anchor
        // Word pairs only carry word order; entities always name something specific.
        for id in space.pairs.values { neutral[Int(id)] = true }
        for word in Self.connectives {
            if let id = space.id(.stem, word) { neutral[Int(id)] = true }
            if let id = space.id(.word, word) { neutral[Int(id)] = true }
        }
        for id in space.entities.values { neutral[Int(id)] = false }
        self.neutral = neutral
    }

    /// Whether the message names a topic other than `topic` (a feature anchoring it) or an
    /// entity.
    func namesAnotherTopic(_ q: SimilarityIndex.Query, than topic: Int) -> Bool {
        q.modelTerms.contains { (f, _) in
            let i = Int(f)
            guard i < anchor.count else { return false }
            return entity[i] || (anchor[i] >= 0 && Int(anchor[i]) != topic)
        }
    }

    /// Whether the message holds a word anchoring `topic`, and one anchoring another topic.
    /// Words anchoring one of the `ignoring` topics count for neither.
    func anchors(_ q: SimilarityIndex.Query, topic: Int, ignoring: Set<Int> = []) -> (own: Bool, other: Bool) {
        var own = false, other = false
        for (f, _) in q.modelTerms {
            let i = Int(f)
            // Word pairs and connectives are neutral, whatever topic happens to hold them.
            guard i < anchor.count, anchor[i] >= 0, !neutral[i], !ignoring.contains(Int(anchor[i])) else { continue }
            if Int(anchor[i]) == topic { own = true } else { other = true }
        }
        return (own, other)
    }

    /// Elliptical messages are short: a longer one made of common words ("where can I find a
    /// job around here?") asks its own question.
    static let maxWords = 5

    /// Whether the message is short and made only of topic-neutral words (and nearly no
    /// unknown ones).
    func isElliptical(_ q: SimilarityIndex.Query, words: Int) -> Bool {
        entitiesAmongNeutral(q, words: words) == 0
    }

    /// Whether the message names an entity and otherwise holds only topic-neutral words (and
    /// nearly no unknown ones): "kalau di Cimahi sama gak?", "and as a caregiver?". In a
    /// conversation that already named a place or an occupation, that is the same question
    /// asked about another one.
    func isEntitySwap(_ q: SimilarityIndex.Query, words: Int) -> Bool {
        (entitiesAmongNeutral(q, words: words) ?? 0) > 0
    }

    /// For a short message of known words whose features are all topic-neutral or entity
    /// types, how many are entity types; nil for any other message. Both shapes in one pass.
    func entitiesAmongNeutral(_ q: SimilarityIndex.Query, words: Int) -> Int? {
        guard words <= Self.maxWords, !q.modelTerms.isEmpty, q.unknownShare < 0.25 else { return nil }
        var entities = 0
        for (f, _) in q.modelTerms {
            let i = Int(f)
            guard i < neutral.count else { return nil }
            if entity[i] { entities += 1 } else if !neutral[i] { return nil }
        }
        return entities
    }
}
