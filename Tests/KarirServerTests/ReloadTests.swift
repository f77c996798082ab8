import Foundation
import KarirCore
import KarirServer
import Synchronization
import Testing

@Suite("Reload")
struct ReloadTests {
    @Test func goodAndBadReloadsUnderLoad() async throws {
        let loader = SwitchableLoader()
        let engine = EngineHolder(initial: TestResponder(version: "v1"), logger: quietLogger, loader: { () throws(LoadFailure) -> any Responder in try loader.load() })
        try await withServer(engine: engine) { server in
            let admin = try await LineClient.connect(port: server.port)
            let stop = Shared(false)
            let versionsSeen = Shared<[String]>([])
            let answeredSoFar = Shared(0)
            /// Waits (bounded) until the load has made `n` more answers: each phase runs under load.
            func progress(_ n: Int) async throws {
                let target = answeredSoFar.value + n
                for _ in 0..<2000 where answeredSoFar.value < target {
                    try await Task.sleep(for: .milliseconds(5))
                }
            }
            try await withThrowingTaskGroup(of: Int.self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        let client = try await LineClient.connect(port: server.port)
                        var answered = 0
                        while !stop.value, answered < 100_000 {
                            let response = try await client.call("ask", .obj(["session": .string("load\(worker)"), "text": .string("q")]), id: answered)
                            guard let text = response["result"]?["text"]?.stringValue else {
                                Issue.record("ask failed during reload: \(response)")
                                break
                            }
                            let version = String(text.prefix(4))
                            versionsSeen.update { if $0.last != version { $0.append(version) } }
                            answeredSoFar.update { $0 += 1 }
                            answered += 1
                        }
                        await client.close()
                        return answered
                    }
                }
                try await progress(20)
                loader.set(version: "v2", fail: true)
                let failed = try await admin.call("reload", .obj(["token": .string("secret")]))
                #expect(failed.errorCode == -32004)
                #expect(failed["error"]?["data"] == .array([.string("knowledge/intents/broken.yaml:3:7: expected a mapping")]))
                #expect(try await admin.call("info")["result"]?["knowledge_hash"] == .string("v1"))
                try await progress(20)
                loader.set(version: "v2", fail: false)
                let ok = try await admin.call("reload", .obj(["token": .string("secret")]))
                #expect(ok["result"]?["reloaded"] == .bool(true))
                #expect(ok["result"]?["knowledge_hash"] == .string("v2"))
                try await progress(20)
                stop.update { $0 = true }
                var total = 0
                for try await answered in group { total += answered }
                #expect(total >= 60)
            }
            let seen = versionsSeen.value
            #expect(seen.first == "[v1]")
            #expect(seen.last == "[v2]")
            #expect(server.metrics.registry.value("karir_reloads_total", [("result", "failed")]) == 1)
            #expect(server.metrics.registry.value("karir_reloads_total", [("result", "ok")]) == 1)
            await admin.close()
        }
    }

    /// A reload loads on a queue of its own: it completes while every Swift concurrency thread is
    /// held (here by blocked tasks and by this test, which waits synchronously). Before, it ran
    /// in a task and a reload request timed out in a full test run while other tests held those
    /// threads with long synchronous work.
    @Test func aReloadNeedsNoSwiftConcurrencyThread() async throws {
        let loader = SwitchableLoader()
        loader.set(version: "v2", fail: false)
        let engine = EngineHolder(initial: TestResponder(version: "v1"), logger: quietLogger, loader: { () throws(LoadFailure) -> any Responder in try loader.load() })
        let release = DispatchSemaphore(value: 0)
        let blockers = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
        for _ in 0..<blockers {
            Task.detached { release.wait() }
        }
        let (finished, hash) = Self.reloadWhileBlocking(engine)
        for _ in 0..<blockers { release.signal() }
        #expect(finished == .success)
        #expect(hash == "v2")
        #expect(engine.responder.info.knowledgeHash == "v2")
    }

    /// Lets the blocked tasks start, then reloads and waits for it on this (synchronous) thread.
    private static func reloadWhileBlocking(_ engine: EngineHolder) -> (DispatchTimeoutResult, String?) {
        Thread.sleep(forTimeInterval: 0.2)
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<String?>(nil)
        engine.reload { result in
            outcome.withLock { $0 = (try? result.get())?.knowledgeHash ?? "failed" }
            done.signal()
        }
        let finished = done.wait(timeout: .now() + 5)
        return (finished, outcome.withLock { $0 })
    }

    @Test func requestsAfterAReloadOnTheSameConnectionWaitForIt() async throws {
        let loader = SwitchableLoader()
        loader.set(version: "v9", fail: false)
        let engine = EngineHolder(initial: TestResponder(version: "v1"), logger: quietLogger, loader: { () throws(LoadFailure) -> any Responder in try loader.load() })
        try await withServer(engine: engine) { server in
            let client = try await LineClient.connect(port: server.port)
            try await client.send(LineClient.request("reload", .obj(["token": .string("secret")]), id: 1) + "\n"
                + LineClient.request("ask", .obj(["session": .string("r"), "text": .string("x")]), id: 2) + "\n"
                + "[" + LineClient.request("reload", .obj(["token": .string("secret")]), id: 3) + "," + LineClient.request("ping", id: 4) + "]\n")
            #expect(try await client.json()["id"] == .number("1"))
            #expect(try await client.json()["result"]?["text"] == .string("[v9] turn 1: x"))
            let batch = try #require(try await client.json().arrayValue)
            #expect(batch.map { $0["id"] } == [.number("3"), .number("4")])
            await client.close()
        }
    }

    @Test func theWatcherReportsASettledChange() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("karir-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("topics.yaml")
        try Data("a: 1\n".utf8).write(to: file)
        let changes = Shared(0)
        let watcher = KnowledgeWatcher(folders: [folder], interval: .milliseconds(30)) { changes.update { $0 += 1 } }
        let task = Task { try await watcher.run() }
        try await Task.sleep(for: .milliseconds(80))
        try Data("a: 22\n".utf8).write(to: file)
        for _ in 0..<200 where changes.value == 0 {
            try await Task.sleep(for: .milliseconds(10))
        }
        task.cancel()
        _ = try? await task.value
        #expect(changes.value == 1)
    }
}
