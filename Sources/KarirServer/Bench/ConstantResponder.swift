import Foundation
import KarirCore

/// A responder that answers every message with the same short reply (while counting turns), so a
/// benchmark can measure the server (framing, JSON, sessions, metrics) apart from the matcher.
public struct ConstantResponder: Responder {
    public let info: EngineInfo

    public init() {
        let json = #"{"version":"constant","knowledge_hash":"constant","topics":["bench"],"languages":["id","en"],"intents":1,"examples":1,"loaded_at":0,"load_ms":0}"#
        // EngineInfo has no public memberwise initializer; it is Codable.
        info = (try? JSONDecoder().decode(EngineInfo.self, from: Data(json.utf8))) ?? Self.unreachableInfo()
    }

    public func respond(to text: String, in session: Session, language: Language?) -> Reply {
        var session = session
        session.turn += 1
        return Reply(text: "Bawa KTP, ijazah terakhir, dan pas foto ke Disnaker.", kind: .answer, topic: "ak1_card",
                     intent: "ak1_requirements", confidence: 0.9, language: language ?? .id,
                     suggestions: [Choice(number: 1, intent: "ak1_cost", topic: "ak1_card", title: "Biaya kartu AK/1")],
                     session: session)
    }

    public func prompt(_ key: String, _ language: Language) -> String { "" }

    private static func unreachableInfo() -> EngineInfo {
        preconditionFailure("the constant EngineInfo JSON literal does not decode")
    }
}
