import Foundation

/// Ranks intents for an analysed message: patterns first, then example similarity with
/// context boosts.
struct Matcher: Sendable {
    let knowledge: CompiledKnowledge

    struct Ranking {
        var candidates: [Candidate]
        /// Similarity with the nearest out-of-scope example, and that example.
        var outOfScope: Double
        var outOfScopeExample: String?
    }

    func rank(_ analysis: Analysis, session: Session, excluding excludedExample: Int32? = nil) -> Ranking {
        // Deterministic rules.
        if analysis.tokens.count <= 60 {
            if let p = knowledge.patterns.firstMatch(analysis.tokens, eligible: { eligible($0, session) }) {
                let c = Candidate(intent: p.intent, score: 1, example: 1, centroid: 1, knownFactor: 1, boost: 0, nearest: "", pattern: p.source)
                return Ranking(candidates: [c], outOfScope: 0, outOfScopeExample: nil)
            }
        }

        let q = knowledge.index.query(analysis.tokens)
        return knowledge.index.scratch.withScratch { scratch in
            score(q, session: session, excluding: excludedExample, scratch: scratch)
        }
    }

    private func score(_ q: SimilarityIndex.Query, session: Session, excluding excludedExample: Int32?, scratch: ScoreScratch) -> Ranking {
        let index = knowledge.index
        index.accumulateExamples(q, into: scratch)
        var oos: Float = 0
        var oosExample: Int32?
        // Work on local arrays moved out of the scratch object (no copy, no per-access
        // exclusivity checks on a class property), and move them back afterwards.
        var best: [Float] = [], bestDoc: [Int32] = [], negative: [Float] = [], touched: [Int32] = []
        swap(&best, &scratch.intentBest); swap(&bestDoc, &scratch.intentBestDoc)
        swap(&negative, &scratch.intentNegative); swap(&touched, &scratch.touchedIntents)
        let owners = index.owner
        let docScores = scratch.docScores
        for doc in scratch.touchedDocs {
            if doc == excludedExample { continue }
            let s = docScores[Int(doc)]
            let owner = owners[Int(doc)]
            if owner >= 0 {
                let k = Int(owner)
                if bestDoc[k] < 0 && negative[k] == 0 { touched.append(owner) }
                if s > best[k] { best[k] = s; bestDoc[k] = doc }
            } else if owner == Int32.min {
                if s > oos { oos = s; oosExample = doc }
            } else {
                let k = Int(-1 - owner)
                if bestDoc[k] < 0 && negative[k] == 0 { touched.append(Int32(k)) }
                negative[k] = max(negative[k], s)
            }
        }
        swap(&best, &scratch.intentBest); swap(&bestDoc, &scratch.intentBestDoc)
        swap(&negative, &scratch.intentNegative); swap(&touched, &scratch.touchedIntents)
        index.accumulateCentroids(q, into: scratch)
        let settings = knowledge.base.settings
        // Leave-one-out checks leave the trained model out too: it has seen the example.
        let modelWeight = excludedExample == nil ? settings.modelWeight : 0
        if modelWeight > 0 { index.model.accumulate(q, into: &scratch.intentLinear) }
        let followUps = session.lastIntent.flatMap { knowledge.intentIndex[$0] }.map { knowledge.followUpIndices[$0] } ?? []
        let activeTopic = session.activeTopic.flatMap { knowledge.topicNumber[$0] } ?? -1
        // The conversation is evidence too: the model's odds of the active topic's intents and
        // of the last answer's follow-ups rise, so that the model does not undo a context boost
        // ("how do I claim it?" after a JHT answer).
        if modelWeight > 0 && (activeTopic >= 0 || !followUps.isEmpty) {
            // In the model's units a boost counts four times (a clear intent scores about 1).
            let prior: Float = 4
            for k in scratch.touchedIntents {
                let i = Int(k)
                if knowledge.intentTopicNumber[i] == activeTopic { scratch.intentLinear[i] += prior * Float(settings.topicBoost) }
                if followUps.contains(i) { scratch.intentLinear[i] += prior * Float(settings.followUpBoost) }
            }
        }
        // The model's scores as a probability over intents (softmax; untouched intents score 0).
        var maxLinear: Float = 0
        for k in scratch.touchedIntents { maxLinear = max(maxLinear, scratch.intentLinear[Int(k)]) }
        let temperature = Float(settings.modelTemperature)
        var partition = Float(scratch.intentLinear.count - scratch.touchedIntents.count) * exp((0 - maxLinear) / temperature)
        for k in scratch.touchedIntents { partition += exp((scratch.intentLinear[Int(k)] - maxLinear) / temperature) }
        let topProbability = Double(1 / partition)

        let weight = settings.exampleWeight
        let knownFactor = (1 - Double(q.unknownShare)).squareRoot()
        var candidates: [Candidate] = []
        candidates.reserveCapacity(11)
        for intent in scratch.touchedIntents {
            let i = Int(intent)
            let doc = scratch.intentBestDoc[i]
            guard doc >= 0, eligible(i, session) else { continue }
            let ex = scratch.intentBest[i]
            let cen = Double(scratch.intentCentroid[i])
            // Unknown words already lower the cosine; the extra factor makes a message that is
            // mostly about something else (a pet, a film) fall clearly below the bar.
            let probability = Double(exp((scratch.intentLinear[i] - maxLinear) / temperature) / partition)
            // The model reorders; the similarity keeps the scale. An intent the model likes as
            // much as its favourite keeps its similarity score, one it likes less loses up to
            // `modelWeight` of it. So an unrelated message stays low (no softmax confidence),
            // and a close call between similar intents goes to the better-discriminated one.
            let relative = modelWeight > 0 ? probability / max(1e-9, topProbability) : 1
            let modelFactor = 1 - modelWeight + modelWeight * relative
            var score = (weight * Double(ex) + (1 - weight) * cen) * modelFactor * knownFactor
            if scratch.intentNegative[i] >= ex { score *= 0.6 }
            var boost = 0.0
            if knowledge.intentTopicNumber[i] == activeTopic { boost += settings.topicBoost }
            if followUps.contains(i) { boost += settings.followUpBoost }
            // A boost helps a plausible candidate win; it must not lift noise over the bar.
            if score < 0.15 { boost = 0 }
            let c = Candidate(intent: i, score: min(1, score + boost), example: Double(ex), centroid: cen,
                              modelFactor: modelFactor, knownFactor: knownFactor, boost: boost, nearest: "", pattern: nil, nearestDoc: doc)
            // Keep only the best ten, in order (insertion into a short sorted list).
            if candidates.count == 10, let worst = candidates.last, !Self.ranksBefore(c, worst) { continue }
            let at = candidates.firstIndex { Self.ranksBefore(c, $0) } ?? candidates.count
            candidates.insert(c, at: at)
            if candidates.count > 10 { candidates.removeLast() }
        }
        for k in candidates.indices { candidates[k].nearest = index.exampleText[Int(candidates[k].nearestDoc)] }
        return Ranking(candidates: candidates, outOfScope: Double(oos),
                       outOfScopeExample: oosExample.map { index.exampleText[Int($0)] })
    }

    static func ranksBefore(_ a: Candidate, _ b: Candidate) -> Bool {
        a.score != b.score ? a.score > b.score : a.intent < b.intent
    }

    /// Intents with a `context` are only eligible when the conversation is in that context.
    func eligible(_ intent: Int, _ session: Session) -> Bool {
        let context = knowledge.intentContexts[intent]
        guard !context.isEmpty else { return true }
        return context.contains { c in c == session.activeTopic || c == session.lastIntent }
    }
}

