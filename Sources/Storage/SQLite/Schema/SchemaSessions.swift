import GRDB

extension SchemaStep {
    /// Console sign-ins (issue 14): a browser's session, stored hashed like a token and tied to the token it was
    /// exchanged for, so revoking the token ends its sessions.
    static let sessions = SchemaStep(id: "sessions") { db in
        try db.execute(
            sql: """
                CREATE TABLE sessions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    token_id INTEGER REFERENCES api_tokens(id) ON DELETE CASCADE,
                    session_hash TEXT NOT NULL UNIQUE,
                    user_agent TEXT NOT NULL DEFAULT '',
                    created_at DATETIME NOT NULL,
                    last_used_at DATETIME,
                    expires_at DATETIME NOT NULL,
                    revoked_at DATETIME
                );
                CREATE INDEX sessions_by_user ON sessions(user_id, id);
                """
        )
    }
}
