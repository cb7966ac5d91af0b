import ArgumentParser
import Foundation
import PatchbayCore
import PatchbayServer

/// `patchbay syncs list|show|cancel`: sync runs (jobs), from any process on the same data.
struct SyncsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "syncs",
        abstract: "Follow and cancel sync runs.",
        subcommands: [List.self, Show.self, Cancel.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "An integration's sync runs, newest first.")

        @OptionGroup var data: DataOptions
        @Option(help: "The integration's id.") var integration: Int64
        @Option(help: "At most this many runs (1 to 100).") var limit = 20
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors {
                guard (1...100).contains(limit) else { throw CLIError("--limit \(limit): out of range; use 1 to 100") }
                let runtime = try Runtime(data: data, plugins: nil)
                let runs = try ProvisioningService(context: runtime.context)
                    .runs(try runtime.caller(), integrationID: integration, limit: limit)
                if json { return JSONOutput.printLines(runs) { $0.syncRun($1) } }
                var table = TextTable(headers: [
                    "RUN", "STATUS", "TRIGGER", "STARTED", "DURATION", "CREATED", "UPDATED", "UNCHANGED", "REMOVED",
                    "ERROR",
                ])
                table.rows = runs.map(Self.row)
                print(table.render())
            }
        }

        static func row(_ run: SyncRunSummary) -> [String] {
            [
                "\(run.id)", run.status, run.trigger, run.startedAt.map { $0.formatted(.iso8601) } ?? "-",
                run.durationMS.map { "\($0) ms" } ?? "-", "\(run.created)", "\(run.updated)", "\(run.unchanged)",
                "\(run.removed)", run.error ?? "",
            ]
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One sync run.")

        @OptionGroup var data: DataOptions
        @Argument(help: "The run's id.") var run: Int64
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors {
                let runtime = try Runtime(data: data, plugins: nil)
                let summary = try ProvisioningService(context: runtime.context).run(try runtime.caller(), id: run)
                if json { return JSONOutput.print { $0.syncRun(summary) } }
                print(SyncsCommand.describe(summary))
            }
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a queued or running sync, from any process; it ends `cancelled` and changes nothing."
        )

        @OptionGroup var data: DataOptions
        @Argument(help: "The run's id.") var run: Int64
        @Flag(help: "Print JSON for scripts.") var json = false

        func run() async throws {
            try await reportingErrors {
                let runtime = try Runtime(data: data, plugins: nil)
                let summary = try await ProvisioningService(context: runtime.context)
                    .cancel(try runtime.caller(), runID: run)
                if json { return JSONOutput.print { $0.syncRun(summary) } }
                if summary.status == "cancelled" {
                    print("Cancelled sync run \(summary.id).")
                } else {
                    print("Asked sync run \(summary.id) to stop; its owner ends it as cancelled shortly.")
                }
            }
        }
    }

    static func describe(_ run: SyncRunSummary) -> String {
        var list = KeyValueList()
        list.append("Run", "\(run.id)")
        list.append("Integration", "\(run.integrationID)")
        list.append("Status", run.status)
        list.append("Trigger", run.trigger)
        list.append("Queued", run.queuedAt.formatted(.iso8601))
        if let startedAt = run.startedAt { list.append("Started", startedAt.formatted(.iso8601)) }
        if let finishedAt = run.finishedAt { list.append("Finished", finishedAt.formatted(.iso8601)) }
        if let duration = run.durationMS { list.append("Duration", "\(duration) ms") }
        if let owner = run.owner { list.append("Owner", owner) }
        if run.cancelRequested && run.isLive { list.append("Cancel", "requested") }
        list.append(
            "Changes",
            "created \(run.created), updated \(run.updated), unchanged \(run.unchanged), removed \(run.removed)"
        )
        if let error = run.error { list.append("Error", error) }
        return list.render()
    }
}
