import GRDB

extension SchemaStep {
    /// A sync's staged listing moves out of the database file into a temporary table of the writing connection
    /// (`SQLiteStore.stagingTable`): staged pages are scratch that only the process holding the job's lease reads,
    /// so they need neither the WAL, nor a checkpoint, nor secure deletion, and a crash takes them with it.
    static let connectionStaging = SchemaStep(id: "v3-connection-staging") { db in
        try db.execute(sql: "DROP TABLE main.sync_staging")
    }
}
