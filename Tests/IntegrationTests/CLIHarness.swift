import Foundation
import PatchbayCore
import PatchbayTestSupport
import Storage
import Testing

/// The built `patchbay` binary with its own data directory and a plugins.yaml that points the real Meraki plugin at
/// a FakeMeraki on loopback.
struct CLIHarness {
    let fake: FakeMeraki
    let folder: TemporaryDirectory
    let pluginsFile: String
    var token: String?
    /// Added to every command's environment (e.g. a short sync lease).
    var environment: [String: String] = [:]

    var dataDirectory: String { folder.file("data") }

    private var commandEnvironment: [String: String] {
        environment.merging([
            "PATCHBAY_DATA_DIR": dataDirectory, "PATCHBAY_PLUGINS": pluginsFile, "PATCHBAY_TOKEN": token ?? "",
        ]) { _, fixed in fixed }
    }

    /// Starts `patchbay ARGS` in the background: a sync to interrupt, a `serve` or `worker` to stop.
    func start(_ arguments: String...) throws -> ChildProcess {
        try ChildProcess(ProductsDirectory.patchbayBinary, arguments, environment: commandEnvironment)
    }

    /// Runs `patchbay ARGS` off Swift's cooperative pool (the fake's handlers need it), with the token in the env.
    func run(_ arguments: String..., input: String? = nil) async throws -> ProcessOutput {
        try await run(arguments, input: input)
    }

    func run(_ arguments: [String], input: String? = nil, pluginsFile: String? = nil) async throws -> ProcessOutput {
        let environment = commandEnvironment.merging(pluginsFile.map { ["PATCHBAY_PLUGINS": $0] } ?? [:]) { $1 }
        let data = input.map { Data($0.utf8) }
        return try await onOwnThread {
            try ProcessRunner.run(ProductsDirectory.patchbayBinary, arguments, environment: environment, input: data)
        }
    }

    /// Runs a command that must succeed.
    func runChecked(_ arguments: [String], input: String? = nil) async throws -> ProcessOutput {
        let output = try await run(arguments, input: input)
        #expect(output.status == 0, "patchbay \(arguments.joined(separator: " ")): \(output.standardError)")
        return output
    }

    /// Runs a command that must succeed and decodes its `--json` output.
    func json(_ arguments: String..., input: String? = nil) async throws -> Any {
        let output = try await runChecked(arguments, input: input)
        return try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8))
    }

    /// `patchbay integrations create` in workspace acme, the API key given on stdin, never as an argument.
    func createIntegration(
        _ name: String,
        provider: String = "meraki",
        apiKey: String = FakeMerakiDataset.goodKey,
        extra: [String] = []
    ) async throws -> ProcessOutput {
        let arguments = [
            "integrations", "create", "--workspace", "acme", "--provider", provider, "--name", name,
            "--credentials-file", "-",
        ]
        return try await run(arguments + extra, input: "{\"api_key\": \"\(apiKey)\"}")
    }

    /// Every byte of the database files.
    func databaseBytes() throws -> [Data] {
        ["patchbay.sqlite", "patchbay.sqlite-wal", "patchbay.sqlite-shm"]
            .map { dataDirectory + "/" + $0 }
            .filter { FileManager.default.fileExists(atPath: $0) }
            .map { FileManager.default.contents(atPath: $0) ?? Data() }
    }
}

/// Starts a FakeMeraki, writes plugins.yaml, runs `patchbay init`, and hands over a harness holding the token.
/// With `.postgres` every command runs on a PostgreSQL database of the test's own (`PATCHBAY_DATABASE_URL`, and a
/// master key through `PATCHBAY_MASTER_KEY`, as a fleet's instances get theirs).
func withCLI<Result: Sendable>(
    _ dataset: FakeMerakiDataset = .generated(organizations: 2, networksPerOrganization: 5),
    backend: TestBackend = .sqlite,
    _ body: (CLIHarness) async throws -> Result
) async throws -> Result {
    try await withFakeMeraki(dataset) { fake in
        try await withTemporaryDirectory(prefix: "patchbay-cli") { folder in
            try await withTestDatabase(backend) { database in
                let pluginsFile = try folder.write("plugins:\n\(fake.pluginEntry)\n", to: "plugins.yaml")
                var harness = CLIHarness(fake: fake, folder: folder, pluginsFile: pluginsFile)
                if let database {
                    harness.environment["PATCHBAY_DATABASE_URL"] = database.url.urlText
                    harness.environment["PATCHBAY_MASTER_KEY"] = TestContext.testMasterKey
                }
                let initialized = try await harness.json("init", "--owner", "ops", "--workspace", "acme", "--json")
                harness.token = try #require((initialized as? [String: Any])?["token"] as? String)
                return try await body(harness)
            }
        }
    }
}
