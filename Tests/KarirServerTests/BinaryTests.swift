import Foundation
import KarirServer
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The built `karir` executable next to the test bundle, when it has been built.
private let karirBinary: URL? = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("karir")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder = folder.deletingLastPathComponent()
    }
    return nil
}()

/// `karir serve` as a real process: signals, the "listening on" line, exit status.
@Suite("karir serve process", .enabled(if: karirBinary != nil, "the karir executable is not built (run swift build first)"))
struct BinaryTests {
    @Test func sighupReloadsAndSigtermDrainsInFlightRequests() async throws {
        let binary = try #require(karirBinary)
        let fixture = try RealEngineTests.fixture()
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0", "--admin-token", "t", "--log-level", "error",
                             "--knowledge", fixture.appendingPathComponent("knowledge").path,
                             "--prompts", fixture.appendingPathComponent("prompts").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // Wait for "listening on 127.0.0.1:PORT".
        let firstLine = await Task.detached { () -> String in
            var bytes: [UInt8] = []
            while bytes.last != UInt8(ascii: "\n"), bytes.count < 1000 {
                let chunk = output.fileHandleForReading.readData(ofLength: 1)
                if chunk.isEmpty { break }
                bytes += chunk
            }
            return String(decoding: bytes, as: UTF8.self)
        }.value
        let port = try #require(firstLine.split(separator: ":").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) })
        #expect(firstLine.hasPrefix("listening on 127.0.0.1:"))

        let client = try await LineClient.connect(port: port)
        kill(process.processIdentifier, SIGHUP)
        var reloaded = false
        for _ in 0..<200 where !reloaded {
            let stats = try await client.call("stats", .obj(["token": .string("t")]))
            reloaded = stats["result"]?["reloads"]?["ok"] == .number("1")
            if !reloaded { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(reloaded)

        var batch = ""
        for i in 1...300 {
            batch += LineClient.request("ask", .obj(["session": .string("proc"), "text": .string("syarat ak1 \(i)")]), id: i) + "\n"
        }
        try await client.send(batch)
        _ = try await client.line()
        kill(process.processIdentifier, SIGTERM)
        var received = 1
        while let line = try await client.lineOrEnd(timeout: .seconds(10)) {
            #expect(line.contains(#""id":\#(received + 1),"result""#))
            received += 1
        }
        #expect(received >= 1)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
