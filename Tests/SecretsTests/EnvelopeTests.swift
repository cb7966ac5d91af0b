import Secrets
import Testing

@Suite struct EnvelopeTests {
    let canary = "sk-canary-envelope-1234567890"
    let aad = Envelope.credentialAssociatedData(workspaceID: "w1", integrationID: "i1")

    @Test func opensWhatItSealed() throws {
        let keyring = try Keyring.generate()
        let envelope = try Envelope.seal(plaintext: SecretBytes(utf8: canary), aad: aad, keyring: keyring)
        let stored = envelope.bytes

        let opened = try Envelope.open(envelope: stored, aad: aad, keyring: keyring)
        #expect(try opened.withBytes { String(decoding: $0, as: UTF8.self) } == canary)
        #expect(envelope.keyID == keyring.currentKeyID)
        #expect(try Envelope(bytes: stored) == envelope)
        #expect(!String(decoding: stored, as: UTF8.self).contains(canary))
    }

    @Test func opensAnEmptyPlaintext() throws {
        let keyring = try Keyring.generate()
        let envelope = try Envelope.seal(plaintext: SecretBytes([]), aad: aad, keyring: keyring)
        #expect(try envelope.open(aad: aad, keyring: keyring).withBytes { $0 }.isEmpty)
    }

    @Test func sealingTwiceUsesFreshNonces() throws {
        let keyring = try Keyring.generate()
        let first = try Envelope.seal(plaintext: SecretBytes(utf8: canary), aad: aad, keyring: keyring)
        let second = try Envelope.seal(plaintext: SecretBytes(utf8: canary), aad: aad, keyring: keyring)
        #expect(first.nonce.count == 12)
        #expect(first.tag.count == 16)
        #expect(first.nonce != second.nonce)
        #expect(first.ciphertext != second.ciphertext)
        #expect(first.bytes != second.bytes)
    }

    enum Part: CaseIterable, Sendable {
        case nonce, ciphertext, tag
    }

    @Test(arguments: Part.allCases)
    func alteredPartFailsAuthentication(_ part: Part) throws {
        let keyring = try Keyring.generate()
        let envelope = try Envelope.seal(plaintext: SecretBytes(utf8: canary), aad: aad, keyring: keyring)
        var bytes = envelope.bytes
        let tagStart = bytes.count - 16
        let nonceStart = tagStart - envelope.ciphertext.count - 12
        let index =
            switch part {
            case .nonce: nonceStart + 5
            case .ciphertext: nonceStart + 12 + 3
            case .tag: tagStart + 15
            }
        bytes[index] ^= 0x01

        let expected = SecretsError(.authenticationFailed(keyID: keyring.currentKeyID))
        #expect(throws: expected) { try Envelope.open(envelope: bytes, aad: aad, keyring: keyring) }
        #expect(!expected.description.contains(canary))
    }

    @Test func envelopeMovedToAnotherRowFails() throws {
        let keyring = try Keyring.generate()
        let envelope = try Envelope.seal(plaintext: SecretBytes(utf8: canary), aad: aad, keyring: keyring)
        let otherRow = Envelope.credentialAssociatedData(workspaceID: "w1", integrationID: "i2")

        let error = #expect(throws: SecretsError.self) { try envelope.open(aad: otherRow, keyring: keyring) }
        #expect(error?.reason == .associatedDataMismatch(keyID: keyring.currentKeyID))
        #expect(error?.description.contains("another record") == true)
    }

    @Test func keyTheKeyringLacksFailsNamingIt() throws {
        let sealing = try Keyring.generate()
        let other = try Keyring.generate()
        let envelope = try Envelope.seal(plaintext: SecretBytes(utf8: canary), aad: aad, keyring: sealing)

        let error = #expect(throws: SecretsError.self) { try envelope.open(aad: aad, keyring: other) }
        #expect(error?.reason == .unknownKeyID(sealing.currentKeyID))
        #expect(error?.description.contains("'\(sealing.currentKeyID)' is not in the keyring") == true)
    }

    @Test(arguments: [0, 1, 2, 20, 33, 42])
    func truncatedEnvelopeFails(length: Int) throws {
        let keyring = try Keyring.generate()
        let envelope = try Envelope.seal(plaintext: SecretBytes(utf8: canary), aad: aad, keyring: keyring)
        let cut = Array(envelope.bytes.prefix(length))
        #expect(throws: SecretsError(.truncatedEnvelope(length: length))) {
            try Envelope.open(envelope: cut, aad: aad, keyring: keyring)
        }
    }

    @Test func unknownVersionFails() throws {
        let keyring = try Keyring.generate()
        var bytes = try Envelope.seal(plaintext: SecretBytes(utf8: canary), aad: aad, keyring: keyring).bytes
        bytes[0] = 9
        #expect(throws: SecretsError(.unsupportedEnvelopeVersion(9))) {
            try Envelope.open(envelope: bytes, aad: aad, keyring: keyring)
        }
    }

    @Test func errorsNeverCarryPlaintextOrKeys() throws {
        let keyring = try Keyring.generate()
        let envelope = try Envelope.seal(plaintext: SecretBytes(utf8: canary), aad: aad, keyring: keyring)
        let errors: [SecretsError] = [
            SecretsError(.associatedDataMismatch(keyID: envelope.keyID)),
            SecretsError(.authenticationFailed(keyID: envelope.keyID)),
            SecretsError(.unknownKeyID(envelope.keyID)),
        ]
        for error in errors {
            #expect(!error.description.contains(canary))
            #expect(!error.description.contains("\n"))
        }
        #expect(!"\(keyring)".contains(canary))
    }
}
