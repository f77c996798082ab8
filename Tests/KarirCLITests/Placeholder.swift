import Testing

@Test func placeholder_KarirCLITests() { #expect(Bool(true)) }
