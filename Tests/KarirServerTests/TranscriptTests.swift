import Foundation
import KarirCore
@testable import KarirServer
import Logging
import Testing

@Suite("Transcript and report")
struct TranscriptTests {
    /// A transcript writer on a fresh file in the temporary folder, and the file's path.
    static func writer(salt: String? = nil) throws -> (TranscriptWriter, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("karir-transcript-\(UUID().uuidString).jsonl").path
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return (try TranscriptWriter(path: path, salt: salt, metrics: nil, logger: logger), path)
    }

    @Test func exchangesAreWrittenWithHashedSessions() async throws {
        let (writer, path) = try Self.writer(salt: "pepper")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withServer(transcript: writer) { server in
            let client = try await LineClient.connect(port: server.port)
            _ = try await client.call("ask", .obj(["session": .string("secret-session-42"), "text": .string("unknown lowongan")]))
            try await client.send("halo\n")
            _ = try await client.textReply()
            await client.close()
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains("secret-session-42"))
        let records = try text.split(separator: "\n").map { try JSONDecoder().decode(TranscriptRecord.self, from: Data($0.utf8)) }
        #expect(records.count == 2)
        #expect(records[0].session == writer.hashSession("secret-session-42"))
        #expect(records[0].session.count == 16)
        #expect(records[0].kind == .fallback)
        #expect(records[0].mode == .json)
        #expect(records[1].question == "halo")
        #expect(records[1].mode == .text)
    }

    @Test func anUnansweredQuestionsConversationTopicIsWritten() throws {
        let (writer, path) = try Self.writer()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var gap = Reply(text: "Maaf", kind: .fallback, topic: "fallback", intent: nil, confidence: 0.05, language: .id, session: Session())
        gap.conversationTopic = "working_hours"
        writer.record(question: "terus sanksinya apa?", reply: gap, session: "s", mode: .text, nanoseconds: 1000)
        let answer = Reply(text: "Ya", kind: .answer, topic: "wages", intent: "w", confidence: 0.9, language: .id, session: Session())
        writer.record(question: "umk bekasi", reply: answer, session: "s", mode: .text, nanoseconds: 1000)
        writer.flush()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let records = try lines.map { try JSONDecoder().decode(TranscriptRecord.self, from: Data($0.utf8)) }
        #expect(records.map(\.conversationTopic) == ["working_hours", nil])
        #expect(records.map(\.alsoAnswered) == [nil, nil])
        #expect(lines.first?.contains(#""confidence":0.05,"conversation_topic":"working_hours","kind""#) == true)
    }

    @Test func theOtherQuestionsAnsweredAreWritten() throws {
        let (writer, path) = try Self.writer()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var two = Reply(text: "a\n\nb", kind: .answer, topic: "wages", intent: "wages_umk_city", confidence: 0.46, language: .id, session: Session())
        two.alsoAnswered = ["ak1_where"]
        writer.record(question: "umr bekasi? cara bikin kartu kuning?", reply: two, session: "s", mode: .json, nanoseconds: 1000)
        writer.flush()
        let line = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
        #expect(line.hasPrefix(#"{"also_answered":["ak1_where"],"answer":"a\n\nb""#))
        let record = try JSONDecoder().decode(TranscriptRecord.self, from: Data(line.utf8))
        #expect(record.alsoAnswered == ["ak1_where"])
    }

    @Test func theReportGroupsSimilarUnansweredQuestions() throws {
        let url = try #require(Bundle.module.url(forResource: "transcript", withExtension: "jsonl", subdirectory: "Fixtures"))
        let report = try UnansweredReport.load(path: url.path)
        #expect(report.records == 13)
        #expect(report.skipped == 1)
        // Eight fallbacks and one repeated answer (a follow-up the knowledge had nothing more
        // specific for).
        #expect(report.unanswered == 9)
        #expect(report.groups.first { $0.question == "apa itu bpjs kesehatan" }?.count == 3)
        #expect(report.clarified == 2)
        let first = try #require(report.groups.first)
        #expect(first.question == "cara daftar prakerja gelombang baru")
        #expect(first.count == 5)
        #expect(first.variants.count == 4)
        #expect(report.groups.count == 3)
        let text = report.text(top: 2, source: "transcript.jsonl")
        #expect(text.contains("1. 5×  \"cara daftar prakerja gelombang baru\""))
        #expect(text.contains("1 more groups"))
        // The conversations the questions came in, when there was one.
        let pilot = try #require(report.groups.first { $0.question.contains("pilot") })
        #expect(pilot.conversationTopics == ["occupations": 1, "wages": 1])
        #expect(report.text(top: 3, source: "t").contains("(fallback 2, clarify 1; in conversations about occupations 1, wages 1)"))
        #expect(!text.contains("conversations about") || !first.conversationTopics.isEmpty)
    }
}
