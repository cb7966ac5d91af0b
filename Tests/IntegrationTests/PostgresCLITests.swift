import Foundation
import PatchbayCore
import PatchbayTestSupport
import Storage
import Testing

/// The real `patchbay` binary on PostgreSQL (issue 12): `migrate`, bad input refused with exit 78 and nothing
/// written, the database password never shown, and credentials never in a `pg_dump` of the database.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PATCHBAY_TEST_SKIP_POSTGRES"] != "1"))
struct PostgresCLITests {
    @Test func migrateIsIdempotentAndInstancesRefuseAnUnmigratedDatabase() async throws {
        let database = try TestDatabase.make(migrated: false)
        defer { database.drop() }
        try await withTemporaryDirectory(prefix: "patchbay-pg-cli") { folder in
            let password = try #require(database.url.password)
            let environment = [
                "PATCHBAY_DATA_DIR": folder.file("data"), "PATCHBAY_MASTER_KEY": TestContext.testMasterKey,
            ]
            let url = database.url.urlText

            let refused = try await patchbay(
                ["init", "--owner", "ops", "--workspace", "acme", "--database", url],
                environment
            )
            #expect(refused.status == 78)
            #expect(refused.standardError.contains("patchbay migrate"), "\(refused.standardError)")
            #expect(oneLine(refused.standardError) && !refused.standardError.contains(password))
            #expect(try database.column("SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'") == ["0"])
            #expect(!FileManager.default.fileExists(atPath: folder.file("data/patchbay.sqlite")))

            let first = try await patchbay(["migrate", "--database", url], environment)
            #expect(first.status == 0, "\(first.standardError)")
            #expect(first.standardOutput.contains("migrated to schema version"))
            #expect(!first.standardOutput.contains(password) && first.standardOutput.contains("***"))
            let second = try await patchbay(["migrate"], environment.merging(["PATCHBAY_DATABASE_URL": url]) { $1 })
            #expect(second.status == 0 && second.standardOutput.contains("nothing to do"), "\(second.standardError)")

            let initialized = try await patchbay(
                ["init", "--owner", "ops", "--workspace", "acme", "--database", url, "--json"],
                environment
            )
            #expect(initialized.status == 0, "\(initialized.standardError)")
            #expect(!FileManager.default.fileExists(atPath: folder.file("data/patchbay.sqlite")))
        }
    }

