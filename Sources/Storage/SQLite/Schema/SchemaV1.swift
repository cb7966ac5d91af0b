import GRDB

extension SchemaStep {
    /// The first shipped schema: tenants, identities, integrations, networks, sync history, counts and the audit log.
    static let v1 = SchemaStep(id: "v1") { db in
        try db.execute(
            sql: """
                CREATE TABLE workspaces (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    created_at DATETIME NOT NULL
                );
                CREATE TABLE users (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    created_at DATETIME NOT NULL
                );
                CREATE TABLE memberships (
                    workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
                    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    role TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
                    created_at DATETIME NOT NULL,
                    PRIMARY KEY (workspace_id, user_id)
                );
                CREATE INDEX memberships_by_user ON memberships(user_id);
                CREATE TABLE api_tokens (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    token_hash TEXT NOT NULL UNIQUE,
                    created_at DATETIME NOT NULL,
                    last_used_at DATETIME,
                    expires_at DATETIME,
                    revoked_at DATETIME
                );
                CREATE TABLE integrations (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
                    provider TEXT NOT NULL,
                    name TEXT NOT NULL,
                    settings TEXT NOT NULL DEFAULT '{}',
                    credentials_ciphertext BLOB NOT NULL,
                    key_id TEXT NOT NULL,
                    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
                    created_at DATETIME NOT NULL,
                    updated_at DATETIME NOT NULL,
                    last_sync_at DATETIME,
                    last_sync_status TEXT,
                    last_sync_error TEXT,
                    UNIQUE (workspace_id, name)
                );
                CREATE TABLE networks (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
                    integration_id INTEGER NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
                    external_id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    organization_id TEXT,
                    config TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    provisioning_status TEXT NOT NULL CHECK (provisioning_status IN ('active', 'removed')),
                    created_at DATETIME NOT NULL,
                    updated_at DATETIME NOT NULL,
                    last_seen_at DATETIME NOT NULL,
                    UNIQUE (integration_id, external_id)
                );
                CREATE INDEX networks_by_workspace ON networks(workspace_id, id);
                CREATE TABLE sync_runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    integration_id INTEGER NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
                    status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
                    started_at DATETIME NOT NULL,
                    finished_at DATETIME,
                    created INTEGER NOT NULL DEFAULT 0,
                    updated INTEGER NOT NULL DEFAULT 0,
                    unchanged INTEGER NOT NULL DEFAULT 0,
                    removed INTEGER NOT NULL DEFAULT 0,
                    duration_ms INTEGER,
                    error TEXT
                );
                CREATE INDEX sync_runs_by_integration ON sync_runs(integration_id, id);
                CREATE TABLE integration_counts (
                    integration_id INTEGER PRIMARY KEY REFERENCES integrations(id) ON DELETE CASCADE,
                    networks INTEGER NOT NULL,
                    access_points INTEGER NOT NULL,
                    fetched_at DATETIME NOT NULL
                );
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    workspace_id INTEGER REFERENCES workspaces(id) ON DELETE SET NULL,
                    user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
                    action TEXT NOT NULL,
                    target TEXT NOT NULL,
                    detail TEXT,
                    at DATETIME NOT NULL
                );
                """
        )
    }
}
