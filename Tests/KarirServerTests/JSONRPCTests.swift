import KarirCore
import KarirServer
import Testing

@Suite("JSON-RPC mode")
struct JSONRPCTests {
    @Test func askReturnsTheReplyPayloadWithTheSession() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            let response = try await client.call("ask", .obj(["session": .string("s1"), "text": .string("hello there"), "lang": .string("en")]), id: 7)
            #expect(response["jsonrpc"] == .string("2.0"))
            #expect(response["id"] == .number("7"))
            let result = try #require(response["result"])
            #expect(result["text"] == .string("[v1] turn 1: hello there"))
            #expect(result["session"] == .string("s1"))
            #expect(result["kind"] == .string("answer"))
            #expect(result["topic"] == .string("echo"))
            #expect(result["lang"] == .string("en"))
            #expect(result["source"] == .string("test"))
            #expect(result["suggestions"] == .array([]))
            await client.close()
        }
    }

    @Test func theResultIsExactlyWhatAskJSONPrints() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            try await client.send(LineClient.request("ask", .obj(["session": .string("s"), "text": .string("which one")])) + "\n")
            let line = try await client.line()
            let reply = TestResponder().respond(to: "which one", in: Session(), language: nil)
            #expect(line == #"{"jsonrpc":"2.0","id":1,"result":"# + ReplyPayload(reply, session: "s").jsonLine() + "}")
            await client.close()
        }
    }

    @Test func stringIDsAndOddNumbersAreEchoedExactly() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            try await client.send(#"{"jsonrpc":"2.0","id":"abc-1","method":"ping"}"# + "\n")
            #expect(try await client.line() == #"{"jsonrpc":"2.0","id":"abc-1","result":"pong"}"#)
            try await client.send(#"{"jsonrpc":"2.0","id":1.50e2,"method":"ping"}"# + "\n")
            #expect(try await client.line() == #"{"jsonrpc":"2.0","id":1.50e2,"result":"pong"}"#)
            await client.close()
        }
    }

    @Test func resetForgetsTheSession() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            let ask = JSONValue.obj(["session": .string("r1"), "text": .string("x")])
            _ = try await client.call("ask", ask)
            #expect(try await client.call("ask", ask)["result"]?["text"] == .string("[v1] turn 2: x"))
            let reset = try await client.call("reset", .obj(["session": .string("r1")]))
            #expect(reset["result"] == .obj(["session": .string("r1"), "reset": .bool(true)]))
            #expect(try await client.call("ask", ask)["result"]?["text"] == .string("[v1] turn 1: x"))
            await client.close()
        }
    }

    @Test func infoAndPrompt() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            let info = try #require(try await client.call("info")["result"])
            #expect(info["knowledge_hash"] == .string("v1"))
            #expect(info["server_version"] == .string("0.1.0"))
            #expect(info["topics"] == .array([.string("echo")]))
            #expect(info["languages"] == .array([.string("id"), .string("en")]))
            #expect(info["loaded_at"]?.stringValue?.hasPrefix("2001-01-01T00:00:00") == true)
            let prompt = try await client.call("prompt", .obj(["key": .string("greeting"), "lang": .string("en")]))
            #expect(prompt["result"] == .obj(["key": .string("greeting"), "lang": .string("en"), "text": .string("greeting/en")]))
            let defaultLang = try await client.call("prompt", .obj(["key": .string("chat_typing")]))
            #expect(defaultLang["result"]?["lang"] == .string("id"))
            await client.close()
        }
    }

    @Test func batchesAnswerEveryRequestButNotNotifications() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            let batch = "[" + [
                LineClient.request("ping", id: 1),
                LineClient.request("ask", .obj(["session": .string("b"), "text": .string("q")]), id: nil),
                #"{"jsonrpc":"2.0","id":3,"method":"nope"}"#,
                "42",
                LineClient.request("ask", .obj(["session": .string("b"), "text": .string("q2")]), id: 5),
            ].joined(separator: ",") + "]\n"
            try await client.send(batch)
            let responses = try #require(try await client.json().arrayValue)
            #expect(responses.count == 4)
            #expect(responses[0]["result"] == .string("pong"))
            #expect(responses[1]["id"] == .number("3"))
            #expect(responses[1].errorCode == -32601)
            #expect(responses[2]["id"] == .null)
            #expect(responses[2].errorCode == -32600)
            // The notification was still executed: this is the session's second message.
            #expect(responses[3]["result"]?["text"] == .string("[v1] turn 2: q2"))
            await client.close()
        }
    }

    @Test func emptyBatchAndAllNotificationBatch() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            try await client.send("[]\n")
            #expect(try await client.json().errorCode == -32600)
            try await client.send("[" + LineClient.request("ping", id: nil) + "," + LineClient.request("ping", id: nil) + "]\n")
            try await client.send(LineClient.request("ping", id: nil) + "\n")
            try await client.send(LineClient.request("ping", id: 9) + "\n")
            // Nothing came back for the notifications: the next line is the answer to id 9.
            #expect(try await client.json()["id"] == .number("9"))
            await client.close()
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            let count = 300
            var lines = ""
            for i in 1...count {
                lines += LineClient.request("ask", .obj(["session": .string("p"), "text": .string("n\(i)")]), id: i) + "\n"
            }
            try await client.send(lines)
            for i in 1...count {
                let response = try await client.json()
                #expect(response["id"] == .number(String(i)))
                #expect(response["result"]?["text"] == .string("[v1] turn \(i): n\(i)"))
            }
            await client.close()
        }
    }

    @Test func standardErrors() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            let cases: [(String, Int, JSONValue)] = [
                (#"{"jsonrpc":"2.0","id":1,"method":"ask""#, -32700, .null),
                (#"{"jsonrpc":"2.0","id":1,"method":"ping"} trailing"#, -32700, .null),
                (#"[1,2"#, -32700, .null),
                (String(repeating: "[", count: 100) + String(repeating: "]", count: 100), -32700, .null),
                (#"{"id":1,"method":"ping"}"#, -32600, .number("1")),
                (#"{"jsonrpc":"1.0","id":1,"method":"ping"}"#, -32600, .number("1")),
                (#"{"jsonrpc":"2.0","id":1,"method":5}"#, -32600, .number("1")),
                (#"{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}"#, -32600, .null),
                (#"{"jsonrpc":"2.0","id":1,"method":"ping","params":"x"}"#, -32600, .number("1")),
                (#"{"jsonrpc":"2.0","id":2,"method":"Ask"}"#, -32601, .number("2")),
                (#"{"jsonrpc":"2.0","id":3,"method":"ask","params":{"session":"s","text":5}}"#, -32602, .number("3")),
                (#"{"jsonrpc":"2.0","id":4,"method":"ask","params":{"session":"s"}}"#, -32602, .number("4")),
                (#"{"jsonrpc":"2.0","id":5,"method":"ask","params":{"session":"","text":"x"}}"#, -32602, .number("5")),
                (#"{"jsonrpc":"2.0","id":6,"method":"ask","params":{"session":"s","text":"x","lang":"fr"}}"#, -32602, .number("6")),
                (#"{"jsonrpc":"2.0","id":7,"method":"ask","params":["s","x"]}"#, -32602, .number("7")),
                (#"{"jsonrpc":"2.0","id":8,"method":"ask","params":{"session":7,"text":"x"}}"#, -32602, .number("8")),
                (#"{"jsonrpc":"2.0","id":9,"method":"prompt","params":{}}"#, -32602, .number("9")),
            ]
            for (line, code, id) in cases {
                try await client.send(line + "\n")
                let response = try await client.json()
                #expect(response.errorCode == code, "\(line)")
                #expect(response["id"] == id, "\(line)")
                #expect(response["error"]?["message"]?.stringValue?.isEmpty == false)
            }
            let longSession = String(repeating: "s", count: 129)
            let tooLong = try await client.call("ask", .obj(["session": .string(longSession), "text": .string("x")]))
            #expect(tooLong.errorCode == -32602)
            let justRight = try await client.call("ask", .obj(["session": .string(String(repeating: "s", count: 128)), "text": .string("x")]))
            #expect(justRight["result"] != nil)
            // The connection still works after all of them.
            #expect(try await client.call("ping")["result"] == .string("pong"))
            await client.close()
        }
    }

    @Test func escapesInStringsRoundTrip() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            try await client.send(#"{"jsonrpc":"2.0","id":1,"method":"ask","params":{"session":"e","text":"a\"b\\c\n\u00e9\ud83d\ude00\/"}}"# + "\n")
            let response = try await client.json()
            #expect(response["result"]?["text"] == .string("[v1] turn 1: a\"b\\c\né😀/"))
            await client.close()
        }
    }

    @Test func adminMethodsNeedTheToken() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            #expect(try await client.call("stats").errorCode == -32001)
            #expect(try await client.call("stats", .obj(["token": .string("wrong")])).errorCode == -32001)
            #expect(try await client.call("reload", .obj(["token": .number("1")])).errorCode == -32001)
            #expect(try await client.call("reload", .obj(["token": .string("secre")])).errorCode == -32001)
            let stats = try await client.call("stats", .obj(["token": .string("secret")]))
            #expect(stats["result"]?["knowledge_hash"] == .string("v1"))
            await client.close()
        }
        try await withServer(configure: { $0.adminToken = nil }) { server in
            let client = try await LineClient.connect(port: server.port)
            let response = try await client.call("stats", .obj(["token": .string("anything")]))
            #expect(response.errorCode == -32001)
            #expect(response["error"]?["message"]?.stringValue?.contains("admin_token") == true)
            await client.close()
        }
    }

    @Test func eventsArePublishedAfterEachAsk() async throws {
        let sink = CollectingSink()
        try await withServer(events: sink) { server in
            let client = try await LineClient.connect(port: server.port)
            _ = try await client.call("ask", .obj(["session": .string("ev"), "text": .string("halo")]))
            _ = try await client.call("ask", .obj(["session": .string("ev"), "text": .string("unknown thing")]))
            try await client.send("which\n")
            _ = try await client.textReply()
            await client.close()
        }
        let kinds = sink.events.map(\.type)
        #expect(kinds == [.message, .message, .unanswered, .message, .clarify])
        #expect(sink.events[0].session == "ev")
        #expect(sink.events[2].question == "unknown thing")
        #expect(sink.events[3].session.hasPrefix("conn-"))
    }
}
