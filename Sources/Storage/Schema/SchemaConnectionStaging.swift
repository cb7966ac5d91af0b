extension SchemaStep {
    /// A sync's staged listing moves out of the database file into a temporary table of the writing connection
    /// (`SQLiteStore.stagingTable`): staged pages are scratch that only the process holding the job's lease reads,
    /// so they need neither the WAL, nor a checkpoint, nor secure deletion, and a crash takes them with it.
    /// PostgreSQL keeps its shared `sync_staging` table: it is UNLOGGED already (no WAL), and a page staged on one
    /// pooled connection must be visible to the apply on another.
    static let connectionStaging = SchemaStep(
        id: "v3-connection-staging",
        sqlite: """
            DROP TABLE main.sync_staging;
            """,
        postgres: """
            -- Nothing to change: see above.
            SELECT 1;
            """
    )
}
