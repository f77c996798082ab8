import Foundation
import KarirCore
import KarirServer

/// A deterministic stand-in for the engine (the sockets in these tests are real).
///
/// - `"unknown …"` falls back, `"which …"` asks back, `"dots"` answers with dot-led lines,
///   `"big N"` answers with N bytes; anything else is echoed as `[version] turn N: text`.
/// - The session's `turn` counts messages, so ordering and sharing of sessions can be checked.
struct TestResponder: Responder {
    var version = "v1"

    var info: EngineInfo { Self.makeInfo(hash: version) }

    func respond(to text: String, in session: Session, language: Language?) -> Reply {
        var session = session
        session.turn += 1
        let lang = language ?? (text.lowercased().contains("hello") ? .en : .id)
        session.language = lang
        if text.hasPrefix("unknown") {
            return Reply(text: "Maaf, saya belum bisa menjawab itu.", kind: .fallback, topic: "fallback", intent: nil,
                         confidence: 0.1, language: lang, session: session)
        }
        if text.hasPrefix("which") {
            let choices = [Choice(number: 1, intent: "a", topic: "echo", title: "A", confidence: 0.5),
                           Choice(number: 2, intent: "b", topic: "echo", title: "B", confidence: 0.49)]
            return Reply(text: "Maksud kamu yang mana?\n1. A\n2. B", kind: .clarify, topic: "clarify", intent: nil,
                         confidence: 0.5, language: lang, candidates: choices, session: session)
        }
        if text == "dots" {
            return Reply(text: ".leading dot\nplain\n..two dots\n.", kind: .answer, topic: "echo", intent: "dots",
                         confidence: 1, language: lang, session: session)
        }
        if text.hasPrefix("big "), let n = Int(text.dropFirst(4)) {
            return Reply(text: String(repeating: "x", count: n), kind: .answer, topic: "echo", intent: "big",
                         confidence: 1, language: lang, session: session)
        }
        return Reply(text: "[\(version)] turn \(session.turn): \(text)", kind: .answer, topic: "echo", intent: "echo",
                     confidence: 0.9, language: lang, source: "test", session: session)
    }

    func prompt(_ key: String, _ language: Language) -> String {
        "\(key)/\(language.rawValue)"
    }

    /// `EngineInfo` has no public memberwise initializer; it is Codable, so build it from JSON.
    static func makeInfo(hash: String) -> EngineInfo {
        let json = """
        {"version":"test","knowledge_hash":"\(hash)","topics":["echo"],"languages":["id","en"],
         "intents":1,"examples":1,"loaded_at":0,"load_ms":0}
        """
        do {
            return try JSONDecoder().decode(EngineInfo.self, from: Data(json.utf8))
        } catch {
            fatalError("test EngineInfo JSON does not decode: \(error)")
        }
    }
}
