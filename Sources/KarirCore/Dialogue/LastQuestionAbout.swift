extension Turn {
    /// "kalau JHT nya?" right after "cara klaimnya gimana" about the JKP benefit: a follow-up
    /// that opens with a joining word ("kalau", "what about") and names, in at most three words
    /// of content, only another topic than the last answer's asks the previous question again
    /// about that topic. The previous message and this one are read together, without the
    /// conversation: when that reading's best answer is of the topic the message names, is not
    /// the message's own best reading, and answers on its own, it answers (the claim of JHT, not
    /// what JHT is or what happens to it on changing jobs).
    mutating func lastQuestionAbout(_ top: Candidate?) -> Reply? {
        guard let top, top.pattern == nil, let ranking, ranking.anchorsOnlyAnotherTopic,
              let previous = session.previousMessage, let last = lastEligibleIntent(),
              kb.intents[top.intent].topic != kb.intents[last].topic, priority(of: top.intent) == .normal else { return nil }
        guard isShortJoiningFollowUp() else { return nil }
        let reading = engine.matcher.rank(joined(after: previous), session: Session(language: session.language), patterns: false)
        guard let best = reading.candidates.first, best.intent != top.intent, kb.intents[best.intent].topic == kb.intents[top.intent].topic,
              priority(of: best.intent) == .normal, best.score >= settings.answerThreshold, reading.outOfScope <= best.example else { return nil }
        rule = traced("the last question (\"\(previous)\") asked about the topic the message names: `\(kb.intents[best.intent].id)` (\(fmt(best.score)))")
        return answer(intent: best.intent, score: best.score, entity: nil)
    }
}
