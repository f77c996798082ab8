/// "lanjut", "terus?", "next": a message that only asks to go on, right after an answer that
/// offers next steps. Karir offers those steps again as numbered choices (prompt `go_on`) rather
/// than reading the word as a goodbye ("lanjut" got "Sampai jumpa", probe 31d 17.4) or sending
/// the last answer again in full ("terus?", probe 31d 07.4, 17.5).
extension Turn {
    mutating func goOnAsked() -> Reply? {
        guard session.flow == nil, let last = session.lastIntent.flatMap({ engine.knowledge.intentIndex[$0] }),
              !text.contains(where: \.isNumber) else { return nil }
        let words = analysis.tokens.map(\.surface).filter { !Self.goOnFillers.contains($0) && !AskingPreamble.addressWords.contains($0) }
        guard !words.isEmpty, words.count <= 2, words.contains(where: Self.goOnWords.contains),
              words.allSatisfy({ Self.goOnWords.contains($0) || Self.goOnCompanions.contains($0) }) else { return nil }
        let picks = suggestions(for: kb.intents[last])
        guard !picks.isEmpty else { return nil }
        rule = traced("only asks to go on after `\(kb.intents[last].id)`: its next steps offered again")
        let text = engine.promptOr("go_on", language,
                                   id: "Mau lanjut ke mana? Ketik nomornya, atau tulis pertanyaanmu.",
                                   en: "Where would you like to go next? Type a number, or write your question.")
        session.offeredChoices = picks.map(\.intent)
        return finish(Reply(text: text, kind: .ask, topic: kb.intents[last].topic, intent: nil, confidence: 0,
                            language: language, suggestions: picks, session: session))
    }

    /// Words that ask to go on.
    static let goOnWords: Set<String> = ["lanjut", "lanjutkan", "lanjutin", "lanjutannya", "terus", "trus", "selanjutnya", "berikutnya",
                                         "next", "continue", "more"]
    /// Words that may stand beside them ("terus apa?", "what next", "and then?").
    static let goOnCompanions: Set<String> = ["apa", "lagi", "what", "then", "and", "else", "step"]
    /// Particles and pleasantries around them ("lanjut kak", "ok lanjut dong").
    static let goOnFillers: Set<String> = ["ok", "oke", "okay", "ya", "iya", "dong", "deh", "sih", "yuk", "ayo", "please", "pls", "min"]
}
