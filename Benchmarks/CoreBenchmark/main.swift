import Foundation
import Logging
import PatchbayCore
import PatchbayTestSupport

// Core benchmark: provisioning throughput and integration listing fan-out, on a real SQLite file and keyring.
// Run: swift run -c release CoreBenchmark [networks] [integrations] [scheduled integrations] [scheduler seconds]
//          [--database postgres://…]   (PostgreSQL: each part on a fresh database created on that server)

let networkCount = benchmarkArguments.positional.first.flatMap(Int.init) ?? 10_000
let integrationCount = benchmarkArguments.positional.dropFirst(1).first.flatMap(Int.init) ?? 50
let scheduledCount = benchmarkArguments.positional.dropFirst(2).first.flatMap(Int.init) ?? 200
let schedulerSeconds = benchmarkArguments.positional.dropFirst(3).first.flatMap(Int.init) ?? 30
let folder = try TemporaryDirectory.make(prefix: "patchbay-bench")
defer {
    folder.remove()
    dropBenchmarkDatabases()
}
let directory = folder.file("extra")

var logger = Logger(label: "bench")
logger.logLevel = .warning
let provider = BenchmarkProvider(countsLatency: .milliseconds(200))
struct Directory: ProviderDirectory {
    let provider: BenchmarkProvider
    func provider(id: String) -> (any NetworkProvider)? { id == provider.id ? provider : nil }
    var catalog: [ProviderSummary] { [ProviderSummary(provider)] }
}
let context = try TestContext.open(
    dataDirectory: folder.file("data"),
    database: try freshBenchmarkDatabase("main"),
    providers: .directory(Directory(provider: provider)),
    logger: logger
)
let issued = try await IdentityService(context: context).initialize(ownerName: "bench", workspaceName: "bench")
let caller = Caller(userID: issued.user.id, name: issued.user.name)
let integrations = IntegrationService(context: context)
let provisioning = ProvisioningService(context: context)

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func timedSync(_ label: String, integrationID: Int64, networks: [UpstreamNetwork]) async throws {
    provider.replaceNetworks(networks)
    let clock = ContinuousClock()
    let started = clock.now
    let cpuBefore = processCPUSeconds()
    let run = try await provisioning.sync(caller, integrationID: integrationID)
    let elapsed = seconds(clock.now - started)
    let cpu = processCPUSeconds() - cpuBefore
    let rate = Double(networks.count) / elapsed
    print(
        "\(label.padding(toLength: 34, withPad: " ", startingAt: 0)) \(String(format: "%8.3f s", elapsed))"
            + "  \(String(format: "%9.0f networks/s", rate)) (CPU \(String(format: "%.3f", cpu)) s)"
            + "  created \(run.created) updated \(run.updated) unchanged \(run.unchanged) removed \(run.removed)"
    )
}

print(
    "CoreBenchmark (\(benchmarkBackend)): \(networkCount) networks, \(integrationCount) integrations; \(ProcessInfo.processInfo.activeProcessorCount) cores"
)
let first = try await integrations.create(
    caller,
    workspace: "bench",
    provider: "bench",
    name: "sync",
    credentials: ["api_key": "bench-key"]
)
let original = (0..<networkCount).map { benchmarkNetwork($0) }
try await timedSync("first sync (empty database)", integrationID: first.id, networks: original)
try await timedSync("re-sync, nothing changed", integrationID: first.id, networks: original)
let changed = original.indices.map { $0 % 10 == 0 ? benchmarkNetwork($0, revision: 1) : original[$0] }
try await timedSync("re-sync, 10% changed", integrationID: first.id, networks: changed)

for index in 1..<integrationCount {
    _ = try await integrations.create(
        caller,
        workspace: "bench",
        provider: "bench",
        name: "list-\(index)",
        credentials: ["api_key": "bench-key-\(index)"]
    )
}
let clock = ContinuousClock()
let started = clock.now
let listed = try await integrations.list(caller, workspace: "bench", refresh: true)
let elapsed = seconds(clock.now - started)
let failed = listed.filter { $0.counts == nil }.count
print(
    "list \(listed.count) integrations, counts 200 ms each  \(String(format: "%8.3f s", elapsed))  (\(failed) without counts)"
)

let applyTarget = try await integrations.create(
    caller,
    workspace: "bench",
    provider: "bench",
    name: "apply",
    credentials: ["api_key": "bench-key-apply"]
)
try applyPhase(
    networks: networkCount,
    database: context.database,
    workspaceID: applyTarget.workspaceID,
    integrationID: applyTarget.id
)
try limiterCost(requests: 5_000, directory: directory, logger: logger)
try await endToEndSync(networks: networkCount, logger: logger)
try await schedulerLoad(
    integrations: scheduledCount,
    interval: 5,
    workers: 4,
    duration: .seconds(schedulerSeconds),
    directory: directory,
    logger: logger
)
