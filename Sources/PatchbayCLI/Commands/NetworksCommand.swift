import ArgumentParser
import Foundation
import JSONText
import PatchbayCore
import PatchbayServer
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
            try await reportingErrors(json: json) {
                let runtime = try Runtime(data: data, plugins: plugins)
                let service = ProvisioningService(context: runtime.context)
                let caller = try runtime.caller()
                let integrationID = integration
                if detach {
                    let run = try await service.enqueue(caller, integrationID: integrationID)
                    if json { return JSONOutput.print { $0.syncRun(run, runID: true) } }
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
                if json { return JSONOutput.print { $0.syncRun(run, runID: true) } }
                say(
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
            try await reportingErrors(json: json) {
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
                var output = ChunkedOutput()
                output.write(TextTable.line(Self.headers, widths: widths) + "\n")
                try each { output.write(TextTable.line(Self.cells($0), widths: widths) + "\n") }
                output.flush()
            }
        }

        static let headers = ["ID", "NAME", "PROVIDER", "INTEGRATION", "EXTERNAL ID", "STATUS"]

        static func cells(_ network: NetworkSummary) -> [String] {
            [
                "\(network.id)", network.name, network.provider, "\(network.integrationID)", network.externalID,
                network.provisioningStatus,
            ]
        }

        /// Prints a JSON array, one network per line, as each row leaves the database: the API's encoder writes every
        /// element (its `config` spliced in, not re-parsed), and output goes out in chunks, so memory stays flat.
        static func printJSON(
            _ each: ((NetworkSummary) -> Void) throws(ServiceError) -> Void
        ) throws {
            var output = ChunkedOutput()
            var count = 0
            try each { network in
                var json = JSONWriter(capacity: 1024 + network.config.utf8.count)
                json.network(network)
                output.write(count == 0 ? "[\n" : ",\n")
                output.write(json.bytes)
                count += 1
            }
            output.write(count == 0 ? "[]\n" : "\n]\n")
            output.flush()
        }
    }
}
