/// The result of matching every example back to its own intent.
public struct VerificationReport: Sendable {
    /// One warning per example answered by another intent (or not answered).
    public var misses: [Diagnostic]
    public var examples: Int
    /// Examples still answered by their own intent when they are left out of the index:
    /// how well the intent generalises beyond its literal examples.
    public var leaveOneOutCorrect: Int
    public var leaveOneOutMisses: [Diagnostic]
}

extension Engine {
    /// Matches every example back to its own intent, as ChatScript's `:verify` does, and
    /// measures leave-one-out accuracy.
    public func verifyExamples() -> VerificationReport {
        let kb = knowledge.base
        var misses: [Diagnostic] = []
        var looMisses: [Diagnostic] = []
        var total = 0, looCorrect = 0
        for (i, lang, e, doc) in exampleDocuments() {
            let intent = kb.intents[i]
            total += 1
            // Examples are checked inside their own topic, as a follow-up would be:
            // "berapa biayanya?" may belong to several topics' cost intents.
            var session = Session(language: lang)
            session.activeTopic = intent.topic
            if let context = intent.context.first?.value {
                if knowledge.topicIndex[context] != nil { session.activeTopic = context } else { session.lastIntent = context; session.activeTopic = knowledge.intentIndex[context].map { kb.intents[$0].topic } }
            }
            let reply = respond(to: e.value, in: session, language: lang)
            let analysis = knowledge.analyzer.analyze(e.value, sessionLanguage: lang)
            if reply.intent != intent.id || (reply.kind != .answer && reply.kind != .ask && reply.kind != .flow) {
                let got = reply.intent.map { "`\($0)`" } ?? reply.kind.rawValue
                // The other intent's example nearest to this one shows staff where the two overlap.
                let other = reply.intent.flatMap { knowledge.intentIndex[$0] }
                let nearest = other.flatMap { o in matcher.rank(analysis, session: session).candidates.first { $0.intent == o }?.nearest }
                let overlap = nearest.map { "; its nearest example: \"\($0)\"" } ?? ""
                misses.append(Diagnostic(.warning, file: e.file, line: e.line, column: e.column,
                                         "example \"\(e.value)\" of `\(intent.id)` is answered by \(got) (\(reply.kind.rawValue), confidence \(fmt(reply.confidence))\(overlap))",
                                         hint: "rephrase it, move it to the right intent, or add a `not:` example to the other intent"))
            }
            let ranking = matcher.rank(analysis, session: session, excluding: doc)
            if let top = ranking.candidates.first, top.intent == i, top.score >= kb.settings.clarifyThreshold {
                looCorrect += 1
            } else {
                let got = ranking.candidates.first.map { "`\(kb.intents[$0.intent].id)` (\(fmt($0.score)))" } ?? "nothing"
                looMisses.append(Diagnostic(.warning, file: e.file, line: e.line, column: e.column,
                                            "without itself, example \"\(e.value)\" of `\(intent.id)` goes to \(got)",
                                            hint: "no other example of this intent says anything like it: add a similar phrasing or rephrase"))
            }
        }
        return VerificationReport(misses: misses, examples: total, leaveOneOutCorrect: looCorrect, leaveOneOutMisses: looMisses)
    }

    /// Every example with its intent, language and its number in the similarity index.
    func exampleDocuments() -> [(intent: Int, language: Language, example: Located<String>, doc: Int32)] {
        CompiledKnowledge.indexedTexts(knowledge.base).enumerated().compactMap { doc, t in
            t.owner >= 0 ? (Int(t.owner), t.language, t.text, Int32(doc)) : nil
        }
    }
}
