import KarirServer
import Testing

@Suite("JSON parser")
struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func valuesAndRoundTrip() throws {
        let text = #"{"a":[1,-2.5e3,true,false,null],"b":"x\ty\u0001","c":{}}"#
        let value = try parse(" \n" + text + " \t")
        #expect(value["a"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        #expect(value["b"] == .string("x\ty\u{01}"))
        #expect(value.serialized == text)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"abc", "\"\\x\"", "\"\u{01}\"", "[1] [2]", "{1:2}"])
    func rejects(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try parse(text) }
    }

    @Test func depthIsBounded() throws {
        #expect(throws: JSONParser.Failure.self) {
            try parse(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        }
        _ = try parse(String(repeating: "[", count: JSONParser.maxDepth) + String(repeating: "]", count: JSONParser.maxDepth))
    }

    @Test func surrogatesAndEscapes() throws {
        #expect(try parse(#""\ud83d\ude00\u00e9\/""#) == .string("😀é/"))
        #expect(try parse(#""\ud83d""#) == .string("\u{FFFD}"))
        #expect(JSONValue.string("a\"\\\n\u{1F}/").serialized == #""a\"\\\n\u001f/""#)
    }
}
