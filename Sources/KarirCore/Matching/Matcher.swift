/// Ranks intents for an analysed message: patterns first, then example similarity with
/// context boosts.
struct Matcher: Sendable {
    let knowledge: CompiledKnowledge

    struct Ranking {
        var candidates: [Candidate]
        /// Similarity with the nearest out-of-scope example, and that example.
        var outOfScope: Double
        var outOfScopeExample: String?
        /// Share of the message's weight made of words the knowledge does not know.
        var unknownShare: Double
        /// The pattern rule that fired, if any.
        var patternRule: String?
    }

    func rank(_ analysis: Analysis, session: Session, excluding excludedExample: Int32? = nil) -> Ranking {
        let kb = knowledge.base
        // Deterministic rules.
        if analysis.tokens.count <= 60 {
            for p in knowledge.patterns where eligible(p.intent, session) {
                if p.matches(analysis.tokens, stem: knowledge.analyzer.stem) {
                    let c = Candidate(intent: p.intent, score: 1, example: 1, centroid: 1, knownFactor: 1, boost: 0, nearest: "", pattern: p.source)
                    return Ranking(candidates: [c], outOfScope: 0, outOfScopeExample: nil, unknownShare: 0, patternRule: p.source)
                }
            }
        }

        let features = FeatureExtractor.features(analysis.tokens)
        let q = knowledge.index.query(features)
        let exampleScores = knowledge.index.exampleScores(q)
        let centroidScores = knowledge.index.centroidScores(q)

        var best: [Int32: (Float, Int32)] = [:]   // intent → (score, example)
        var negative: [Int32: Float] = [:]
        var oos: Float = 0
        var oosExample: Int32?
        for (doc, s) in exampleScores {
            if doc == excludedExample { continue }
            let owner = knowledge.index.owner[Int(doc)]
            if owner >= 0 {
                if s > (best[owner]?.0 ?? -1) { best[owner] = (s, doc) }
            } else if owner == Int32.min {
                if s > oos { oos = s; oosExample = doc }
            } else {
                let intent = -1 - owner
                negative[intent] = max(negative[intent] ?? 0, s)
            }
        }

        let weight = kb.settings.exampleWeight
        let knownFactor = (1 - Double(q.unknownShare)).squareRoot()
        var candidates: [Candidate] = []
        candidates.reserveCapacity(best.count)
        let followUps = Set(session.lastIntent.flatMap { knowledge.intentIndex[$0] }.map { kb.intents[$0].followUps.map(\.value) } ?? [])
        for (intent, (ex, doc)) in best {
            let i = Int(intent)
            guard eligible(i, session) else { continue }
            let cen = Double(centroidScores[intent] ?? 0)
            // Unknown words already lower the cosine; the extra factor makes a message that is
            // mostly about something else (a pet, a film) fall clearly below the bar.
            var score = (weight * Double(ex) + (1 - weight) * cen) * knownFactor
            if let neg = negative[intent], neg >= ex { score *= 0.6 }
            var boost = 0.0
            let def = kb.intents[i]
            if let active = session.activeTopic, def.topic == active { boost += kb.settings.topicBoost }
            if followUps.contains(def.id) { boost += kb.settings.followUpBoost }
            // A boost helps a plausible candidate win; it must not lift noise over the bar.
            if score < 0.15 { boost = 0 }
            candidates.append(Candidate(intent: i, score: min(1, score + boost), example: Double(ex), centroid: cen, knownFactor: knownFactor,
                                        boost: boost, nearest: knowledge.index.exampleText[Int(doc)], pattern: nil))
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.intent < $1.intent }
        if candidates.count > 10 { candidates.removeLast(candidates.count - 10) }
        return Ranking(candidates: candidates, outOfScope: Double(oos),
                       outOfScopeExample: oosExample.map { knowledge.index.exampleText[Int($0)] },
                       unknownShare: Double(q.unknownShare), patternRule: nil)
    }

    /// Intents with a `context` are only eligible when the conversation is in that context.
    func eligible(_ intent: Int, _ session: Session) -> Bool {
        let def = knowledge.base.intents[intent]
        guard !def.context.isEmpty else { return true }
        return def.context.contains { c in c.value == session.activeTopic || c.value == session.lastIntent }
    }
}
