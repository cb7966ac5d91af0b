extension SchemaStep {
    /// The keyring moves into a shared database (issue 12): every instance of a fleet reads the same sealed keyring,
    /// so a key rotation on one reaches all. SQLite keeps the keyring in the data directory's file beside it.
    static let keyring = SchemaStep(
        id: "v3-shared-keyring",
        sqlite: """
            -- SQLite keeps the keyring in the data directory's keyring file.
            SELECT 1;
            """,
        postgres: """
            CREATE TABLE keyring (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                sealed BYTEA NOT NULL
            );
            """
    )
}
