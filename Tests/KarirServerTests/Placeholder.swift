import Testing

@Test func placeholder_KarirServerTests() { #expect(Bool(true)) }
