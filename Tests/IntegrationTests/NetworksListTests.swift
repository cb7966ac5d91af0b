import Foundation
import PatchbayTestSupport
import Testing

/// `networks list` streams rows from the database to stdout; the output is the document it always was.
@Suite struct NetworksListTests {
    @Test func jsonIsExactlyTheWholeArraySerializedAtOnce() async throws {
        try await withCLI { cli in
            let id = try await cli.syncedIntegration()
            _ = id
            let listed = try await cli.runChecked(["networks", "list", "--workspace", "acme", "--json"])
            let parsed = try #require(
                try JSONSerialization.jsonObject(with: Data(listed.standardOutput.utf8)) as? [[String: Any]]
            )
            #expect(parsed.count == 10)
            let whole = try wholeDocument(parsed) + "\n"
            #expect(listed.standardOutput == whole, "\(listed.standardOutput.prefix(400)) vs \(whole.prefix(400))")

            let none = try await cli.runChecked([
                "networks", "list", "--workspace", "acme", "--status", "removed", "--json",
            ])
            #expect(none.standardOutput == (try wholeDocument([])) + "\n")
        }
    }

    @Test func limitAndAfterPageInIdOrder() async throws {
        try await withCLI { cli in
            _ = try await cli.syncedIntegration()
            let all = try #require(
                try await cli.json("networks", "list", "--workspace", "acme", "--json") as? [[String: Any]]
            )
            let ids = all.compactMap { $0["id"] as? Int }
            #expect(ids == ids.sorted())
            let page = try #require(
                try await cli.json(
                    "networks",
                    "list",
                    "--workspace",
                    "acme",
                    "--after",
                    "\(ids[1])",
                    "--limit",
                    "3",
                    "--json"
                ) as? [[String: Any]]
            )
            #expect(page.compactMap { $0["id"] as? Int } == Array(ids[2..<5]))
        }
    }

    @Test func tableColumnsFitTheirWidestCell() async throws {
        try await withCLI { cli in
            _ = try await cli.syncedIntegration()
            let all = try #require(
                try await cli.json("networks", "list", "--workspace", "acme", "--json") as? [[String: Any]]
            )
            let table = try await cli.runChecked(["networks", "list", "--workspace", "acme"])
            let rows =
                [["ID", "NAME", "PROVIDER", "INTEGRATION", "EXTERNAL ID", "STATUS"]]
                + all.map { network in
                    ["id", "name", "provider", "integration_id", "external_id", "provisioning_status"].map {
                        "\(network[$0] ?? "")"
                    }
                }
            let widths = (0..<6).map { column in rows.map { $0[column].count }.max() ?? 0 }
            let expected = rows.map { row in
                row.enumerated().map { index, cell in
                    index == 5 ? cell : cell + String(repeating: " ", count: widths[index] + 2 - cell.count)
                }
                .joined()
            }
            #expect(table.standardOutput == expected.joined(separator: "\n") + "\n")
        }
    }
}

private func wholeDocument(_ object: Any) throws -> String {
    let data = try JSONSerialization.data(
        withJSONObject: object,
        options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    )
    return String(decoding: data, as: UTF8.self)
}

extension CLIHarness {
    /// Creates the HQ integration against the FakeMeraki and syncs its ten networks; returns its id.
    func syncedIntegration() async throws -> Int {
        let output = try await createIntegration("HQ", extra: ["--json"])
        let created = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
        let id = try #require(created?["id"] as? Int)
        _ = try await runChecked(["networks", "sync", "--integration", "\(id)", "--json"])
        return id
    }
}
