import Foundation
import Secrets
import Testing

@Suite struct KeyStoreTests {
    let aad = Envelope.credentialAssociatedData(workspaceID: "w1", integrationID: "i1")

    @Test func firstLoadCreatesOwnerOnlyFilesAndSecondLoadReusesThem() throws {
        try withTemporaryDirectory { directory in
            let store = KeyStore(dataDirectory: directory, environment: [:])
            let first = try store.load()
            let envelope = try Envelope.seal(plaintext: SecretBytes(utf8: "secret"), aad: aad, keyring: first)

            let keyFile = directory.appendingPathComponent("master.key")
            #expect(store.masterKeySource == .keyFile(path: keyFile.path))
            #expect(try permissions(of: keyFile) == 0o600)
            #expect(try permissions(of: directory.appendingPathComponent("keyring")) == 0o600)
            let keyText = try String(contentsOf: keyFile, encoding: .utf8)
            #expect(Data(base64Encoded: keyText.trimmingCharacters(in: .whitespacesAndNewlines))?.count == 32)

            let second = try KeyStore(dataDirectory: directory, environment: [:]).load()
            #expect(second.keyIDs == first.keyIDs)
            #expect(try envelope.open(aad: aad, keyring: second).withBytes { $0 } == Array("secret".utf8))
            #expect(try String(contentsOf: keyFile, encoding: .utf8) == keyText)
        }
    }

    @Test func createsAMissingDataDirectory() throws {
        try withTemporaryDirectory { directory in
            let nested = directory.appendingPathComponent("a/b")
            _ = try KeyStore(dataDirectory: nested, environment: [:]).load()
            #expect(FileManager.default.fileExists(atPath: nested.appendingPathComponent("keyring").path))
        }
    }

    @Test func savedRotationSurvivesReload() throws {
        try withTemporaryDirectory { directory in
            let store = KeyStore(dataDirectory: directory, environment: [:])
            let original = try store.load()
            let old = try Envelope.seal(plaintext: SecretBytes(utf8: "old"), aad: aad, keyring: original)
            let rotated = try original.rotated()
            try store.save(rotated)

            let reloaded = try store.load()
            #expect(reloaded.keyIDs == rotated.keyIDs)
            #expect(reloaded.currentKeyID == rotated.currentKeyID)
            #expect(try old.open(aad: aad, keyring: reloaded).withBytes { $0 } == Array("old".utf8))

            try store.save(try reloaded.retiringAllButCurrent())
            #expect(try store.load().keyIDs == [rotated.currentKeyID])
            #expect(try permissions(of: directory.appendingPathComponent("keyring")) == 0o600)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            #expect(leftovers == ["keyring", "master.key"])
        }
    }

