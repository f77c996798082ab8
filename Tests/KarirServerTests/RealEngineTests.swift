import Foundation
import KarirCore
import KarirServer
import Testing

/// End to end with the real engine on a tiny knowledge fixture (Fixtures/mini).
@Suite("Real engine")
struct RealEngineTests {
    static func fixture() throws -> URL {
        try #require(Bundle.module.url(forResource: "mini", withExtension: nil, subdirectory: "Fixtures"))
    }

    /// A writable copy of the fixture, so a test can break and fix it.
    static func copyOfFixture() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("karir-mini-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: try fixture(), to: copy)
        return copy
    }

    @Test func answersAndReloadsFromFiles() async throws {
        let folder = try Self.copyOfFixture()
        defer { try? FileManager.default.removeItem(at: folder) }
        let knowledge = folder.appendingPathComponent("knowledge"), prompts = folder.appendingPathComponent("prompts")
        let engine = try Engine.load(knowledge: knowledge, prompts: prompts)
        let holder = EngineHolder(initial: engine, logger: quietLogger) { () throws(LoadFailure) -> any Responder in
            try Engine.load(knowledge: knowledge, prompts: prompts)
        }
        try await withServer(engine: holder) { server in
            let client = try await LineClient.connect(port: server.port)
            let answer = try await client.call("ask", .obj(["session": .string("real"), "text": .string("syarat membuat kartu kuning")]))
            #expect(answer["result"]?["topic"] == .string("ak1_card"))
            #expect(answer["result"]?["text"]?.stringValue?.contains("KTP") == true)
            try await client.send("apa saja syarat ak1\n")
            #expect(try await client.textReply().first?.contains("KTP") == true)
            let greeting = try await client.call("prompt", .obj(["key": .string("greeting"), "lang": .string("en")]))
            #expect(greeting["result"]?["text"] == .string("Hello, I am Karir."))

            // A broken edit: the reload fails with located diagnostics and the old knowledge keeps serving.
            let base = knowledge.appendingPathComponent("base.yaml")
            let original = try String(contentsOf: base, encoding: .utf8)
            try (original + "\n  - id: [unclosed\n").write(to: base, atomically: true, encoding: .utf8)
            let failed = try await client.call("reload", .obj(["token": .string("secret")]))
            #expect(failed.errorCode == -32004)
            let diagnostic = try #require(failed["error"]?["data"]?.arrayValue?.first?.stringValue)
            #expect(diagnostic.contains("base.yaml:"))
            let again = try await client.call("ask", .obj(["session": .string("real"), "text": .string("syarat membuat kartu kuning")]))
            #expect(again["result"]?["topic"] == .string("ak1_card"))

            // Fixed: the reload succeeds and the new answer is served.
            try original.replacingOccurrences(of: "Bawa KTP, ijazah terakhir", with: "Bawa KTP asli, ijazah terakhir")
                .write(to: base, atomically: true, encoding: .utf8)
            let ok = try await client.call("reload", .obj(["token": .string("secret")]))
            #expect(ok["result"]?["reloaded"] == .bool(true))
            let fresh = try await client.call("ask", .obj(["session": .string("real2"), "text": .string("syarat membuat kartu kuning")]))
            #expect(fresh["result"]?["text"]?.stringValue?.contains("KTP asli") == true)
            await client.close()
        }
    }
}
