import ArgumentParser
import Foundation
import Logging
import PatchbayCore
import PatchbayServer

/// `patchbay worker`: the scheduler and sync workers without HTTP, for deployments that run them apart from
/// `patchbay serve`. Any number may run on the same data; the database hands each job to one of them.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run scheduled and queued syncs (no HTTP) until SIGTERM or SIGINT."
    )

    @OptionGroup var data: DataOptions
    @OptionGroup var pluginFile: PluginFileOptions
    @Option(help: "Sync workers in this process (at least 1).") var syncWorkers = 4

    func validate() throws {
        guard syncWorkers >= 1 else { throw ValidationError("--sync-workers \(syncWorkers): use 1 or more") }
    }

    func run() async throws {
        try await reportingErrors {
            let runtime = try Runtime(data: data, plugins: pluginFile, logger: ServeCommand.logger)
            try await runSyncWorkers(context: runtime.context, count: syncWorkers, logger: runtime.context.logger)
        }
    }
}
