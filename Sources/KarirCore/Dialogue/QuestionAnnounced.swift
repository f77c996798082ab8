/// "min mau tanya, sy kerja di pabrik garmen", "pak saya mau tanya soal anak saya, dia kerja di
/// pabrik di cikarang": a message that announces a question (``AskingPreamble``) and then only
/// says who it is about, asking and wanting nothing yet. Karir invites the question (prompt
/// `question_announced`) rather than guessing one from the story: it gave advice on changing
/// careers for garment workers and the UMK of Cikarang (probes 30a 12/1, 30b 09/1). What the
/// message names is remembered for the question that follows (``Turn/run()``).
extension Turn {
    mutating func questionAnnounced() -> Reply? {
        // (An asking word in the preamble: "oh", "ok" opening a message announce nothing.)
        guard preamble.contains(where: AskingPreamble.isAsking), !text.contains("?"), session.flow == nil,
              analysis.tokens.count <= Self.announcingWords else { return nil }
        let words = analysis.tokens.map(\.surface)
        guard let first = words.first(where: { !AskingPreamble.aboutWords.contains($0) }), Self.personWords.contains(first),
              !words.suffix(3).contains(where: QuestionParts.yesNoTags.contains),
              !words.contains(where: { QuestionParts.questionWords.contains($0) || Self.askingOrWanting.contains($0) }) else { return nil }
        rule = traced("a question announced, and only who it is about said: the question invited")
        let text = engine.promptOr("question_announced", language,
                                   id: "Baik, silakan. Apa yang ingin kamu tanyakan?",
                                   en: "Sure, go ahead. What would you like to ask?")
        return finish(Reply(text: text, kind: .ask, topic: BuiltInTopic.clarify, intent: nil, confidence: 0,
                            language: language, session: session))
    }

    /// The most words (after the preamble) of a statement saying who a question is about: a
    /// longer message tells its story and asks within it.
    static let announcingWords = 12

    /// Words a statement of who a question is about opens with (after "soal", "about").
    static let personWords: Set<String> = [
        "saya", "aku", "gue", "gua", "gw", "kami", "anak", "adik", "adek", "kakak", "suami", "istri", "ibu", "bapak", "ortu",
        "keponakan", "ponakan", "teman", "temen", "tetangga", "i", "my", "we", "our",
    ]

    /// Words that ask or say what is wanted, besides the question words: a message holding one
    /// asks already ("saya mau daftar prakerja", "anak saya boleh kerja").
    static let askingOrWanting: Set<String> = [
        "mau", "ingin", "pengen", "pingin", "butuh", "perlu", "cari", "mencari", "boleh", "bisa", "wajib", "harus", "apakah",
        "tolong", "bantu", "dibantu", "bantuin", "ada", "help", "please",
        "want", "need", "looking", "can", "could", "may", "must", "should", "how", "what", "is", "are", "do", "does",
    ]
}
