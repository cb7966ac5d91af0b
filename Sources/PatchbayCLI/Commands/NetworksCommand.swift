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
            abstract: "Pull an integration's networks from its provider; a failed sync changes nothing."
        )

        @OptionGroup var data: DataOptions
        @OptionGroup var plugins: PluginFileOptions
        @Option(help: "The integration's id.") var integration: Int64
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors {
                let runtime = try Runtime(data: data, plugins: plugins)
                let integrationID = integration
                let run = try await ProvisioningService(context: runtime.context).sync(
                    try runtime.caller(),
                    integrationID: integrationID
                ) { tally in
                    let seen = tally.created + tally.updated + tally.unchanged
                    StandardError.print(
                        "syncing integration \(integrationID): \(seen) networks so far (created \(tally.created), updated \(tally.updated), unchanged \(tally.unchanged))"
                    )
                }
                if json { return try JSONOutput.print(run) }
                print(
                    "Synced integration \(integrationID) in \(run.durationMS ?? 0) ms: created \(run.created), updated \(run.updated), unchanged \(run.unchanged), removed \(run.removed)."
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
                // Rows go from the database to stdout one at a time: a listing of any size runs in flat memory.
                let each = { (body: (NetworkSummary) -> Void) throws(ServiceError) in
                    try service.forEach(
                        caller,
                        workspace: workspace,
                        integrationID: integration,
                        status: status,
                        after: after,
                        limit: limit,
                        body
                    )
                }
                if json { return try Self.printJSON(each) }
                // Two passes: the first sizes the columns, the second prints; neither keeps the rows.
                var widths: [Int] = []
                TextTable.widen(&widths, toFit: Self.headers)
                try each { TextTable.widen(&widths, toFit: Self.cells($0)) }
                print(TextTable.line(Self.headers, widths: widths))
                try each { print(TextTable.line(Self.cells($0), widths: widths)) }
            }
        }

        static let headers = ["ID", "NAME", "PROVIDER", "INTEGRATION", "EXTERNAL ID", "STATUS"]

        static func cells(_ network: NetworkSummary) -> [String] {
            [
                "\(network.id)", network.name, network.provider, "\(network.integrationID)", network.externalID,
                network.provisioningStatus,
            ]
        }

        /// Prints the same document as serializing the whole array at once, one element at a time.
        static func printJSON(
            _ each: ((NetworkSummary) -> Void) throws(ServiceError) -> Void
        ) throws {
            var count = 0
            var failure: (any Error)?
            try each { network in
                guard failure == nil else { return }
                do {
                    // An element of a pretty-printed array is the element printed alone, indented one level.
                    let element = try JSONOutput.renderObject(jsonObject(network))
                        .split(separator: "\n", omittingEmptySubsequences: false)
                        .map { $0.isEmpty ? "" : "  " + $0 }  // an empty array's blank line stays blank
                        .joined(separator: "\n")
                    print(count == 0 ? "[\n" + element : ",\n" + element, terminator: "")
                    count += 1
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
            print(count == 0 ? try JSONOutput.renderObject([Any]()) : "\n]")
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
