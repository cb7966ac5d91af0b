import Foundation
import PatchbayTestSupport
import Storage

#if canImport(Glibc)
import Glibc
#endif

// `patchbay networks list` at scale: the real release binary listing 50,000 networks as JSON and as a table, with
// its wall time and peak RSS. Targets: < 1 s and < 64 MB each.
//
//   swift build -c release --product patchbay && swift run -c release ListingBenchmark [networks=50000]
//
// Each listing runs in a child of a child (this binary again, with `--measure`), so the peak RSS it reports from
// getrusage(RUSAGE_CHILDREN) is that one listing's and nothing else's.

if CommandLine.arguments.dropFirst().first == "--measure" {
    let started = ContinuousClock.now
    let child = Process()
    child.executableURL = URL(fileURLWithPath: ProductsDirectory.patchbayBinary)
    child.arguments = Array(CommandLine.arguments.dropFirst(3))
    child.standardOutput = FileHandle(forWritingAtPath: CommandLine.arguments[2])
    try child.run()
    child.waitUntilExit()
    let elapsed = ContinuousClock.now - started
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    let (seconds, attoseconds) = elapsed.components
    print("\(child.terminationStatus) \(seconds) \(attoseconds) \(usage.ru_maxrss)")
    exit(0)
}

let networkCount = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 50_000
guard FileManager.default.isExecutableFile(atPath: ProductsDirectory.patchbayBinary) else {
    print("\(ProductsDirectory.patchbayBinary): not built; run `swift build -c release --product patchbay` first")
    exit(1)
}

/// A Meraki-sized network object (about 700 bytes of JSON: tags, notes, product types, a time zone).
func network(_ index: Int) -> SyncedNetwork {
    let config = """
        {"enrollmentString":null,"id":"L_\(index)","isBoundToConfigTemplate":false,"name":"Branch \(index)",\
        "notes":"Site \(index): closet B, rack 2; escalation via the regional NOC; replaced the uplink in March",\
        "organizationId":"\(100_000 + index % 7)","productTypes":["appliance","switch","wireless","camera"],\
        "tags":["branch","region-\(index % 12)","tier-\(index % 3)","retail","pci"],\
        "timeZone":"America/Los_Angeles","url":"https://n\(index % 300).meraki.example/Branch-\(index)/n/x\(index)/manage/usage/list"}
        """
    return SyncedNetwork(
        externalID: "L_\(index)",
        name: "Branch \(index)",
        organizationID: "\(100_000 + index % 7)",
        config: config,
        contentHash: "\(index)"
    )
}

/// The whole listing in pages of 1,000, as a sync hands it to storage.
final class Pages: NetworkPageSource {
    private var next = 0
    let count: Int
    init(count: Int) { self.count = count }
    func nextPage() throws -> [SyncedNetwork]? {
        guard next < count else { return nil }
        defer { next += 1000 }
        return (next..<min(next + 1000, count)).map(network)
    }
}

try await withTemporaryDirectory(prefix: "patchbay-listing-bench") { folder in
    let data = folder.file("data")
    let environment = ProcessInfo.processInfo.environment.merging(["PATCHBAY_DATA_DIR": data]) { $1 }
    let initialized = try ProcessRunner.run(
        ProductsDirectory.patchbayBinary,
        ["init", "--owner", "bench", "--workspace", "bench", "--json"],
        environment: environment
    )
    let issued = try JSONSerialization.jsonObject(with: Data(initialized.standardOutput.utf8)) as? [String: Any]
    guard let token = issued?["token"] as? String else {
        print("patchbay init failed: \(initialized.standardError)")
        exit(1)
    }
    let store = try SQLiteStore(directory: data)
    let now = Date()
    let integration = try store.insertIntegration(
        IntegrationRecord(
            workspaceID: 1,
            provider: "meraki",
            name: "Seeded",
            settings: "{}",
            credentialsCiphertext: Data(),
            keyID: "",
            createdBy: 1,
            createdAt: now,
            updatedAt: now
        )
    ) { _ in (Data("not a real envelope".utf8), "bench") }
    let run = try store.startSyncRun(integrationID: integration.id ?? 0, workspaceID: 1, actorID: 1, now: now)
    _ = try store.applySync(run: run, workspaceID: 1, pages: Pages(count: networkCount), clock: { Date() })
    store.checkpoint()

    let cores = ProcessInfo.processInfo.activeProcessorCount
    print("ListingBenchmark: \(networkCount) networks, patchbay from \(ProductsDirectory.path); \(cores) cores")
    for (label, extra) in [("networks list --json", ["--json"]), ("networks list (table)", [])] {
        let output = folder.file("out")
        FileManager.default.createFile(atPath: output, contents: nil)
        let measured = try ProcessRunner.run(
            CommandLine.arguments[0],
            ["--measure", output, "networks", "list", "--workspace", "bench"] + extra,
            environment: environment.merging(["PATCHBAY_TOKEN": token]) { $1 }
        )
        let fields = measured.standardOutput.split(separator: " ").compactMap {
            Int64($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard fields.count == 4, fields[0] == 0 else {
            print("\(label): failed: \(measured.standardOutput) \(measured.standardError)")
            exit(1)
        }
        let seconds = Double(fields[1]) + Double(fields[2]) / 1e18
        let peakMB = Double(fields[3]) / 1024
        let size = (try FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").count
        print(
            "\(label.padding(toLength: 24, withPad: " ", startingAt: 0))"
                + String(format: "%7.3f s   peak RSS %6.1f MB", seconds, peakMB)
                + String(format: "   %6.1f MB written, %d lines", Double(size) / 1_048_576, lines)
        )
    }
}
