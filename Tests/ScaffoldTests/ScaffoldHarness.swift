import Foundation
import PatchbayCore
import PatchbayTestSupport
import Testing

/// Runs commands for the scaffold tests off Swift's cooperative pool: `patchbay`, `make`, `swift`.
enum ScaffoldHarness {
    static func patchbay(_ arguments: [String], in folder: String? = nil) async throws -> ProcessOutput {
        try await run(ProductsDirectory.patchbayBinary, arguments, in: folder)
    }

    static func run(_ executable: String, _ arguments: [String], in folder: String? = nil) async throws -> ProcessOutput
    {
        try await onOwnThread {
            try ProcessRunner.run(executable, arguments, environment: cleanEnvironment, currentDirectory: folder)
        }
    }

    /// Runs a build at the lowest priority on one core, so the tests running beside it (loopback servers with
    /// tight timeouts) keep their CPU.
    static func niceRun(_ executable: String, _ arguments: [String], in folder: String) async throws -> ProcessOutput {
        try await run(try tool("nice"), ["-n", "19", executable] + arguments, in: folder)
    }

    /// The first `name` on the PATH.
    static func tool(_ name: String) throws -> String {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return try #require(
            folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) },
            "\(name) is not on the PATH"
        )
    }

    /// The outer `swift test` sets variables a nested SwiftPM build must not inherit.
    private static var cleanEnvironment: [String: String] {
        ["SWIFTPM_PACKAGE_PATH": "", "SWIFTPM_TEST_PRODUCT": "", "PATCHBAY_PLUGINS": ""]
    }

    /// `plugins list --json` on the skeleton's own plugins.yaml: the one entry and its status.
    static func listed(_ folder: String) async throws -> [String: Any] {
        let output = try await patchbay(["plugins", "list", "--json", "--plugins", folder + "/plugins.yaml"])
        #expect(output.status == 0, "\(output.standardError)")
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [[String: Any]]
        )
        return try #require(rows.first)
    }
}