    @Test func badDatabaseInputIsOneLineExit78AndWritesNothing() async throws {
        let database = try TestDatabase.make()
        defer { database.drop() }
        try await withTemporaryDirectory(prefix: "patchbay-pg-cli") { folder in
            let password = try #require(database.url.password)
            let environment = [
                "PATCHBAY_DATA_DIR": folder.file("data"), "PATCHBAY_MASTER_KEY": TestContext.testMasterKey,
            ]
            var wrongPassword = database.url
            wrongPassword.password = "Wr0ng\(password.prefix(3))xyz"
            var unreachable = database.url
            unreachable.endpoint = .tcp(host: "127.0.0.1", port: 1)
            let cases: [(url: String, says: String)] = [
                (unreachable.urlText, "cannot reach the database server"),
                (wrongPassword.urlText, "refused the user or password"),
                (database.url.withDatabase(database.url.database + "_typo").urlText, "has no database"),
                (database.url.urlText.replacingOccurrences(of: "postgres://", with: "postgress://"), "scheme"),
                (database.url.urlText + "&sslmod=disable", "unknown parameter"),
            ]
            for (url, says) in cases {
                let output = try await patchbay(
                    ["init", "--owner", "ops", "--workspace", "acme", "--database", url],
                    environment
                )
                #expect(output.status == 78, "\(says): \(output.standardError)")
                #expect(output.standardError.contains(says), "\(output.standardError)")
                #expect(oneLine(output.standardError), "\(output.standardError)")
                #expect(!output.standardError.contains(password), "the password leaked: \(output.standardError)")
                #expect(!output.standardError.contains(wrongPassword.password ?? "-"))
            }
            #expect(try database.column("SELECT count(*)::text FROM users") == ["0"])
            #expect(!FileManager.default.fileExists(atPath: folder.file("data/patchbay.sqlite")))

            // Without a shared master key, a fleet's instances would each make up their own.
            let keyless = try await patchbay(
                ["init", "--owner", "ops", "--workspace", "acme", "--database", database.url.urlText],
                ["PATCHBAY_DATA_DIR": folder.file("data")]
            )
            #expect(keyless.status == 78 && keyless.standardError.contains("--master-key-file"))
            let keyFile = try folder.write(TestContext.testMasterKey + "\n", to: "master.key")
            chmod(keyFile, 0o644)
            let open = try await patchbay(
                [
                    "init", "--owner", "ops", "--workspace", "acme", "--database", database.url.urlText,
                    "--master-key-file", keyFile,
                ],
                ["PATCHBAY_DATA_DIR": folder.file("data")]
            )
            #expect(open.status == 78 && open.standardError.contains("chmod 600 \(keyFile)"), "\(open.standardError)")
            #expect(try database.column("SELECT count(*)::text FROM users") == ["0"])
            chmod(keyFile, 0o600)
            let fixed = try await patchbay(
                [
                    "init", "--owner", "ops", "--workspace", "acme", "--database", database.url.urlText,
                    "--master-key-file", keyFile,
                ],
                ["PATCHBAY_DATA_DIR": folder.file("data")]
            )
            #expect(fixed.status == 0, "\(fixed.standardError)")
        }
    }

    @Test func aCanaryKeyNeverAppearsInAPgDumpNorThePasswordInOutput() async throws {
        let canary = "CANARY-\(UUID().uuidString)"
        try await withCLI(backend: .postgres) { cli in
            let url = try DatabaseURL(parsing: try #require(cli.environment["PATCHBAY_DATABASE_URL"]))
            let created = try await cli.createIntegration("HQ", apiKey: canary, extra: ["--no-validate", "--json"])
            #expect(created.status == 0, "\(created.standardError)")
            let listed = try await cli.run("integrations", "list", "--workspace", "acme", "--json")
            let synced = try await cli.run("networks", "sync", "--integration", "1", "--json")
            for output in [created, listed, synced] {
                #expect(!output.standardOutput.contains(canary) && !output.standardError.contains(canary))
                #expect(!output.standardError.contains(url.password ?? "-"))
            }
            let dump = try await onOwnThread {
                try ProcessRunner.run(try pgDump(), ["--data-only", "--dbname", url.urlText])
            }
            #expect(dump.status == 0, "\(dump.standardError)")
            #expect(dump.standardOutput.contains("COPY public.integrations"))
            #expect(!dump.standardOutput.contains(canary))
            #expect(!dump.standardOutput.contains(Data(canary.utf8).base64EncodedString()))
        }
    }
}

private func patchbay(_ arguments: [String], _ environment: [String: String]) async throws -> ProcessOutput {
    // No inherited database or key: each case names its own.
    let cleared = ["PATCHBAY_DATABASE_URL": "", "PATCHBAY_TOKEN": ""]
    return try await onOwnThread {
        try ProcessRunner.run(
            ProductsDirectory.patchbayBinary,
            arguments,
            environment: cleared.merging(environment) { $1 }
        )
    }
}

/// One `error: …` line, as every refusal reads.
private func oneLine(_ text: String) -> Bool {
    text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1
}

/// Debian's pg_dump of the newest installed server version (the test cluster's).
private func pgDump() throws -> String {
    let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
    guard let newest = versions.compactMap(Int.init).max() else {
        throw TestDatabaseError(description: "no /usr/lib/postgresql/*/bin/pg_dump; run scripts/install-deps.sh")
    }
    return "/usr/lib/postgresql/\(newest)/bin/pg_dump"
}
