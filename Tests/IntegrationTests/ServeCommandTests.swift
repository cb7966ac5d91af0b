import Foundation
import PatchbayCore
import PatchbayTestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `patchbay serve` as shipped: same data directory and plugins.yaml as the other commands, a bearer-token API on
/// loopback, and a clean exit on SIGTERM that never logged the token.
@Suite struct ServeCommandTests {
    @Test func serveAnswersWithTheCLIsDataAndStopsOnSIGTERM() async throws {
        try await withCLI { cli in
            let integrationID = try await cli.syncedIntegration()
            let server = Process()
            server.executableURL = URL(fileURLWithPath: ProductsDirectory.patchbayBinary)
            server.arguments = ["serve", "--port", "0", "--plugins", cli.pluginsFile]
            server.environment = ProcessInfo.processInfo.environment.merging(
                ["PATCHBAY_DATA_DIR": cli.dataDirectory, "PATCHBAY_TOKEN": ""]
            ) { _, new in new }
            let standardError = Pipe()
            server.standardError = standardError
            server.standardOutput = FileHandle.nullDevice
            try server.run()
            let reader = standardError.fileHandleForReading
            // The server logs its address once it listens; read stderr until that line shows up.
            let (address, early) = try await onOwnThread { () -> (String?, String) in
                var text = ""
                while true {
                    let chunk = reader.availableData
                    if chunk.isEmpty { return (nil, text) }
                    text += String(decoding: chunk, as: UTF8.self)
                    if let range = text.range(of: #"address=http://127\.0\.0\.1:\d+/v1"#, options: .regularExpression) {
                        return (String(text[range].dropFirst("address=".count)), text)
                    }
                }
            }
            let base = try #require(address, "no listening line: \(early)")
            var request = URLRequest(url: try #require(URL(string: base + "/workspaces")))
            request.setValue("Bearer \(try #require(cli.token))", forHTTPHeaderField: "Authorization")
            let (body, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: body, as: UTF8.self).contains(#""name":"acme""#))

            // One encoder per network: the API's object is byte for byte the CLI's `--json` line.
            let listed = try await cli.runChecked(["networks", "list", "--workspace", "acme", "--json"])
            let first = try #require(listed.standardOutput.split(separator: "\n").dropFirst().first).dropLast()
            let id = try #require(
                (try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])?["id"] as? Int
            )
            request.url = try #require(URL(string: base + "/networks/\(id)"))
            let (shown, _) = try await URLSession.shared.data(for: request)
            #expect(String(decoding: shown, as: UTF8.self) == String(first))

            // The same for an integration and a sync run: one encoder each, the same bytes from the API and the CLI.
            let updated = try await cli.runChecked([
                "integrations", "update", "\(integrationID)", "--sync-every", "1h", "--json",
            ])
            request.url = try #require(URL(string: base + "/integrations/\(integrationID)"))
            let (integration, _) = try await URLSession.shared.data(for: request)
            #expect(String(decoding: integration, as: UTF8.self) + "\n" == updated.standardOutput)
            #expect(updated.standardOutput.contains(#""sync_interval_seconds":3600"#))
            let runs = try await cli.runChecked(["syncs", "list", "--integration", "\(integrationID)", "--json"])
            let line = try #require(runs.standardOutput.split(separator: "\n").dropFirst().first)
            let run = line.hasSuffix(",") ? line.dropLast() : line
            let runID = try #require(
                (try JSONSerialization.jsonObject(with: Data(run.utf8)) as? [String: Any])?["id"] as? Int
            )
            let shownRun = try await cli.runChecked(["syncs", "show", "\(runID)", "--json"])
            #expect(shownRun.standardOutput == run + "\n")
            request.url = try #require(URL(string: base + "/syncs/\(runID)"))
            let (apiRun, _) = try await URLSession.shared.data(for: request)
            #expect(String(decoding: apiRun, as: UTF8.self) == String(run))
            #expect(String(run).contains(#""status":"succeeded""#))

            server.terminate()  // SIGTERM
            let rest = try await onOwnThread {
                let data = reader.readDataToEndOfFile()
                server.waitUntilExit()
                return String(decoding: data, as: UTF8.self)
            }
            #expect(server.terminationReason == .exit)
            #expect(server.terminationStatus == 0)
            #expect(rest.contains("route=/v1/workspaces status=200"))
            #expect(!(early + rest).contains(try #require(cli.token)))
        }
    }
}
