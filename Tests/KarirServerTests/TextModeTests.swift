import KarirServer
import Testing

@Suite("Text mode")
struct TextModeTests {
    @Test func answersEndWithADotLine() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            try await client.send("halo karir\n")
            #expect(try await client.textReply() == ["[v1] turn 1: halo karir"])
            await client.close()
        }
    }

    @Test func linesStartingWithADotAreStuffed() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            try await client.send("dots\n")
            #expect(try await client.line() == "..leading dot")
            #expect(try await client.line() == "plain")
            #expect(try await client.line() == "...two dots")
            #expect(try await client.line() == "..")
            #expect(try await client.line() == ".")
            await client.close()
        }
    }

    @Test func theConnectionKeepsItsOwnSession() async throws {
        try await withServer { server in
            let a = try await LineClient.connect(port: server.port)
            let b = try await LineClient.connect(port: server.port)
            try await a.send("satu\r\n")  // CRLF is accepted
            #expect(try await a.textReply() == ["[v1] turn 1: satu"])
            try await a.send("dua\n")
            #expect(try await a.textReply() == ["[v1] turn 2: dua"])
            try await b.send("tiga\n")
            #expect(try await b.textReply() == ["[v1] turn 1: tiga"])
            await a.close()
            await b.close()
        }
    }

    @Test func emptyLinesAreIgnoredAndSpacesTrimmed() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            try await client.send("\n\r\n   \n\t\n  apa kabar  \n")
            #expect(try await client.textReply() == ["[v1] turn 1: apa kabar"])
            await client.close()
        }
    }

    @Test func aLineSplitAcrossWritesIsOneQuestion() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            try await client.send("sepo")
            try await Task.sleep(for: .milliseconds(20))
            try await client.send("tong\n")
            #expect(try await client.textReply() == ["[v1] turn 1: sepotong"])
            await client.close()
        }
    }

    @Test func aLastLineWithoutNewlineIsAnsweredAfterHalfClose() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            try await client.send("pertama\nterakhir")
            try await client.channel.close(mode: .output)
            #expect(try await client.textReply() == ["[v1] turn 1: pertama"])
            #expect(try await client.textReply() == ["[v1] turn 2: terakhir"])
            #expect(try await client.lineOrEnd() == nil)
        }
    }

    @Test func textAndJSONMixOnOneConnection() async throws {
        try await withServer { server in
            let client = try await LineClient.connect(port: server.port)
            try await client.send("halo\n" + LineClient.request("ping") + "\nlagi\n")
            #expect(try await client.textReply() == ["[v1] turn 1: halo"])
            #expect(try await client.json()["result"] == .string("pong"))
            #expect(try await client.textReply() == ["[v1] turn 2: lagi"])
            await client.close()
        }
    }
}
