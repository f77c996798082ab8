import Testing
@testable import KarirWebhook

@Suite struct SigningTests {
    /// Vectors computed with Python's `hmac` and `hashlib`, as a receiver would.
    @Test func signatureMatchesAnIndependentHMAC() {
        let signer = WebhookSigner(secret: "whsec_abc")
        #expect(signer.signature(timestamp: 1_767_225_600, body: Array(#"{"id":"e1"}"#.utf8))
            == "t=1767225600,v1=ce43d7b4fdc7786d76d031269d284cd3ec7a850b0f4bf1ae45790564dba3dedd")
    }

    @Test func rotationAddsASecondSignature() {
        let signer = WebhookSigner(secret: "whsec_abc", previousSecret: "old")
        #expect(signer.signature(timestamp: 1_767_225_600, body: Array(#"{"id":"e1"}"#.utf8))
            == "t=1767225600,v1=ce43d7b4fdc7786d76d031269d284cd3ec7a850b0f4bf1ae45790564dba3dedd,"
            + "v1=11cb9016eab3bae3d1b69f72604bd88673a65020fc0c113e302b313b614bdad3")
    }

    @Test func sessionHashIsSaltedSHA256Prefix() {
        #expect(SessionHasher(salt: "salt123").hash("session-1") == "8017b55bfed023d5145fa941ad3b125d")
        #expect(SessionHasher(salt: "other").hash("session-1") != SessionHasher(salt: "salt123").hash("session-1"))
    }

    @Test func installSaltIsCreatedOnceAndKept() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try InstallSalt.load(directory: directory.path)
        #expect(first.count == 64)
        #expect(try InstallSalt.load(directory: directory.path) == first)
    }
}
