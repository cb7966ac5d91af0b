/// One step of the schema, in both backends' SQL: the one list both migrate by, so a SQLite file and a PostgreSQL
/// database at the same step have the same tables. Steps are append-only: a shipped step is never edited, its id
/// never reused.
struct SchemaStep: Sendable {
    /// The name recorded once the step ran (SQLite: GRDB's `grdb_migrations`; PostgreSQL: `patchbay_migrations`).
    let id: String
    let sqlite: String
    let postgres: String

    /// Every step, oldest first. A new step gets a file of its own (`Schema<Step>.swift`) with both forms, an id no
    /// other step has used, and one line at the end of this list.
    static let all: [SchemaStep] = [
        .v1,
        .tokenExpiryDates,
        .v2,
        .syncJobs,
        .sessions,
        .connectionStaging,
        .keyring,
        .rateReservation,
        .networksForeignKey,
    ]
}
