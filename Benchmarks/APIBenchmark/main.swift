import Foundation
import HTTPClient
import Logging
import PatchbayCore
import PatchbayServer
import PatchbayTestSupport
import ServiceLifecycle

// Throughput and latency of `GET /v1/workspaces/{id}/networks?limit=100` over loopback HTTP against a server
// started in this process on a workspace of 10,000 networks, at a fixed offered rate (open loop), plus the
// process's peak RSS (server and load client together).
//
//   swift run -c release APIBenchmark [rate=500] [seconds=10] [connections=8] [--database URL]
//
// `--database URL` runs it on PostgreSQL instead of SQLite: URL names a server (as `scripts/pg-cluster.sh start`
// prints it) on which the benchmark creates a database of its own and drops it afterwards.

var options = Array(CommandLine.arguments.dropFirst())
var backend = TestBackend.sqlite
if let flag = options.firstIndex(of: "--database") {
    guard flag + 1 < options.count else {
        print("APIBenchmark: --database needs a URL; pass the one `scripts/pg-cluster.sh start` prints")
        exit(64)
    }
    // Test support makes its throwaway databases on the server this variable names.
    setenv(TestBackend.variable, options[flag + 1], 1)
    backend = .postgres
    options.removeSubrange(flag...(flag + 1))
}
let arguments = options.compactMap { Double($0) }
let rate = arguments.first ?? 500
let seconds = Int(arguments.dropFirst().first ?? 10)
let connections = Int(arguments.dropFirst(2).first ?? 8)
let networkCount = 10_000

var logger = Logger(label: "bench")
logger.logLevel = .warning  // the per-request info line is the server's default; see the note printed below
print("backend: \(backend)")
try await withTestContext(prefix: "patchbay-api-bench", backend: backend, logger: logger) { _ in
    .directory(SeededProvider(count: networkCount))
} _: { test in
    let context = test.context
    let issued = try await IdentityService(context: context).initialize(ownerName: "bench", workspaceName: "bench")
    let owner = Caller(userID: issued.user.id, name: issued.user.name)
    let workspaceID = issued.workspace?.id ?? 1
    let seedStart = ContinuousClock.now
    let integration = try await IntegrationService(context: context).create(
        owner,
        workspace: "bench",
        provider: "seeded",
        name: "Seeded",
        credentials: ["api_key": "bench"],
        validate: false
    )
    let run = try await ProvisioningService(context: context).sync(owner, integrationID: integration.id)
    print("seeded \(run.created) networks in \(ContinuousClock.now - seedStart)")
    // No ANALYZE here: the PostgreSQL store refreshes the statistics itself after a bulk first sync, and the
    // benchmark measures what a user gets right after one.

    let networks = NetworkService(context: context)
    let listStart = ContinuousClock.now
    for _ in 0..<200 { _ = try networks.list(owner, workspace: "\(workspaceID)", limit: 100) }
    print("core: NetworkService.list of 100 takes \((ContinuousClock.now - listStart) / 200) on one thread")
    let (started, startedContinuation) = AsyncStream<Int>.makeStream()
    let app = buildApplication(
        configuration: ServerConfiguration(host: "127.0.0.1", port: 0),
        context: context,
        onListening: { port in
            startedContinuation.yield(port)
            startedContinuation.finish()
        }
    )
    let services = ServiceGroup(configuration: .init(services: [app], logger: logger))
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await services.run() }
        var port = 0
        for await value in started { port = value }
        let url = "http://127.0.0.1:\(port)/v1/workspaces/\(workspaceID)/networks?limit=100"
        let headers = [HTTPHeader(name: "Authorization", value: "Bearer \(issued.token)")]
        let warmup = LoadClient(
            urls: [url],
            headers: headers,
            rate: rate,
            duration: .seconds(2),
            connections: connections
        )
        let measured = LoadClient(
            urls: [url],
            headers: headers,
            rate: rate,
            duration: .seconds(seconds),
            connections: connections
        )
        let result = try await onOwnThread {
            _ = warmup.run()
            return measured.run()
        }
        BenchmarkReport(result: result, rate: rate, connections: connections).print()
        await services.triggerGracefulShutdown()
        try await group.waitForAll()
    }
}
