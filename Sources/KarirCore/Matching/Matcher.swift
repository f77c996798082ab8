import Foundation

/// Ranks intents for an analysed message: patterns first, then example similarity with
/// context boosts.
struct Matcher: Sendable {
    let knowledge: CompiledKnowledge
    /// The numbers of the low-priority topics (small talk): their words ("thanks", "ok") name no
    /// matter, so they never make a message a question of its own.
    let quietTopics: Set<Int>
    /// Look up every reached intent's best example instead of only those that can still make
    /// the best ten. The ranking is the same either way; tests compare the two.
    var examinesEveryIntent = false

    struct Ranking {
        var candidates: [Candidate]
        /// Similarity with the nearest out-of-scope example, and that example.
        var outOfScope: Double
        var outOfScopeExample: String?
        /// The message is made only of words that do not tell topics apart ("how long does it
        /// take?"): it continues the conversation rather than naming a topic.
        var elliptical = false
        /// The message names an entity and otherwise only topic-neutral words ("kalau di
        /// Cimahi?"): inside a conversation, possibly the last question about another entity.
        var entitySwap = false
        /// Of the conversation's active topic, the intent with the nearest example (whatever its
        /// score), for elliptical follow-ups.
        var nearestInTopic: Candidate?
        /// The message names another topic than the conversation's, or an entity.
        var namesAnotherTopic = true
        /// The message holds a word anchoring another topic than the conversation's ("prakerja",
        /// "jht") and none anchoring the conversation's own.
        var anchorsOnlyAnotherTopic = false
        /// Inside a conversation, the message asks a question of its own (six words or more
        /// naming another topic and not the conversation's, or ten words or more not naming the
        /// conversation's): it was ranked without the context boosts.
        var selfContained = false
        /// How many intents had their examples looked at (for tests and measurements).
        var examinedIntents = 0

        /// The similarity of the nearest example of any candidate (0 without candidates), to
        /// compare with ``outOfScope``.
        var nearestExample: Double { candidates.map(\.example).max() ?? 0 }
        /// An out-of-scope example is nearer than every candidate's nearest example: the message
        /// is about another matter, whatever it shares with the knowledge.
        var outOfScopeIsNearer: Bool { outOfScope > nearestExample }
    }

    init(knowledge: CompiledKnowledge) {
        self.knowledge = knowledge
        self.quietTopics = Set(knowledge.topicIndex.compactMap { id, topic in topic.priority == .low ? knowledge.topicNumber[id] : nil })
    }

    /// - Parameter patterns: whether the deterministic patterns are tried first (not for a
    ///   message joined with an earlier one: a pattern the earlier one matches says nothing new).
    func rank(_ analysis: Analysis, session: Session, excluding excludedExample: Int32? = nil, patterns: Bool = true) -> Ranking {
        // Deterministic rules.
        if patterns, analysis.tokens.count <= 60 {
            if let p = knowledge.patterns.firstMatch(analysis.tokens, eligible: { eligible($0, session) }) {
                let c = Candidate(intent: p.intent, score: 1, example: 1, centroid: 1, knownFactor: 1, boost: 0, nearest: "", pattern: p.source)
                return Ranking(candidates: [c], outOfScope: 0, outOfScopeExample: nil)
            }
        }

        let q = knowledge.index.query(analysis.tokens)
        // A message of six words or more that names another topic than the conversation's (one
        // of its anchoring words) and none of the conversation's own asks a question of its own,
        // and so does a long one that does not name the conversation's topic: the context boosts
        // do not apply ("Is the minimum wage figure before or after tax?" after a question about
        // working hours; a long story about a career change after a question about late wages).
        let active = session.activeTopic.flatMap { knowledge.topicNumber[$0] }
        let named = active.map { knowledge.topicNeutral.anchors(q, topic: $0, ignoring: quietTopics) }
        var selfContained = false
        if let named {
            let words = analysis.tokens.count { !TopicNeutralFeatures.connectives.contains($0.surface) }
            selfContained = !named.own && ((named.other && words >= Self.namingWords)
                || (words >= Self.selfContainedWords && !Self.pointsBack(analysis.tokens)))
        }
        var ranking = knowledge.index.scratch.withScratch { scratch in
            score(q, session: session, excluding: excludedExample, boosted: !selfContained, scratch: &scratch)
        }
        ranking.selfContained = selfContained
        // Only a conversation gives an elliptical message something to continue.
        if session.activeTopic != nil {
            let entities = knowledge.topicNeutral.entitiesAmongNeutral(q, words: analysis.tokens.count)
            ranking.elliptical = entities == 0
            ranking.entitySwap = (entities ?? 0) > 0
            if let active, let named {
                ranking.namesAnotherTopic = knowledge.topicNeutral.namesAnotherTopic(q, than: active)
                ranking.anchorsOnlyAnotherTopic = named.other && !named.own
            }
        }
        return ranking
    }

