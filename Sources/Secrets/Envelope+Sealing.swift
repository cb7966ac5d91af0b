extension Envelope {
    /// The associated data for a provider credential: binds its envelope to one workspace and integration, so a
    /// ciphertext copied into another row fails to open. Use the same call when sealing and when opening.
    package static func credentialAssociatedData(workspaceID: String, integrationID: String) -> String {
        "patchbay/v1 workspace=\(workspaceID) integration=\(integrationID)"
    }

    /// Seals `plaintext` with the keyring's current key under a fresh random 96-bit nonce, binding `aad`.
    package static func seal(plaintext: SecretBytes, aad: String, keyring: Keyring) throws -> Envelope {
        let keyID = keyring.currentKeyID
        guard let key = keyring.key(for: keyID) else { throw SecretsError(.unknownKeyID(keyID)) }
        let fingerprint = fingerprint(of: aad)
        let nonce = try SecureRandom.bytes(count: AES256GCM.nonceByteCount)
        let authenticated = header(keyID: keyID, fingerprint: fingerprint) + Array(aad.utf8)
        let (ciphertext, tag) = try AES256GCM.seal(key: key, nonce: nonce, aad: authenticated, plaintext: plaintext)
        return Envelope(keyID: keyID, fingerprint: fingerprint, nonce: nonce, ciphertext: ciphertext, tag: tag)
    }

    /// Parses stored bytes and opens them; see ``open(aad:keyring:)``.
    package static func open(
        envelope bytes: some Collection<UInt8>,
        aad: String,
        keyring: Keyring
    ) throws -> SecretBytes {
        try Envelope(bytes: bytes).open(aad: aad, keyring: keyring)
    }

    /// Opens with the keyring key this envelope names, which need not be current.
    ///
    /// Throws ``SecretsError/Reason/unknownKeyID(_:)`` when the keyring lacks that key,
    /// ``SecretsError/Reason/associatedDataMismatch(keyID:)`` when `aad` differs from the sealing one, and
    /// ``SecretsError/Reason/authenticationFailed(keyID:)`` when any byte was altered.
    package func open(aad: String, keyring: Keyring) throws -> SecretBytes {
        guard let key = keyring.key(for: keyID) else { throw SecretsError(.unknownKeyID(keyID)) }
        guard ConstantTime.equals(fingerprint, Self.fingerprint(of: aad)) else {
            throw SecretsError(.associatedDataMismatch(keyID: keyID))
        }
        let authenticated = header + Array(aad.utf8)
        let opened = try AES256GCM.open(key: key, nonce: nonce, aad: authenticated, ciphertext: ciphertext, tag: tag)
        guard let opened else { throw SecretsError(.authenticationFailed(keyID: keyID)) }
        return opened
    }

    /// This envelope re-sealed under the keyring's current key (itself when already current), for
    /// `patchbay keys rotate`. The plaintext is wiped before this returns.
    package func resealed(aad: String, keyring: Keyring) throws -> Envelope {
        guard keyID != keyring.currentKeyID else { return self }
        let plaintext = try open(aad: aad, keyring: keyring)
        defer { plaintext.wipe() }
        return try Envelope.seal(plaintext: plaintext, aad: aad, keyring: keyring)
    }
}
