extension SchemaStep {
    /// Installation administrators (issue 15 item 1): the first user, the one `init` created, becomes one; and
    /// installation-wide settings, empty until an administrator sets one.
    static let v2 = SchemaStep(
        id: "v2-installation-admins",
        sqlite: """
            ALTER TABLE users ADD COLUMN installation_admin BOOLEAN NOT NULL DEFAULT 0;
            UPDATE users SET installation_admin = 1 WHERE id = (SELECT MIN(id) FROM users);
            CREATE TABLE installation_settings (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            """,
        postgres: """
            ALTER TABLE users ADD COLUMN installation_admin BOOLEAN NOT NULL DEFAULT false;
            UPDATE users SET installation_admin = true WHERE id = (SELECT MIN(id) FROM users);
            CREATE TABLE installation_settings (
                name TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            """
    )
}