    /// A message of this many words (joining words not counted) that does not name the
    /// conversation's topic is read without the context boosts. Measured on 715 pairs of
    /// evaluation questions of different topics asked one after the other (second question in
    /// its own topic) and on the 185 follow-ups: anchoring words alone 93.8–94.3% / 86.5%;
    /// with 10 words 95.2–95.9% / 87.0%; 8 words the same pairs but 85.4% of the follow-ups.
    static let selfContainedWords = 10
    /// Whether a long message points back at what was said ("my friend already went there, how
    /// can I help him"): a word pointing at a place (``PlaceReference/pointsAtPlace(_:at:)``:
    /// "sana", "situ", "there" but not "is there any …") or at the matter ("tersebut"). Such a
    /// message is not a question of its own for its length alone.
    static func pointsBack(_ tokens: [Token]) -> Bool {
        tokens.indices.contains { k in pointingWords.contains(tokens[k].surface) || PlaceReference.pointsAtPlace(tokens, at: k) }
    }
    private static let pointingWords: Set<String> = ["kesana", "tsb", "tersebut"]
    /// A shorter message keeps the boosts even when it holds another topic's anchoring word:
    /// "baju apa yg cocok?" after an interview question is a follow-up, whatever topic "cocok"
    /// is most used in. Six, the length of the follow-ups the dialogue rules look at; on a blind
    /// set of 240 two-message conversations (`knowledge/eval/conversations2.tsv`) it kept two
    /// more follow-ups than no minimum and lost no topic switch.
    static let namingWords = 6

