import Foundation
import HTTPClient
import Logging
import PatchbayCore
import PatchbayTestSupport
import Storage

/// The `patchbay` binary of this build, a data directory and plugins.yaml shared by every instance (one machine
/// here; a real fleet shares only the database and the master key), the database, and the owner's token.
struct Fleet {
    let folder: TemporaryDirectory
    let databaseURL: DatabaseURL?
    let environment: [String: String]
    let token: String
    let client: HTTPClient

    /// Writes plugins.yaml, migrates a PostgreSQL database (`patchbay migrate`, as an operator does before starting
    /// instances) and runs `patchbay init`.
    static func prepare(folder: TemporaryDirectory, fake: FakeMeraki, databaseURL: DatabaseURL?) async throws -> Fleet {
        let plugins = try folder.write("plugins:\n\(fake.pluginEntry)\n", to: "plugins.yaml")
        var environment = [
            "PATCHBAY_DATA_DIR": folder.file("data"), "PATCHBAY_PLUGINS": plugins,
            "PATCHBAY_MASTER_KEY": TestContext.testMasterKey, "PATCHBAY_LOG_LEVEL": "notice",
        ]
        if let databaseURL {
            environment["PATCHBAY_DATABASE_URL"] = databaseURL.urlText
            _ = try await patchbay(["migrate"], environment: environment)
        }
        let initialized = try await patchbay(
            ["init", "--owner", "ops", "--workspace", "acme", "--json"],
            environment: environment
        )
        let object = try JSONSerialization.jsonObject(with: Data(initialized.utf8)) as? [String: Any]
        guard let token = object?["token"] as? String else { throw FleetError("init printed no token: \(initialized)") }
        var logger = Logger(label: "fleet")
        logger.logLevel = .critical
        let client = HTTPClient(
            configuration: HTTPClientConfiguration(allowedHosts: ["127.0.0.1"], maxRetries: 0),
            logger: logger
        )
        return Fleet(folder: folder, databaseURL: databaseURL, environment: environment, token: token, client: client)
    }

    /// Runs `patchbay ARGS` to completion off the cooperative pool (the fake's handlers need it); its stdout.
    private static func patchbay(_ arguments: [String], environment: [String: String]) async throws -> String {
        let output = try await onOwnThread {
            try ProcessRunner.run(ProductsDirectory.patchbayBinary, arguments, environment: environment)
        }
        guard output.status == 0 else {
            throw FleetError(
                "patchbay \(arguments.joined(separator: " ")) exited \(output.status): \(output.standardError)"
            )
        }
        return output.standardOutput
    }

    /// Starts one `patchbay serve` on a free port; its API's base URL once it listens.
    func startInstance(workers: Int) async throws -> (process: ChildProcess, base: String) {
        let process = try ChildProcess(
            ProductsDirectory.patchbayBinary,
            ["serve", "--port", "0", "--sync-workers", "\(workers)"],
            environment: environment
        )
        guard let base = try await process.waitForStandardError(matching: #"http://127\.0\.0\.1:\d+/v1"#) else {
            throw FleetError("serve did not start: \(process.standardErrorSoFar)")
        }
        return (process, base)
    }

    /// Creates one integration through the API, on its own organization of the fake (so each has its own budget).
    func createIntegration(base: String, organization: Int, interval: Int) throws -> Int64 {
        let body = """
            {"provider":"meraki","name":"org-\(organization)","credentials":{"api_key":"\(FakeMerakiDataset.goodKey)"},\
            "settings":{"organization_ids":"\(100_000 + organization)"},"validate":false,\
            "sync_interval_seconds":\(interval)}
            """
        let response = try client.perform(
            HTTPRequest(
                method: "POST",
                url: base + "/workspaces/acme/integrations",
                headers: [authorization, HTTPHeader(name: "Content-Type", value: "application/json")],
                body: Array(body.utf8)
            ),
            context: HTTPCallContext()
        )
        let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        guard response.status == 201, let id = (object?["id"] as? NSNumber)?.int64Value else {
            throw FleetError("creating integration \(organization): HTTP \(response.status)")
        }
        return id
    }

    var authorization: HTTPHeader { HTTPHeader(name: "Authorization", value: "Bearer \(token)") }

    /// The store the instances share, opened by this process to read the sync runs afterwards.
    func openStore() throws -> any PatchbayStore {
        if let databaseURL { return try PostgresStore(url: databaseURL) }
        return try SQLiteStore(directory: folder.file("data"))
    }
}

struct FleetError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
