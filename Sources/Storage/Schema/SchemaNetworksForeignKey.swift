extension SchemaStep {
    /// A first sync inserts every network at once, and PostgreSQL checks each row's foreign keys one by one: with
    /// two (`workspace_id` → workspaces, `integration_id` → integrations) the checks were a third of a 10,000-network
    /// apply (issue 12's speed target). One composite key to the integration's (id, workspace) halves them and says
    /// more: a network belongs to an integration of its own workspace. Deleting a workspace still deletes its
    /// networks, through its integrations.
    ///
    /// SQLite checks a foreign key with one b-tree lookup in the same process and cannot change a table's
    /// constraints without rebuilding it: it keeps its two keys.
    static let networksForeignKey = SchemaStep(
        id: "v4-networks-one-foreign-key",
        sqlite: """
            -- Nothing to change: see above.
            SELECT 1;
            """,
        postgres: """
            ALTER TABLE integrations ADD CONSTRAINT integrations_id_workspace_id_key UNIQUE (id, workspace_id);
            ALTER TABLE networks
                DROP CONSTRAINT networks_workspace_id_fkey,
                DROP CONSTRAINT networks_integration_id_fkey,
                ADD CONSTRAINT networks_integration_fkey FOREIGN KEY (integration_id, workspace_id)
                    REFERENCES integrations (id, workspace_id) ON DELETE CASCADE;
            """
    )
}