    /// `boosted`: whether the conversation's topic and the last answer's follow-ups are raised.
    private func score(_ q: SimilarityIndex.Query, session: Session, excluding excludedExample: Int32?, boosted: Bool,
                       scratch: inout ScoreScratch) -> Ranking {
        let index = knowledge.index
        index.accumulateExamples(q, into: &scratch)
        index.accumulateCentroids(q, into: &scratch)
        // With the examples grouped by intent, an intent's best example is looked up only when
        // the intent can still make the best ten (``settle(_:in:skipping:_:)``); leave-one-out
        // checks and the sparse path find every intent's best example first.
        let ranges = index.ranges
        let lazy = ranges != nil && excludedExample == nil && !examinesEveryIntent
        let (oos, oosExample) = if let ranges {
            denseExamples(in: ranges, excluding: excludedExample, lazily: lazy, &scratch)
        } else {
            bestTouchedExamples(excluding: excludedExample, &scratch)
        }
        let settings = knowledge.base.settings
        // Leave-one-out checks leave the trained model out too: it has seen the example.
        let modelWeight = excludedExample == nil ? settings.modelWeight : 0
        if modelWeight > 0 { index.model.accumulate(q, into: &scratch.intentLinear) }
        var followUps = session.lastIntent.flatMap { knowledge.intentIndex[$0] }.map { knowledge.followUpIndices[$0] } ?? []
        // The numbered choices just offered (a clarify's candidates, a fallback's guesses) are
        // what the next message most likely continues, like the last answer's follow-ups.
        for code in session.offeredChoices {
            if let i = knowledge.intentIndex[ChoiceCode(code).intent], !followUps.contains(i) { followUps.append(i) }
        }
        let activeTopic = session.activeTopic.flatMap { knowledge.topicNumber[$0] } ?? -1
        let topicBoost = boosted ? settings.topicBoost : 0, followUpBoost = boosted ? settings.followUpBoost : 0
        // In a high-priority topic (safety) the answers are about different dangers: the topic's
        // boost goes to the last answer's intent only ("gmn cara lapornya" after a trafficking
        // answer is not about child labour).
        let lastIntent = session.lastIntent.flatMap { knowledge.intentIndex[$0] } ?? -1
        let boostsWholeTopic = session.activeTopic.flatMap { knowledge.topicIndex[$0]?.priority } != .high
        func inBoostedTopic(_ i: Int) -> Bool {
            knowledge.intentTopicNumber[i] == activeTopic && (boostsWholeTopic || i == lastIntent)
        }
        // Answers written for the writer: those for employers once the writer said they employ
        // people (in this message or before), whatever the topic ("iurannya brp per orang"
        // after "karyawan saya 5 orang" is about what the employer pays, not a worker's balance).
        let audienceBoost = session.employer == true ? settings.audienceBoost : 0
        let forEmployers = knowledge.forEmployers
        // The conversation is evidence too: the model's odds of the active topic's intents and
        // of the last answer's follow-ups rise, so that the model does not undo a context boost
        // ("how do I claim it?" after a JHT answer). In the model's units a boost counts four
        // times (a clear intent scores about 1). (Letting an intent of another topic keep its
        // odds without the prior, whichever was better, gained 2 of 185 follow-ups and lost 4 of
        // 186 out-of-scope questions asked as follow-ups: not adopted.)
        if modelWeight > 0 && (activeTopic >= 0 || !followUps.isEmpty || audienceBoost > 0) {
            let prior: Float = 4
            for k in scratch.touchedIntents {
                let i = Int(k)
                if inBoostedTopic(i) { scratch.intentLinear[i] += prior * Float(topicBoost) }
                if followUps.contains(i) { scratch.intentLinear[i] += prior * Float(followUpBoost) }
                if audienceBoost > 0, forEmployers[i] { scratch.intentLinear[i] += prior * Float(audienceBoost) }
            }
        }
        // The model's opinion of an intent relative to its favourite: the ratio of their softmax
        // probabilities, exp((score − best) / temperature); untouched intents score 0.
        var maxLinear: Float = 0
        for k in scratch.touchedIntents { maxLinear = max(maxLinear, scratch.intentLinear[Int(k)]) }
        let temperature = Float(settings.modelTemperature)
        for k in scratch.touchedIntents {
            scratch.intentLinear[Int(k)] = exp((scratch.intentLinear[Int(k)] - maxLinear) / temperature)
        }

        let weight = settings.exampleWeight
        let knownFactor = (1 - Double(q.unknownShare)).squareRoot()
        // An intent's score from its best example's similarity `ex`. It never falls as `ex`
        // rises, so the same formula applied to the intent's bound on `ex` (without the `not:`
        // cut, which only ever lowers a score) bounds its score.
        func entry(_ i: Int, example ex: Double, notCut: Bool = true) -> Entry {
            let cen = Double(scratch.intentCentroid[i])
            // The model reorders; the similarity keeps the scale. An intent the model likes as
            // much as its favourite keeps its similarity score, one it likes less loses up to
            // `modelWeight` of it. So an unrelated message stays low (no softmax confidence),
            // and a close call between similar intents goes to the better-discriminated one.
            // Unknown words already lower the cosine; the known factor makes a message that is
            // mostly about something else (a pet, a film) fall clearly below the bar.
            let relative = modelWeight > 0 ? Double(scratch.intentLinear[i]) : 1
            let modelFactor = 1 - modelWeight + modelWeight * relative
            var score = (weight * ex + (1 - weight) * cen) * modelFactor * knownFactor
            // A `not:` example as near as the intent's own examples cuts the score; one clearly
            // nearer ("lupa password email kantor" against the SIAPkerja password intent) cuts
            // it below the answer threshold in practice.
            let negative = Double(scratch.intentNegative[i])
            if notCut, negative >= ex { score *= negative - ex >= 0.15 ? 0.35 : 0.6 }
            var boost = 0.0
            if inBoostedTopic(i) { boost += topicBoost }
            if followUps.contains(i) { boost += followUpBoost }
            if audienceBoost > 0, forEmployers[i] { boost += audienceBoost }
            // A boost helps a plausible candidate win; it must not lift noise over the bar.
            if score < 0.15 { boost = 0 }
            return (score: min(1, score + boost), intent: Int32(i), boost: boost, modelFactor: modelFactor)
        }
        func bound(_ i: Int) -> Double {
            lazy ? entry(i, example: Double(scratch.intentBound[i]), notCut: false).score : .infinity
        }
        // The best ten as plain numbers first; candidates (with their texts) only for those.
        var top: [Entry] = []
        top.reserveCapacity(11)
        func offer(_ entry: Entry) {
            // Keep only the best ten, in order (insertion into a short sorted list).
            if top.count == 10, let worst = top.last, !Self.ranksBefore(entry, worst) { return }
            let at = top.firstIndex { Self.ranksBefore(entry, $0) } ?? top.count
            top.insert(entry, at: at)
            if top.count > 10 { top.removeLast() }
        }
        func settle(_ i: Int) {
            if lazy, let ranges { Self.settle(i, in: ranges, &scratch) }
        }
        // Of the active topic, the intent with the nearest example, whatever its score: every
        // such intent's best example is needed. (In a high-priority topic, only the last answer's
        // intent: the follow-up rules keep a conversation about one danger on that danger.)
        var inTopic: Entry?
        if activeTopic >= 0 {
            for intent in scratch.touchedIntents where inBoostedTopic(Int(intent)) {
                let i = Int(intent)
                settle(i)
                guard scratch.intentBestDoc[i] >= 0, eligible(i, session) else { continue }
                if inTopic.map({ scratch.intentBest[Int($0.intent)] < scratch.intentBest[i] }) ?? true {
                    inTopic = entry(i, example: Double(scratch.intentBest[i]))
                }
            }
        }
        // The ten best: first the ten with the highest bounds, then every other intent whose
        // bound still reaches the tenth score. The ranking is the same in any order.
        // Each intent's bound once (by its place in `touchedIntents`); a seed's is then set to
        // -infinity so that the second pass skips it.
        var bounds = scratch.touchedIntents.map { bound(Int($0)) }
        var seeds: [(bound: Double, at: Int)] = []
        seeds.reserveCapacity(11)
        for (at, b) in bounds.enumerated() {
            if seeds.count == 10, let last = seeds.last, b <= last.bound { continue }
            let place = seeds.firstIndex { b > $0.bound } ?? seeds.count
            seeds.insert((b, at), at: place)
            if seeds.count > 10 { seeds.removeLast() }
        }
        func consider(_ i: Int) {
            settle(i)
            guard scratch.intentBestDoc[i] >= 0, eligible(i, session) else { return }
            offer(entry(i, example: Double(scratch.intentBest[i])))
        }
        for seed in seeds {
            consider(Int(scratch.touchedIntents[seed.at]))
            bounds[seed.at] = -.infinity
        }
        for (at, b) in bounds.enumerated() where b > -.infinity {
            if top.count == 10, let worst = top.last, b < worst.score { continue }
            consider(Int(scratch.touchedIntents[at]))
        }
        func candidate(_ t: Entry) -> Candidate {
            let i = Int(t.intent)
            let doc = scratch.intentBestDoc[i]
            return Candidate(intent: i, score: t.score, example: Double(scratch.intentBest[i]), centroid: Double(scratch.intentCentroid[i]),
                             modelFactor: t.modelFactor, knownFactor: knownFactor, boost: t.boost,
                             nearest: index.exampleText[Int(doc)], pattern: nil, nearestDoc: doc)
        }
        var ranking = Ranking(candidates: top.map(candidate), outOfScope: Double(oos),
                              outOfScopeExample: oosExample.map { index.exampleText[Int($0)] })
        ranking.nearestInTopic = inTopic.map(candidate)
        ranking.examinedIntents = scratch.touchedIntents.count { scratch.intentBest[Int($0)] >= 0 }
        return ranking
    }

