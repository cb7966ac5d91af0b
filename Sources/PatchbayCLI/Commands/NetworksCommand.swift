import ArgumentParser
import Foundation
import PatchbayCore
import Storage

/// `patchbay networks sync|list`.
struct NetworksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "networks",
        abstract: "Sync networks from providers and list them.",
        subcommands: [Sync.self, List.self]
    )

    struct Sync: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pull an integration's networks from its provider; a failed or cancelled sync changes nothing.",
            discussion: """
                The sync is a job leased to this command while it runs; Ctrl-C cancels it (the provider is told to \
                stop). With --detach the job is queued for a worker (`patchbay serve` or `patchbay worker`) and \
                the command returns at once. Exits 75 when the integration already has a queued or running sync.
                """
        )

        @OptionGroup var data: DataOptions
        @OptionGroup var plugins: PluginFileOptions
        @Option(help: "The integration's id.") var integration: Int64
        @Flag(help: "Queue the sync for a worker and print its run instead of waiting.") var detach = false
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors {
                let runtime = try Runtime(data: data, plugins: plugins)
                let service = ProvisioningService(context: runtime.context)
                let caller = try runtime.caller()
                let integrationID = integration
                if detach {
                    let run = try await service.enqueue(caller, integrationID: integrationID)
                    if json { return try JSONOutput.print(SyncResult(run: run)) }
                    return print(
                        "Queued sync run \(run.id) of integration \(integrationID); a worker runs it. Follow it with `patchbay syncs show \(run.id)`."
                    )
                }
                let sync = Task {
                    try await service.sync(caller, integrationID: integrationID) { runID in
                        StandardError.print("syncing integration \(integrationID) as run \(runID)")
                    } progress: { fetched in
                        StandardError.print("syncing integration \(integrationID): \(fetched) networks fetched")
                    }
                }
                let signals = InterruptSignals { sync.cancel() }
                defer { signals.cancel() }
                let run = try await sync.value
                if json { return try JSONOutput.print(SyncResult(run: run)) }
                print(
                    "Synced integration \(integrationID) in \(run.durationMS ?? 0) ms (run \(run.id)): created \(run.created), updated \(run.updated), unchanged \(run.unchanged), removed \(run.removed)."
                )
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a workspace's networks.")

        @OptionGroup var data: DataOptions
        @Option(help: "Workspace id or name.") var workspace: String
        @Option(help: "Only this integration's networks.") var integration: Int64?
        @Option(help: "Only networks with this status: active or removed.") var status: String?
        @Option(help: "At most this many (default: all).") var limit: Int?
        @Option(help: "Continue after this network id (the last id of a previous page).") var after: Int64?
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors {
                let runtime = try Runtime(data: data, plugins: nil)
                let service = NetworkService(context: runtime.context)
                let caller = try runtime.caller()
                var networks: [NetworkSummary] = []
                var cursor = after
                repeat {
                    let pageSize = min(
                        limit.map { $0 - networks.count } ?? NetworkService.maximumPageSize,
                        NetworkService.maximumPageSize
                    )
                    let page = try service.list(
                        caller,
                        workspace: workspace,
                        integrationID: integration,
                        status: status,
                        after: cursor,
                        limit: max(pageSize, 1)
                    )
                    networks += page.networks
                    cursor = page.nextCursor
                } while cursor != nil && networks.count < (limit ?? .max)
                if json { return try JSONOutput.printObject(networks.map(Self.jsonObject)) }
                var table = TextTable(headers: ["ID", "NAME", "PROVIDER", "INTEGRATION", "EXTERNAL ID", "STATUS"])
                table.rows = networks.map {
                    ["\($0.id)", $0.name, $0.provider, "\($0.integrationID)", $0.externalID, $0.provisioningStatus]
                }
                print(table.render())
            }
        }

        static func jsonObject(_ network: NetworkSummary) -> [String: Any] {
            let config =
                (try? JSONSerialization.jsonObject(with: Data(network.config.utf8), options: [.fragmentsAllowed]))
            return [
                "id": network.id,
                "workspace_id": network.workspaceID,
                "integration_id": network.integrationID,
                "integration_name": network.integrationName,
                "provider": network.provider,
                "external_id": network.externalID,
                "name": network.name,
                "organization_id": network.organizationID as Any? ?? NSNull(),
                "provisioning_status": network.provisioningStatus,
                "config": config ?? network.config,
                "created_at": JSONOutput.timestamp(network.createdAt),
                "updated_at": JSONOutput.timestamp(network.updatedAt),
                "last_seen_at": JSONOutput.timestamp(network.lastSeenAt),
            ]
        }
    }
}
