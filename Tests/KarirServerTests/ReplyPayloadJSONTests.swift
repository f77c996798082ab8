import KarirCore
@testable import KarirServer
import Testing

/// The server writes `ask` results without JSONEncoder; they must stay byte-for-byte what
/// `karir ask --json` prints.
@Suite("ReplyPayload JSON")
struct ReplyPayloadJSONTests {
    static let replies: [Reply] = [
        Reply(text: "Bawa KTP/ijazah \"asli\"\n\t- tab\u{1}\u{1F}\u{7F} é 😀 \u{2028} <a> & \\", kind: .answer, topic: "ak1_card",
              intent: "ak1", confidence: 0.9, language: .id,
              suggestions: [Choice(number: 1, intent: "a", topic: "t", title: "Biaya / ongkos")],
              source: "https://kemnaker.go.id/a?b=c", asOf: "2026-01", session: Session()),
        Reply(text: "Which one?", kind: .clarify, topic: "clarify", intent: nil, confidence: 0.4567, language: .en,
              candidates: [Choice(number: 1, intent: "x", topic: "y", title: "X", confidence: 0.5),
                           Choice(number: 2, intent: "z", topic: "y", title: "Z", confidence: 1)],
              session: Session()),
        Reply(text: "", kind: .fallback, topic: "fallback", intent: nil, confidence: 0, language: .id, session: Session()),
        Reply(text: "x", kind: .flow, topic: "career", intent: "quiz", confidence: 1, language: .en, session: Session()),
        Reply(text: "y", kind: .ask, topic: "wages", intent: "ump", confidence: 0.0004, language: .id, session: Session()),
        Reply(text: "z", kind: .answer, topic: "t", intent: "i", confidence: 0.123456, language: .id, session: Session()),
        {
            var repeated = Reply(text: "again", kind: .answer, topic: "t", intent: "i", confidence: 0.5, language: .id, session: Session())
            repeated.repeated = true
            return repeated
        }(),
        {
            var gap = Reply(text: "Maaf", kind: .fallback, topic: "fallback", intent: nil, confidence: 0.05, language: .id, session: Session())
            gap.conversationTopic = "working_hours"
            return gap
        }(),
        {
            var two = Reply(text: "a\n\nb", kind: .answer, topic: "wages", intent: "wages_umk_city", confidence: 0.46, language: .id, session: Session())
            two.alsoAnswered = ["ak1_where", "x\"y"]
            return two
        }(),
        {
            var passed = Reply(text: "Terima kasih", kind: .answer, topic: "handoff", intent: "handoff_human", confidence: 1, language: .id, session: Session())
            passed.passedToStaff = true
            passed.repeated = true
            return passed
        }(),
    ]

    @Test(arguments: replies)
    func sameBytesAsJSONEncoder(reply: Reply) {
        for session in [nil, "wa:62812/\"x\"", "s1"] as [String?] {
            let payload = ReplyPayload(reply, session: session)
            #expect(payload.fastJSON() == payload.jsonLine())
        }
    }
}