    /// A candidate's numbers before its texts are looked up (only the best ten get them).
    private typealias Entry = (score: Double, intent: Int32, boost: Double, modelFactor: Double)

    /// Higher score first; equal scores by intent order, so rankings are deterministic.
    private static func ranksBefore(_ a: Entry, _ b: Entry) -> Bool {
        a.score != b.score ? a.score > b.score : a.intent < b.intent
    }

    /// Dense scoring: each intent's strongest negative example and the nearest out-of-scope
    /// example, from their ranges of the scores. Every reached intent is listed; its best example
    /// is found now, or with `lazily` only later and only if it can make the best ten
    /// (``settle(_:in:skipping:_:)``). Intents the query does not reach are skipped: their
    /// examples all score 0.
    private func denseExamples(in ranges: OwnerRanges, excluding excludedExample: Int32?, lazily: Bool,
                               _ scratch: inout ScoreScratch) -> (Float, Int32?) {
        let skip = Int(excludedExample ?? -1)
        // Listed whether or not an example scores, so that the scratch is cleared after them.
        scratch.touchedIntents.append(contentsOf: scratch.reachedIntents)
        if !lazily {
            for intent in scratch.reachedIntents { Self.settle(Int(intent), in: ranges, skipping: skip, &scratch) }
        }
        var oos: Float = 0
        var oosExample: Int32?
        scratch.docScores.withUnsafeBufferPointer { scores in
            for intent in ranges.withNegatives {
                let i = Int(intent)
                let (negative, doc) = Self.highest(scores, from: Int(ranges.negative[i]), to: Int(ranges.negative[i + 1]), skipping: skip)
                guard doc >= 0 else { continue }
                // Not reached (no centroid score): listed here.
                if scratch.intentCentroid[i] == 0 { scratch.touchedIntents.append(intent) }
                scratch.intentNegative[i] = negative
            }
            let (best, doc) = Self.highest(scores, from: Int(ranges.outOfScope.lowerBound), to: Int(ranges.outOfScope.upperBound), skipping: skip)
            if doc >= 0 { oos = best; oosExample = Int32(doc) }
        }
        return (oos, oosExample)
    }

