import GRDB

/// One step of the schema. Steps are append-only: a shipped step is never edited, its id never reused.
struct SchemaStep: Sendable {
    /// The name GRDB records in `grdb_migrations` once the step ran.
    let id: String
    let migrate: @Sendable (Database) throws -> Void

    /// Every step, oldest first. A new step gets a file of its own (`Schema<Step>.swift`), an id no other step has
    /// used, and one line at the end of this list.
    static let all: [SchemaStep] = [
        .v1,
        .tokenExpiryDates,
        .v2,
        .syncJobs,
        .sessions,
        .connectionStaging,
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for step in all {
            migrator.registerMigration(step.id, migrate: step.migrate)
        }
        return migrator
    }
}
