import Foundation

/// Mean cost of a reply's stages, in microseconds per question (``Engine/stageCosts(_:rounds:)``).
public struct StageCosts: Sendable {
    /// Normalising, spelling, stemming, synonyms, entities and language detection.
    public var analysis: Double
    /// Patterns, the similarity passes and the model, on an analysed message.
    public var ranking: Double
    /// The whole reply (analysis, ranking, dialogue rules and the rendered answer).
    public var reply: Double
    /// Per question, how many intents had their examples looked at, and how many the message
    /// reached (the rest could not make the best ten; see ``SimilarityIndex/exampleBound``).
    public var examinedIntents: Double = 0
    public var reachedIntents: Double = 0
}

extension Engine {
    /// Times each stage of answering `questions` (each in a fresh session) over `rounds` passes,
    /// in CPU time of the calling thread; for `karir bench-engine`, which reports where an answer's time
    /// goes.
    public func stageCosts(_ questions: [String], rounds: Int) -> StageCosts {
        guard !questions.isEmpty, rounds > 0 else { return StageCosts(analysis: 0, ranking: 0, reply: 0) }
        let analyzer = knowledge.analyzer
        let analyses = questions.map { analyzer.analyze($0, sessionLanguage: nil) }
        // CPU time of this thread: other processes on the machine do not inflate it.
        func cpuNanoseconds() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) * 1e9 + Double(ts.tv_nsec)
        }
        func micros(_ body: () -> Void) -> Double {
            let start = cpuNanoseconds()
            for _ in 0..<rounds { body() }
            return (cpuNanoseconds() - start) / 1000 / Double(rounds * questions.count)
        }
        var sink = 0
        let analysis = micros { for q in questions { sink &+= analyzer.analyze(q, sessionLanguage: nil).tokens.count } }
        let ranking = micros { for a in analyses { sink &+= matcher.rank(a, session: Session()).candidates.count } }
        let reply = micros { for q in questions { sink &+= respond(to: q, in: Session()).text.utf8.count } }
        var every = matcher
        every.examinesEveryIntent = true
        let examined = analyses.map { matcher.rank($0, session: Session()).examinedIntents }.reduce(0, +)
        let reached = analyses.map { every.rank($0, session: Session()).examinedIntents }.reduce(0, +)
        // `sink` keeps the optimiser from dropping the work.
        return StageCosts(analysis: analysis + (sink == .min ? 1 : 0), ranking: ranking, reply: reply,
                          examinedIntents: Double(examined) / Double(questions.count), reachedIntents: Double(reached) / Double(questions.count))
    }
}