    /// Finds intent `i`'s best example from its range of the dense scores, once: `intentBest`
    /// stays -1 until it is known (then 0 or more; `intentBestDoc` -1 when no example scores).
    private static func settle(_ i: Int, in ranges: OwnerRanges, skipping skip: Int = -1, _ scratch: inout ScoreScratch) {
        guard scratch.intentBest[i] < 0 else { return }
        let (best, doc) = scratch.docScores.withUnsafeBufferPointer { scores in
            highest(scores, from: Int(ranges.positive[i]), to: Int(ranges.positive[i + 1]), skipping: skip)
        }
        scratch.intentBest[i] = best
        scratch.intentBestDoc[i] = Int32(doc)
    }

    /// The highest positive score in `lo ..< hi` and where it is (the first such place), or
    /// (0, -1) when none is positive. Compares eight scores at a time.
    @inline(__always)
    static func highest(_ scores: UnsafeBufferPointer<Float>, from lo: Int, to hi: Int, skipping skip: Int) -> (Float, Int) {
        guard lo < hi, let base = scores.baseAddress else { return (0, -1) }
        if skip >= lo && skip < hi {
            // Leave-one-out checks only: the plain loop.
            var best: Float = 0, at = -1
            for d in lo..<hi where d != skip && scores[d] > best { best = scores[d]; at = d }
            return (best, at)
        }
        // Per lane, its highest score and the first place it was seen.
        var lanes = SIMD8<Float>(repeating: 0)
        var places = SIMD8<Int32>(repeating: -1)
        var chunk = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7) &+ Int32(lo)
        var d = lo
        let raw = UnsafeRawPointer(base)
        while d + 8 <= hi {
            let next = raw.loadUnaligned(fromByteOffset: d * MemoryLayout<Float>.stride, as: SIMD8<Float>.self)
            let higher = next .> lanes
            lanes.replace(with: next, where: higher)
            places.replace(with: chunk, where: higher)
            chunk &+= 8
            d += 8
        }
        var best: Float = 0, at = -1
        for k in 0..<8 where lanes[k] > best || (lanes[k] == best && best > 0 && Int(places[k]) < at) {
            best = lanes[k]; at = Int(places[k])
        }
        while d < hi {
            if scores[d] > best { best = scores[d]; at = d }
            d += 1
        }
        return (best, at)
    }

    /// Sparse scoring (large knowledge bases): the same, over the examples the query touched.
    private func bestTouchedExamples(excluding excludedExample: Int32?, _ scratch: inout ScoreScratch) -> (Float, Int32?) {
        var oos: Float = 0
        var oosExample: Int32?
        let owners = knowledge.index.owner
        for doc in scratch.touchedDocs {
            if doc == excludedExample { continue }
            let s = scratch.docScores[Int(doc)]
            let owner = owners[Int(doc)]
            if owner >= 0 {
                let k = Int(owner)
                if scratch.intentBestDoc[k] < 0 && scratch.intentNegative[k] == 0 { scratch.touchedIntents.append(owner) }
                if s > scratch.intentBest[k] { scratch.intentBest[k] = s; scratch.intentBestDoc[k] = doc }
            } else if owner == Int32.min {
                if s > oos { oos = s; oosExample = doc }
            } else {
                let k = Int(-1 - owner)
                if scratch.intentBestDoc[k] < 0 && scratch.intentNegative[k] == 0 { scratch.touchedIntents.append(Int32(k)) }
                scratch.intentNegative[k] = max(scratch.intentNegative[k], s)
            }
        }
        return (oos, oosExample)
    }

    /// Intents with a `context` are only eligible when the conversation is in that context (or,
    /// for the topic that took a message for staff, has been: ``Session/passedToStaffIn``).
    func eligible(_ intent: Int, _ session: Session) -> Bool {
        guard knowledge.hasContext[intent] else { return true }
        let context = knowledge.intentContexts[intent]
        return context.contains { c in c == session.activeTopic || c == session.lastIntent || c == session.passedToStaffIn }
    }
}

