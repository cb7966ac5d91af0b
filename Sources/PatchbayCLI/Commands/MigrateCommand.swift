import ArgumentParser
import Foundation
import Storage

/// `patchbay migrate`: brings the database's schema up to this build's (issue 12). Idempotent; several instances
/// starting at once migrate exactly once (PostgreSQL: under an advisory lock). SQLite migrates whenever it opens,
/// so this only reports it there; PostgreSQL instances refuse to start until it has run.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the schema's migrations to the database (PostgreSQL: required before serve/worker)."
    )

    @OptionGroup var data: DataOptions

    func run() async throws {
        try await reportingErrors {
            let environment = ProcessInfo.processInfo.environment
            guard let url = try data.resolvedDatabase(environment: environment) else {
                let directory = data.resolvedDataDirectory(environment: environment)
                do {
                    _ = try SQLiteStore(directory: directory)
                } catch {
                    throw CLIError("\(error)", exitCode: 78)
                }
                print("\(directory): the SQLite database is at the current schema")
                return
            }
            let report: PostgresStore.MigrationReport
            do {
                report = try PostgresStore.migrate(url: url)
            } catch {
                throw CLIError("\(error)", exitCode: 78)
            }
            if report.applied.isEmpty {
                print("\(url.redacted): already at schema version \(report.version); nothing to do")
            } else {
                print(
                    "\(url.redacted): migrated to schema version \(report.version) (applied \(report.applied.joined(separator: ", ")))"
                )
            }
        }
    }
}
