import Foundation
import Testing

/// `karir serve --webhook …`: the real server binary answers over TCP and the events of each
/// exchange reach a real HTTP receiver, signed.
@Suite struct ServeForwardingTests {
    static var fixtures: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("KarirCoreTests/Fixtures/mini").path
    }

    /// Reads the child's standard output until "listening on HOST:PORT" and returns the port.
    static func waitForPort(_ pipe: Pipe, timeout: Double = 30) -> Int? {
        let handle = pipe.fileHandleForReading
        var text = ""
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let data = handle.availableData
            if data.isEmpty { return nil }
            text += String(decoding: data, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }),
               let port = line.split(separator: ":").last.flatMap({ Int($0) }) {
                return port
            }
        }
        return nil
    }

    /// Sends one line over a plain TCP socket and returns the first line of the reply.
    static func exchange(_ line: String, port: Int) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !reply.contains(UInt8(ascii: "\n")) {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            reply.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: reply, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    }

    @Test func answersAreForwardedAsSignedEvents() async throws {
        let executable = try #require(CrashRecoveryTests.karirExecutable, "build the karir executable first (swift build)")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let receiver = try TestReceiver()
        defer { receiver.stop() }

        let child = Process()
        child.executableURL = URL(fileURLWithPath: executable)
        child.arguments = ["serve", "--port", "0", "--knowledge", Self.fixtures + "/knowledge", "--prompts", Self.fixtures + "/prompts",
                           "--webhook", receiver.url, "--webhook-secret", "whsec_serve", "--data-dir", directory.file("data")]
        let output = Pipe()
        child.standardOutput = output
        child.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try child.run()
        defer { if child.isRunning { kill(child.processIdentifier, SIGKILL) } }
        let port = try #require(Self.waitForPort(output), "karir serve did not print its port")

        let reply = try Self.exchange(#"{"jsonrpc":"2.0","id":7,"method":"ask","params":{"session":"kiosk-3","text":"resep rendang padang"}}"#, port: port)
        #expect(reply.contains(#""id":7"#))
        #expect(reply.contains(#""kind":"fallback""#))

        // One exchange that fell back: a `message` and an `unanswered` event.
        #expect(await receiver.waitForRequests(2, timeout: 20))
        let events = receiver.requests.compactMap(\.json)
        #expect(Set(events.compactMap { $0["type"] as? String }) == ["message", "unanswered"])
        #expect(events.allSatisfy { ($0["question"] as? String) == "resep rendang padang" })
        #expect(events.allSatisfy { ($0["session"] as? String) != "kiosk-3" }, "session ids are hashed by default")
        #expect(receiver.requests.allSatisfy { $0.headers["karir-signature"]?.hasPrefix("t=") == true })

        // A graceful stop ends the server and its forwarder cleanly.
        kill(child.processIdentifier, SIGTERM)
        child.waitUntilExit()
        #expect(child.terminationStatus == 0)
    }
}
