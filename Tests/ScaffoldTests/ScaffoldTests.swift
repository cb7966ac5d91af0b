import Foundation
import PatchbayTestSupport
import Testing

/// `patchbay plugins new` writes a skeleton that builds and passes its own test on the first try, and that the
/// installed host then loads.
@Suite struct ScaffoldTests {
    @Test func cSkeletonBuildsPassesMakeTestAndLoads() async throws {
        try await withTemporaryDirectory(prefix: "scaffold-c") { folder in
            let skeleton = folder.file("acme-cloud")
            let created = try await ScaffoldHarness.patchbay(
                ["plugins", "new", "acme-cloud", "--lang", "c", "--dir", skeleton]
            )
            #expect(created.status == 0, "\(created.standardError)")
            #expect(created.standardOutput.contains("Next: cd \(skeleton) && make test"))
            let header = try String(contentsOfFile: skeleton + "/include/patchbay_provider.h", encoding: .utf8)
            #expect(
                header
                    == (try String(contentsOfFile: PackagePaths.abiHeaders + "/patchbay_provider.h", encoding: .utf8))
            )

            let test = try await ScaffoldHarness.niceRun(try ScaffoldHarness.tool("make"), ["test"], in: skeleton)

            #expect(test.status == 0, "\(test.standardOutput)\n\(test.standardError)")
            #expect(test.standardOutput.contains("./libpatchbay_acme_cloud.so: 14 passed, 0 failed, 3 skipped"))
            let row = try await ScaffoldHarness.listed(skeleton)
            #expect(row["id"] as? String == "acme-cloud")
            #expect(row["status"] as? String == "loaded")
        }
    }

    /// One Swift build of a whole package: about a minute on a busy machine.
    @Test(.timeLimit(.minutes(10)))
    func swiftSkeletonPassesSwiftTestAndLoads() async throws {
        try await withTemporaryDirectory(prefix: "scaffold-swift") { folder in
            let skeleton = folder.file("acme-swift")
            let created = try await ScaffoldHarness.patchbay(
                ["plugins", "new", "acme-swift", "--lang", "swift", "--dir", skeleton]
            )
            #expect(created.status == 0, "\(created.standardError)")

            let test = try await ScaffoldHarness.niceRun(
                try ScaffoldHarness.tool("swift"),
                ["test", "--jobs", "1"],
                in: skeleton
            )

            #expect(test.status == 0, "\(test.standardOutput)\n\(test.standardError)")
            #expect(test.standardOutput.contains("patchbayCheckPassesAgainstTheFakeAPI() passed"))
            let row = try await ScaffoldHarness.listed(skeleton)
            #expect(row["id"] as? String == "acme-swift")
            #expect(row["status"] as? String == "loaded", "\(row["error"] ?? "")")
        }
    }

    @Test(arguments: [
        (["Acme"], 64, "'Acme': not a provider id"),
        (["9lives"], 64, "not a provider id"),
        (["acme", "--lang", "rust"], 64, "rust"),
    ])
    func badNameOrLanguageIsAUsageError(arguments: [String], status: Int32, message: String) async throws {
        let lang = arguments.contains("--lang") ? [] : ["--lang", "c"]
        let output = try await ScaffoldHarness.patchbay(
            ["plugins", "new"] + arguments + lang + ["--dir", "/nonexistent/x"]
        )

        #expect(output.status == status)
        #expect(output.standardError.contains(message), "\(output.standardError)")
    }

    @Test func nonEmptyFolderIsRefused() async throws {
        try await withTemporaryDirectory(prefix: "scaffold-busy") { folder in
            try folder.write("mine", to: "keep.txt")
            let output = try await ScaffoldHarness.patchbay([
                "plugins", "new", "acme", "--lang", "c", "--dir", folder.path,
            ])

            #expect(output.status == 73)
            #expect(output.standardError.contains("the folder exists and is not empty"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["keep.txt"])
        }
    }
}
