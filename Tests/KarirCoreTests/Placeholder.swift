import Testing

@Test func placeholder_KarirCoreTests() { #expect(Bool(true)) }