    @Test func groupReadableKeyFileIsRefusedWithTheFix() throws {
        try withTemporaryDirectory { directory in
            let store = KeyStore(dataDirectory: directory, environment: [:])
            _ = try store.load()
            let keyFile = directory.appendingPathComponent("master.key").path
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: keyFile)

            let error = #expect(throws: SecretsError.self) { try store.load() }
            #expect(error?.reason == .masterKeyFileTooOpen(path: keyFile, mode: 0o644))
            #expect(error?.description.contains("chmod 600 \(keyFile)") == true)
        }
    }

    @Test func environmentKeyIsUsedInsteadOfAFile() throws {
        let key = (0..<32).map { _ in UInt8.random(in: 0...255) }
        try withTemporaryDirectory { directory in
            let base64 = KeyStore(
                dataDirectory: directory,
                environment: ["PATCHBAY_MASTER_KEY": Data(key).base64EncodedString()]
            )
            #expect(base64.masterKeySource == .environment(variable: "PATCHBAY_MASTER_KEY"))
            let keyring = try base64.load()
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("master.key").path))

            // The same key given as hex opens the same keyring.
            let hex = KeyStore(dataDirectory: directory, environment: ["PATCHBAY_MASTER_KEY": Digest.hex(key) + "\n"])
            #expect(try hex.load().keyIDs == keyring.keyIDs)
        }
    }

    @Test func printingAStoreNeverShowsTheEnvironmentKey() throws {
        let key = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        let store = KeyStore(
            dataDirectory: URL(fileURLWithPath: "/nonexistent"),
            environment: ["PATCHBAY_MASTER_KEY": key]
        )
        var dumped = ""
        dump(store, to: &dumped)
        #expect(!dumped.contains(key))
        #expect(!"\(store)".contains(key))
        #expect(!String(reflecting: store).contains(key))
    }

    @Test(arguments: ["", "not a key", "AA=A", "AAECAwQFBgcICQoLDA0ODw==", String(repeating: "g", count: 64)])
    func malformedEnvironmentKeyNamesTheVariable(value: String) throws {
        try withTemporaryDirectory { directory in
            let store = KeyStore(dataDirectory: directory, environment: ["PATCHBAY_MASTER_KEY": value])
            let error = #expect(throws: SecretsError.self) { try store.load() }
            #expect(error?.description.hasPrefix("PATCHBAY_MASTER_KEY: ") == true)
            #expect(error?.description.contains("openssl rand -base64 32") == true)
        }
    }

    @Test func keyringUnderAnotherMasterKeyFailsClearly() throws {
        try withTemporaryDirectory { directory in
            _ = try KeyStore(dataDirectory: directory, environment: [:]).load()
            let other = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
            let store = KeyStore(dataDirectory: directory, environment: ["PATCHBAY_MASTER_KEY": other])

            let error = #expect(throws: SecretsError.self) { try store.load() }
            #expect(
                error?.reason == .keyringUndecryptable(path: store.keyringPath, masterKeySource: "PATCHBAY_MASTER_KEY")
            )
        }
    }

    @Test func keyringFileIsAnEnvelopeUnderTheMasterKey() throws {
        try withTemporaryDirectory { directory in
            let store = KeyStore(dataDirectory: directory, environment: [:])
            let keyring = try store.load()
            let stored = try Data(contentsOf: directory.appendingPathComponent("keyring"))
            let envelope = try Envelope(bytes: stored)
            #expect(envelope.keyID == "master")
            #expect(!stored.contains(Data(keyring.currentKeyID.utf8)))  // even key ids are inside the ciphertext
        }
    }

    @Test func alteredKeyringFileIsRefused() throws {
        try withTemporaryDirectory { directory in
            let store = KeyStore(dataDirectory: directory, environment: [:])
            _ = try store.load()
            let file = directory.appendingPathComponent("keyring")
            var bytes = [UInt8](try Data(contentsOf: file))
            bytes[bytes.count - 20] ^= 0x01
            try Data(bytes).write(to: file)
            #expect(
                throws: SecretsError(
                    .keyringUndecryptable(path: store.keyringPath, masterKeySource: "\(store.masterKeySource)")
                )
            ) {
                try store.load()
            }

            try Data(bytes.prefix(10)).write(to: file)
            #expect(throws: SecretsError(.malformedKeyring(path: store.keyringPath))) { try store.load() }
        }
    }

    @Test func lostKeyFileIsReportedNotReplaced() throws {
        try withTemporaryDirectory { directory in
            let store = KeyStore(dataDirectory: directory, environment: [:])
            _ = try store.load()
            let keyFile = directory.appendingPathComponent("master.key")
            try FileManager.default.removeItem(at: keyFile)

            let error = #expect(throws: SecretsError.self) { try store.load() }
            #expect(error?.description.contains("restore the key file") == true)
            #expect(!FileManager.default.fileExists(atPath: keyFile.path))
        }
    }

    @Test func malformedKeyFileIsRefused() throws {
        try withTemporaryDirectory { directory in
            let keyFile = directory.appendingPathComponent("master.key")
            try Data("too short\n".utf8).write(to: keyFile)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyFile.path)

            let store = KeyStore(dataDirectory: directory, environment: [:])
            #expect(throws: SecretsError(.malformedMasterKeyFile(path: keyFile.path))) { try store.load() }
        }
    }
}

@Suite struct KeyStoreFirstRunTests {
    /// Several processes starting at once on an empty data directory must agree on one master key and one keyring.
    @Test func concurrentFirstLoadsAgreeOnOneKeyring() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("patchbay-secrets-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let all = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { try KeyStore(dataDirectory: directory, environment: [:]).load().keyIDs }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(all.count == 8)
        #expect(Set(all).count == 1)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(leftovers == ["keyring", "master.key"])
    }
}
