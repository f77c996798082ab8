import Testing

@Test func placeholder_KarirWebhookTests() { #expect(Bool(true)) }
