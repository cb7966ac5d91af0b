import Foundation
import HTTPClient
import Hummingbird
import HummingbirdTesting
import Logging
import PatchbayCore
import PatchbayServer
import PatchbayTestSupport
import PluginHost
import ServiceLifecycle
import Storage
import Testing

/// A running API server on 127.0.0.1 (port 0) over a temp data directory, the real Meraki plugin pointed at a
/// FakeMeraki, and tokens for four users: the owner of `acme`, a viewer of `acme`, a member of `acme`, and the
/// owner of `globex` (who belongs to nothing else).
struct APIHarness {
    let fake: FakeMeraki
    let context: CoreContext
    let logs: InMemoryLogHandler.Store
    let client: APIClient
    let owner: String
    let viewer: String
    let member: String
    let stranger: String
    let acme: Int64
    let globex: Int64

    var identity: IdentityService { IdentityService(context: context) }

    func call(
        _ method: String,
        _ path: String,
        token: String?,
        body: String? = nil,
        headers: [String: String] = [:]
    ) async throws -> APIResponse {
        try await client.send(method, path, token: token, body: body, headers: headers)
    }

    /// Creates an integration of `acme` with the fake's good key through the API.
    func createIntegration(named name: String = "HQ", token: String? = nil) async throws -> Int64 {
        let response = try await call(
            "POST",
            "/v1/workspaces/\(acme)/integrations",
            token: token ?? owner,
            body: #"{"provider":"meraki","name":"\#(name)","credentials":{"api_key":"\#(FakeMerakiDataset.goodKey)"}}"#
        )
        #expect(response.status == 201, "\(response.text)")
        return try #require(response.object["id"] as? Int64 ?? (response.object["id"] as? NSNumber)?.int64Value)
    }

    /// Starts a sync and follows its run until it is no longer running (each check is a real request).
    func syncToEnd(_ integrationID: Int64, token: String? = nil) async throws -> [String: Any] {
        let started = try await call("POST", "/v1/integrations/\(integrationID)/syncs", token: token ?? owner)
        #expect(started.status == 202, "\(started.text)")
        let runID = try #require(started.object["run_id"] as? NSNumber).int64Value
        return try await waitForRun(runID)
    }

    /// Follows a queued run until a worker has leased it.
    func waitUntilRunning(_ runID: Int64) async throws {
        while try await call("GET", "/v1/syncs/\(runID)", token: owner).object["status"] as? String == "queued" {
            await Task.yield()
        }
    }

    func waitForRun(_ runID: Int64) async throws -> [String: Any] {
        while true {
            let run = try await call("GET", "/v1/syncs/\(runID)", token: owner)
            try #require(run.status == 200, "\(run.text)")
            if !["queued", "running"].contains(run.object["status"] as? String) { return run.object }
            await Task.yield()
        }
    }
}

/// How a test reaches its server.
enum Transport {
    /// Hummingbird's router test client: no socket. The default for everything a real connection adds nothing to.
    case router
    /// A server listening on 127.0.0.1 (port 0), called over real HTTP: for shutdown, and for what depends on the
    /// connection (the `Host` a browser's `Origin` must match, cookies and redirects as a client follows them).
    case socket
}

/// How a test's server stops once its body returns.
enum Shutdown {
    /// As on SIGTERM: stop listening, answer requests in flight, let running syncs finish.
    case graceful
    /// As when the process must stop now: running syncs are cancelled and roll back.
    case cancel
}

/// Starts everything, runs `body`, stops the server as `shutdown` says, then runs `afterShutdown` on the data it
/// left behind (before the temp folder goes). `shutdown` applies to a socket server; the router test client always
/// ends gracefully.
func withAPIServer<Result: Sendable>(
    _ dataset: FakeMerakiDataset = .generated(organizations: 2, networksPerOrganization: 5),
    transport: Transport = .router,
    backend: TestBackend = .sqlite,
    shutdown: Shutdown = .graceful,
    afterShutdown: (CoreContext, Result) throws -> Void = { _, _ in },
    _ body: @Sendable (APIHarness) async throws -> Result
) async throws -> Result {
    try await withFakeMeraki(dataset) { fake in
        try await withTestContext(prefix: "patchbay-api", backend: backend) { folder in
            let yaml = """
                plugins:
                \(fake.pluginEntry)
                  - path: \(folder.file("missing.so"))
                    id: missing
                """
            return .manifest(path: try folder.write(yaml, to: "plugins.yaml"))
        } _: { test in
            let (context, logs) = (test.context, test.logs)
            let seeded = try await Seed(context: context)
            @Sendable func harness(_ client: APIClient) -> APIHarness {
                APIHarness(
                    fake: fake,
                    context: context,
                    logs: logs,
                    client: client,
                    owner: seeded.owner,
                    viewer: seeded.viewer,
                    member: seeded.member,
                    stranger: seeded.stranger,
                    acme: seeded.acme,
                    globex: seeded.globex
                )
            }
            if transport == .router {
                let app = buildApplication(configuration: ServerConfiguration(), context: context)
                let result = try await app.test(.router) { client in try await body(harness(APIClient(router: client)))
                }
                try afterShutdown(context, result)
                return result
            }
            let (started, startedContinuation) = AsyncStream<Int>.makeStream()
            let app = buildApplication(
                configuration: ServerConfiguration(host: "127.0.0.1", port: 0),
                context: context,
                onListening: { port in
                    startedContinuation.yield(port)
                    startedContinuation.finish()
                }
            )
            let services = ServiceGroup(configuration: .init(services: [app], logger: context.logger))
            let result = try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await services.run() }
                var port = 0
                for await value in started { port = value }
                let result: Result
                do {
                    result = try await body(harness(APIClient(port: port)))
                } catch {
                    group.cancelAll()
                    throw error
                }
                switch shutdown {
                case .graceful: await services.triggerGracefulShutdown()
                case .cancel: group.cancelAll()
                }
                try await group.waitForAll()
                return result
            }
            try afterShutdown(context, result)
            return result
        }
    }
}

/// The users, workspaces and tokens every API test starts with, made through the core.
private struct Seed: Sendable {
    let owner: String
    let viewer: String
    let member: String
    let stranger: String
    let acme: Int64
    let globex: Int64

    init(context: CoreContext) async throws {
        let identity = IdentityService(context: context)
        let issued = try await identity.initialize(ownerName: "ops", workspaceName: "acme")
        let ops = Caller(userID: issued.user.id, name: issued.user.name)
        owner = issued.token
        acme = try #require(issued.workspace?.id)
        _ = try await identity.addUser(ops, name: "victor", workspace: "acme", role: .viewer)
        viewer = try await identity.createToken(ops, name: "victor", forUser: "victor").token
        _ = try await identity.addUser(ops, name: "mia", workspace: "acme", role: .member)
        member = try await identity.createToken(ops, name: "mia", forUser: "mia").token
        // ops creates globex and makes sam its owner: sam belongs to globex only.
        let globexSummary = try await identity.createWorkspace(ops, name: "globex")
        globex = globexSummary.id
        _ = try await identity.addUser(ops, name: "sam", workspace: "globex", role: .owner)
        stranger = try await identity.createToken(ops, name: "sam", forUser: "sam").token
    }
}
