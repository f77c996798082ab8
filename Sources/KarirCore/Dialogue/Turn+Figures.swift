/// The person's own figures across a conversation (``Figures``, ``Calculation``).
extension Turn {
    /// Remembers the wage and the months worked the message states, for answers that compute
    /// with them later ("gaji sy 4,2 jt", then "lembur 3 jam dapet brp"); whether the message
    /// gives figures at all (hours too, inside a conversation). The message is cut into figures
    /// once, and only when it holds a digit.
    mutating func rememberFigures() -> Bool {
        guard text.utf8.contains(where: { $0 >= 48 && $0 <= 57 }) else { return false }
        let figures = Figures.tokens(text)
        var states = false
        // A wage only from a message that speaks of pay, months only after a word of service.
        if let wage = Calculation.statedWage(in: figures, surfaces: analysis.tokens.lazy.map(\.surface)) {
            session.wage = wage
            states = true
        }
        if analysis.tokens.contains(where: { Figures.serviceWords.contains($0.surface) }), let months = Calculation.statedMonths(in: figures) {
            session.monthsWorked = months
            states = true
        }
        return states || (session.lastIntent != nil && !Figures.hours(figures).isEmpty)
    }

    /// "eh salah, gaji sy 3,5jt bukan 3,2" or "kalo 3 jam" right after an answer that computed
    /// with the person's figures: the same answer, computed again with the new ones, unless the
    /// message clearly asks something else. Nil otherwise. For a message that gives figures.
    mutating func computeAgain() -> Reply? {
        guard let last = lastEligibleIntent(), kb.intents[last].calculate != nil,
              Correction.isCorrection(analysis.tokens) || analysis.tokens.contains(where: { Correction.interjections.contains($0.surface) })
                || contentWords(analysis.tokens[...]) <= Self.figuresOnlyWords else { return nil }
        let ranking = self.ranking ?? engine.matcher.rank(analysis, session: session)
        self.ranking = ranking
        guard ranking.candidates.first.map({ !isClearlyAnotherQuestion($0) || $0.intent == last }) ?? true else { return nil }
        rule = traced("new figures for the answer just computed: computed again")
        return answer(intent: last, score: max(ranking.candidates.first?.score ?? 0, settings.answerThreshold), entity: nil)
    }

    /// A message of this many content words or fewer that states figures right after a computed
    /// answer gives new figures for it ("gaji 3,5jt", "kalo 5 jam").
    static let figuresOnlyWords = 3
}
