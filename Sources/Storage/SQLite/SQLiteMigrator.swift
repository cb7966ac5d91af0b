import GRDB

extension SchemaStep {
    /// The SQLite forms of `SchemaStep.all`, registered with GRDB under their ids.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for step in all {
            migrator.registerMigration(step.id) { db in try db.execute(sql: step.sqlite) }
        }
        return migrator
    }
}
