import Foundation
import GRDB
import PatchbayCore
import PatchbayTestSupport
import Storage
import Testing

@Suite struct CredentialSecrecyTests {
    @Test func canaryKeyNeverReachesLogsErrorsOrTheDatabaseFiles() async throws {
        try await withCoreEnvironment { env in
            let canary = "canary-\(UUID().uuidString)"
            let provider = try #require(env.providers["scripted"])
            let integration = try await env.createIntegration(apiKey: canary)
            #expect(provider.lastCredentials == ["api_key": canary])  // the provider got the plaintext, just in time
            provider.update {
                $0.pages = [upstreamNetworks(0..<3)]
                $0.countsError = ServiceError(.unavailable, "scripted: counts down")
            }
            _ = try await env.provisioning.sync(env.owner, integrationID: integration.id)
            let listed = try await env.integrations.list(env.owner, workspace: "acme")
            let duplicate = await Result { try await env.createIntegration(apiKey: canary) }

            // Every stored property of every summary (their JSON is the server's encoder's; SecrecyTests reads it).
            #expect(String(reflecting: listed).contains(canary) == false)
            #expect("\(duplicate.failure ?? MissingValue())".contains(canary) == false)
            #expect(env.logs.entries.allSatisfy { !$0.line.contains(canary) })
            try env.database.checkpoint()
            for bytes in try env.databaseBytes() {
                #expect(bytes.range(of: Data(canary.utf8)) == nil)
            }
        }
    }

    @Test func deletedIntegrationLeavesNoCiphertextBytesInTheDatabaseFiles() async throws {
        try await withCoreEnvironment { env in
            let integration = try await env.createIntegration()
            try #require(env.providers["scripted"]).update { $0.pages = [upstreamNetworks(0..<3)] }
            _ = try await env.provisioning.sync(env.owner, integrationID: integration.id)
            let record = try #require(try env.database.integration(id: integration.id))
            let ciphertext = record.credentialsCiphertext
            #expect(ciphertext.count > 28)

            try await env.integrations.delete(env.owner, id: integration.id)

            for bytes in try env.databaseBytes() {
                #expect(bytes.range(of: ciphertext) == nil)
            }
            #expect(try env.database.integration(id: integration.id) == nil)
            #expect(try env.networks.list(env.owner, workspace: "acme").networks.isEmpty)
            #expect(try env.database.syncRuns(integrationID: integration.id).isEmpty)
            #expect(
                try env.database.auditEntries(workspaceID: env.workspace.id).contains {
                    $0.action == "integration.delete"
                }
            )
        }
    }

    @Test func tamperedCiphertextFailsToDecrypt() async throws {
        try await withCoreEnvironment { env in
            let integration = try await env.createIntegration()
            try await env.database.writer.write { db in
                try db.execute(
                    sql:
                        "UPDATE integrations SET credentials_ciphertext = CAST(substr(credentials_ciphertext, 1, length(credentials_ciphertext) - 1) || X'00' AS BLOB) WHERE id = ?",
                    arguments: [integration.id]
                )
            }
            await #expect { try await env.provisioning.sync(env.owner, integrationID: integration.id) } throws: {
                ($0 as? ServiceError)?.message.contains("cannot be decrypted") == true
            }
        }
    }

    @Test func ciphertextMovedToAnotherRowFailsToDecrypt() async throws {
        try await withCoreEnvironment { env in
            let first = try await env.createIntegration(named: "first", apiKey: "first-key")
            let second = try await env.createIntegration(named: "second", apiKey: "second-key")
            try await env.database.writer.write { db in
                try db.execute(
                    sql: """
                        UPDATE integrations SET
                        credentials_ciphertext = (SELECT credentials_ciphertext FROM integrations WHERE id = ?),
                        key_id = (SELECT key_id FROM integrations WHERE id = ?) WHERE id = ?
                        """,
                    arguments: [first.id, first.id, second.id]
                )
            }
            await #expect { try await env.provisioning.sync(env.owner, integrationID: second.id) } throws: {
                ($0 as? ServiceError)?.message.contains("cannot be decrypted") == true
            }
            #expect(try #require(env.providers["scripted"]).lastCredentials?["api_key"] != "first-key")
        }
    }

    @Test func keyRotationKeepsEveryCredentialUsable() async throws {
        try await withCoreEnvironment { env in
            let keys = ["alpha", "beta", "gamma"]
            var integrations: [IntegrationSummary] = []
            for key in keys { integrations.append(try await env.createIntegration(named: key, apiKey: "key-\(key)")) }
            let before = Set(try integrations.map { try #require(try env.database.integration(id: $0.id)).keyID })

            let rotation = try await KeyRotationService(context: env.context).rotate(env.owner)

            #expect(rotation.reencrypted == 3)
            #expect(!before.contains(rotation.currentKeyID))
            let provider = try #require(env.providers["scripted"])
            for (integration, key) in zip(integrations, keys) {
                #expect(try env.database.integration(id: integration.id)?.keyID == rotation.currentKeyID)
                _ = try await env.provisioning.sync(env.owner, integrationID: integration.id)
                #expect(provider.lastCredentials?["api_key"] == "key-\(key)")
            }
            // A fresh process (new cipher, keyring from disk) still opens everything.
            let reopened = try KeyringCipher(dataDirectory: env.directory, environment: [:], database: env.database)
            #expect(try reopened.currentKeyID() == rotation.currentKeyID)
        }
    }

    /// On PostgreSQL the other processes are other machines: data directories of their own, one database (whose
    /// keyring they share) and one master key.
    @Test(arguments: TestBackend.all) func aProcessThatMissedARotationNeverSealsWithARetiredKey(
        _ backend: TestBackend
    ) async throws {
        try await withCoreEnvironment(backend) { env in
            _ = try await env.createIntegration(named: "before")
            let elsewhere = env.postgres == nil ? env.directory : env.directory + "-other-machine"
            // Another process rotates (and retires the old key) while this one keeps running.
            let otherProcess = try TestContext.open(
                dataDirectory: elsewhere,
                database: env.postgres?.url,
                providers: .directory(env.providers),
                logger: env.context.logger
            )
            let rotation = try await KeyRotationService(context: otherProcess).rotate(env.owner)

            let created = try await env.createIntegration(named: "after")
            #expect(try env.store.integration(id: created.id)?.keyID == rotation.currentKeyID)
            // A third, fresh process opens both.
            let fresh = try TestContext.open(
                dataDirectory: env.postgres == nil ? env.directory : elsewhere + "-third",
                database: env.postgres?.url,
                providers: .directory(env.providers),
                logger: env.context.logger
            )
            for integration in try await IntegrationService(context: fresh).list(env.owner, workspace: "acme") {
                _ = try await ProvisioningService(context: fresh).sync(env.owner, integrationID: integration.id)
            }
        }
    }

    /// Keys protect every tenant: a workspace owner who is not an installation administrator may not rotate them
    /// (issue 15 item 1; before, any owner of any workspace could).
    @Test func onlyInstallationAdministratorsRotateKeys() async throws {
        try await withCoreEnvironment { env in
            let admin = try await env.member("ada", role: .admin)
            let owner = try await env.member("olga", role: .owner)
            for caller in [admin, owner] {
                await #expect { try await KeyRotationService(context: env.context).rotate(caller) } throws: {
                    ($0 as? ServiceError)?.code == .permissionDenied
                }
            }
            _ = try await KeyRotationService(context: env.context).rotate(env.owner)
        }
    }
}
