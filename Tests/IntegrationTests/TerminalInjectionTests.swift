import Foundation
import PatchbayTestSupport
import Testing

/// Issue 15 item 9: provider strings carrying terminal controls are shown escaped in human output and exact in
/// `--json`, through the real plugin and the real binary.
@Suite struct TerminalInjectionTests {
    /// One network name per class of character a terminal acts on.
    static let hostileNames = [
        "\u{1B}[31mred\u{1B}[0m \u{1B}]8;;http://evil.example/\u{07}link\u{1B}]8;;\u{07}",  // C0: CSI colour, OSC 8
        "first line\nsecond line",  // C0: a newline that would split the row
        "ok\rOVERWRITTEN",  // C0: carriage return
        "\u{9B}31mC1 CSI",  // C1
        "del\u{7F}ete",  // DEL
        "\u{202E}txt.exe",  // bidi override
        "\u{2066}isolate\u{2069} and \u{2028}separator",  // bidi isolate, line separator
    ]

    static let dataset = FakeMerakiDataset(organizations: [
        FakeMerakiDataset.Organization(
            id: "100001",
            name: "Hostile",
            networks: hostileNames.enumerated().map { index, name in
                FakeMerakiDataset.Network(id: "L_\(1_000_000 + index)", name: name, productTypes: ["wireless"])
            }
        ),
        // API access off: the plugin's warning quotes this name in a log line.
        FakeMerakiDataset.Organization(id: "100002", name: "Off \u{1B}[2J", apiEnabled: false, networks: []),
    ])

    /// Control characters a terminal acts on, other than the line breaks between output lines.
    static func activeCharacters(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { scalar in
            guard scalar != "\n" else { return false }
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
                return true
            default:
                return false
            }
        }
    }

    @Test func networkNamesAreEscapedInTablesAndExactInJSON() async throws {
        try await withCLI(Self.dataset) { cli in
            #expect(try await cli.createIntegration("HQ").status == 0)
            let sync = try await cli.runChecked(["networks", "sync", "--integration", "1"])
            #expect(Self.activeCharacters(in: sync.standardError).isEmpty, "\(sync.standardError.debugDescription)")
            #expect(sync.standardError.contains("Off \\u{1B}[2J"), "\(sync.standardError)")  // the plugin's warning

            let table = try await cli.runChecked(["networks", "list", "--workspace", "acme"])
            #expect(Self.activeCharacters(in: table.standardOutput).isEmpty, "\(table.standardOutput.debugDescription)")
            let lines = table.standardOutput.split(separator: "\n")
            #expect(lines.count == 1 + Self.hostileNames.count)  // no row split in two
            #expect(table.standardOutput.contains("\\u{1B}[31mred\\u{1B}[0m \\u{1B}]8;;http://evil.example/\\u{7}link"))
            #expect(table.standardOutput.contains("first line\\u{A}second line"))
            #expect(table.standardOutput.contains("\\u{9B}31mC1 CSI"))
            #expect(table.standardOutput.contains("del\\u{7F}ete"))
            #expect(table.standardOutput.contains("\\u{202E}txt.exe"))

            let json = try #require(
                try await cli.json("networks", "list", "--workspace", "acme", "--json") as? [[String: Any]]
            )
            #expect(Set(json.compactMap { $0["name"] as? String }) == Set(Self.hostileNames))
        }
    }

    @Test func providerErrorTextReachesNoTerminalRaw() async throws {
        try await withCLI(Self.dataset) { cli in
            #expect(try await cli.createIntegration("HQ").status == 0)
            cli.fake.inject(
                .status(400, errors: ["\u{1B}[2Jcleared\nforged line"]),
                at: "/organizations/100001/networks"
            )
            let output = try await cli.run("networks", "sync", "--integration", "1", "--json")

            #expect(output.status != 0)
            #expect(Self.activeCharacters(in: output.standardError).isEmpty, "\(output.standardError.debugDescription)")
            // --json keeps Meraki's words exact; the error line on stderr shows the escape instead of running it.
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any]
            )
            let message = try #require((object["error"] as? [String: Any])?["message"] as? String)
            #expect(message.contains("\u{1B}[2Jcleared"))
            #expect(output.standardError.contains("error: provider meraki: "), "\(output.standardError)")
            #expect(output.standardError.contains("\\u{1B}[2Jcleared"), "\(output.standardError)")
        }
    }
}
