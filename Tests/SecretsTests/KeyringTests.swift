import Secrets
import Testing

@Suite struct KeyringTests {
    let aad = Envelope.credentialAssociatedData(workspaceID: "w1", integrationID: "i1")

    @Test func generatedKeyringHoldsOneCurrentKey() throws {
        let keyring = try Keyring.generate()
        #expect(keyring.keyIDs == [keyring.currentKeyID])
        #expect(keyring.currentKeyID.count == 9)
        #expect(keyring.currentKeyID.hasPrefix("k"))
        #expect(try Keyring.generate().currentKeyID != keyring.currentKeyID)
    }

    @Test func rotationKeepsOldEnvelopesOpenAndSealsWithTheNewKey() throws {
        let original = try Keyring.generate()
        let old = try Envelope.seal(plaintext: SecretBytes(utf8: "old"), aad: aad, keyring: original)

        let rotated = try original.rotated()
        #expect(rotated.currentKeyID != original.currentKeyID)
        #expect(rotated.keyIDs == [original.currentKeyID, rotated.currentKeyID])
        #expect(try old.open(aad: aad, keyring: rotated).withBytes { $0 } == Array("old".utf8))

        let new = try Envelope.seal(plaintext: SecretBytes(utf8: "new"), aad: aad, keyring: rotated)
        #expect(new.keyID == rotated.currentKeyID)
        #expect(throws: SecretsError(.unknownKeyID(rotated.currentKeyID))) { try new.open(aad: aad, keyring: original) }
    }

    @Test func retiredKeysNoLongerOpen() throws {
        let original = try Keyring.generate()
        let old = try Envelope.seal(plaintext: SecretBytes(utf8: "old"), aad: aad, keyring: original)
        let rotated = try original.rotated().rotated()

        // Re-seal as `patchbay keys rotate` does, then retire every key but the current one.
        let resealed = try old.resealed(aad: aad, keyring: rotated)
        #expect(resealed.keyID == rotated.currentKeyID)
        #expect(try resealed.resealed(aad: aad, keyring: rotated) == resealed)
        let retired = try rotated.retiringAllButCurrent()

        #expect(retired.keyIDs == [rotated.currentKeyID])
        #expect(try resealed.open(aad: aad, keyring: retired).withBytes { $0 } == Array("old".utf8))
        #expect(throws: SecretsError(.unknownKeyID(original.currentKeyID))) { try old.open(aad: aad, keyring: retired) }
    }

    @Test func currentKeyCannotBeRetired() throws {
        let keyring = try Keyring.generate().rotated()
        let error = #expect(throws: SecretsError.self) { try keyring.retiring([keyring.currentKeyID]) }
        #expect(error?.description.contains("cannot retire the current key") == true)
        #expect(throws: SecretsError.self) { try keyring.retiring(["k-not-there"]) }
    }
}
