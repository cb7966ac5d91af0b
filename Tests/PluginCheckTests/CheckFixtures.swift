import Foundation
import PatchbayCore
import PatchbayTestSupport
import Testing

/// The checker's fixtures (Tests/PluginCheckTests/Fixtures), compiled once per test run.
enum CheckFixtures {
    static let names = [
        "conforming", "ok_without_result", "leaks", "double_free", "invalid_page", "ignores_credentials",
        "ignores_sink", "unknown_status", "constructor_exit", "writes_stdout",
    ]

    private static let built: Result<TemporaryDirectory, CCompilerError> = {
        do {
            let compiler = try CCompiler.find()
            let directory = try TemporaryDirectory.make(prefix: "patchbay-check-fixtures")
            let fixtures = PackagePaths.source("Tests/PluginCheckTests/Fixtures")
            for name in names {
                try compiler.buildSharedLibrary(
                    sources: ["\(fixtures)/\(name).c"],
                    output: directory.file("lib\(name).so"),
                    // Not strict: the compiler rightly warns about the double free the fixture exists to commit.
                    includeDirectories: [PackagePaths.abiHeaders, fixtures]
                )
            }
            return .success(directory)
        } catch let error as CCompilerError {
            return .failure(error)
        } catch {
            return .failure(CCompilerError(message: "\(error)"))
        }
    }()

    /// The first call compiles, on a thread of its own (never one of Swift's few cooperative threads).
    static func library(_ name: String) async throws -> String {
        try await onOwnThread { try built.get().file("lib\(name).so") }
    }
}

/// `patchbay plugins check ... --json`, run off Swift's cooperative pool (loopback fakes need it).
struct CheckRun {
    let output: ProcessOutput
    let report: [String: Any]

    static func run(
        _ library: String,
        settings: [String: String]? = nil,
        credentials: [String: String]? = nil,
        extra: [String] = []
    ) async throws -> CheckRun {
        var arguments = ["plugins", "check", library, "--json"] + extra
        if let settings {
            let data = try JSONSerialization.data(withJSONObject: settings)
            arguments += ["--settings", String(decoding: data, as: UTF8.self)]
        }
        var input: Data?
        if let credentials {
            arguments += ["--credentials-file", "-"]
            input = try JSONSerialization.data(withJSONObject: credentials)
        }
        let output = try await onOwnThread { [arguments, input] in
            try ProcessRunner.run(ProductsDirectory.patchbayBinary, arguments, input: input)
        }
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any],
            "no JSON report: \(output.standardError)"
        )
        return CheckRun(output: output, report: report)
    }

    var checks: [[String: String]] { report["checks"] as? [[String: String]] ?? [] }

    func names(_ status: String) -> [String] {
        checks.filter { $0["status"] == status }.compactMap { $0["name"] }
    }

    func detail(_ name: String) -> String {
        checks.first { $0["name"] == name }?["detail"] ?? ""
    }
}
