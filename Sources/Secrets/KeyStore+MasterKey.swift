extension KeyStore {
    static let masterKeyID = "master"

    /// The master key as a one-key keyring, from the variable or the key file, creating the file when neither the
    /// variable nor the keyring exists yet.
    func masterKey(keyringExists: Bool) throws -> Keyring {
        switch masterKeySource {
        case .environment(let variable):
            var text = try environmentKey?.withBytes { $0 } ?? []
            defer { SecretBytes.cleanse(&text) }
            guard !text.isEmpty else {
                throw SecretsError(.malformedMasterKeyVariable(name: variable, problem: "is set but empty"))
            }
            guard var bytes = KeyText.decode(text) else {
                throw SecretsError(.malformedMasterKeyVariable(name: variable, problem: "is neither base64 nor hex"))
            }
            guard bytes.count == AES256GCM.keyByteCount else {
                let problem = "decodes to \(bytes.count) bytes, not 32"
                SecretBytes.cleanse(&bytes)
                throw SecretsError(.malformedMasterKeyVariable(name: variable, problem: problem))
            }
            return try Keyring(keys: [(Self.masterKeyID, SecretBytes(wiping: &bytes))])
        case .givenFile(let path):
            // Named by the operator (`--master-key-file`): used as it is, never created, never looser than 0600.
            guard var text = try ProtectedFile.contents(ofPath: path, ownerOnly: true) else {
                throw SecretsError(.masterKeyFileMissing(path: path))
            }
            defer { SecretBytes.cleanse(&text) }
            guard var bytes = KeyText.decode(text), bytes.count == AES256GCM.keyByteCount else {
                throw SecretsError(.malformedMasterKeyFile(path: path))
            }
            return try Keyring(keys: [(Self.masterKeyID, SecretBytes(wiping: &bytes))])
        case .keyFile(let path):
            if var text = try ProtectedFile.contents(ofPath: path, ownerOnly: true) {
                defer { SecretBytes.cleanse(&text) }
                guard var bytes = KeyText.decode(text), bytes.count == AES256GCM.keyByteCount else {
                    throw SecretsError(.malformedMasterKeyFile(path: path))
                }
                return try Keyring(keys: [(Self.masterKeyID, SecretBytes(wiping: &bytes))])
            }
            guard !keyringExists else {
                throw SecretsError(
                    .masterKeyMissing(keyringPath: keyringPath, keyFilePath: path, variable: Self.masterKeyVariable)
                )
            }
            var text = try SecretBytes.random(count: AES256GCM.keyByteCount).withBytes { KeyText.encodeBase64($0) }
            text.append(UInt8(ascii: "\n"))
            defer { SecretBytes.cleanse(&text) }
            _ = try ProtectedFile.createExclusively(path: path, contents: text)
            // Read back rather than trusting our bytes: a concurrent first run may have created the file first.
            return try masterKey(keyringExists: keyringExists)
        }
    }
}
