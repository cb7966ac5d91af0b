import Foundation
import PostgresNIO

/// One result row, read by column name.
struct PGRow {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row.makeRandomAccess()
    }

    func callAsFunction<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try row[column].decode(T.self)
    }

    /// A stored enum, kept as its text (as in SQLite); a value this build does not know is an error.
    func text<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        let raw = try row[column].decode(String.self)
        guard let value = T(rawValue: raw) else { throw PostgresDecodingError.Code.failure }
        return value
    }

    func optionalText<T: RawRepresentable>(_ column: String, as type: T.Type = T.self) throws -> T?
    where T.RawValue == String {
        guard let raw = try row[column].decode(String?.self) else { return nil }
        guard let value = T(rawValue: raw) else { throw PostgresDecodingError.Code.failure }
        return value
    }

    /// The column at `index` of the SELECT: for rows read by the hundred, where a lookup by name per column shows.
    func at<T: PostgresDecodable>(_ index: Int, as type: T.Type = T.self) throws -> T {
        try row[index].decode(T.self)
    }

    /// The first column, whatever its name.
    func first<T: PostgresDecodable>(as type: T.Type = T.self) throws -> T {
        try row[0].decode(T.self)
    }
}

/// The columns each record is read from: every query that returns a record selects exactly these.
enum PGColumns {
    static let workspace = "id, name, created_at"
    static let user = "id, name, created_at"
    static let token = "id, user_id, name, token_hash, created_at, last_used_at, expires_at, revoked_at"
    static let session =
        "id, user_id, token_id, session_hash, user_agent, created_at, last_used_at, expires_at, revoked_at"
    static let integration = """
        id, workspace_id, provider, name, settings, credentials_ciphertext, key_id, created_by, created_at, \
        updated_at, last_sync_at, last_sync_status, last_sync_error
        """
    static let run = """
        id, integration_id, status, trigger, requested_by, queued_at, due_at, owner, lease_expires_at, \
        cancel_requested_at, started_at, finished_at, created, updated, unchanged, removed, duration_ms, error
        """
    static let audit = "id, workspace_id, user_id, action, target, detail, at"
    /// A network with its integration's provider and name (`n` is networks, `i` integrations), read by position
    /// (`NetworkListing.init(pg:)`): keep the order.
    static let listing = """
        n.id, n.workspace_id, n.integration_id, n.external_id, n.name, n.organization_id, n.config, n.content_hash, \
        n.provisioning_status, n.created_at, n.updated_at, n.last_seen_at, i.provider AS integration_provider, \
        i.name AS integration_name
        """
}

extension WorkspaceRecord {
    init(pg row: PGRow) throws {
        self.init(id: try row("id"), name: try row("name"), createdAt: try row("created_at"))
    }
}

extension UserRecord {
    init(pg row: PGRow) throws {
        self.init(id: try row("id"), name: try row("name"), createdAt: try row("created_at"))
    }
}

extension APITokenRecord {
    init(pg row: PGRow) throws {
        self.init(
            id: try row("id"),
            userID: try row("user_id"),
            name: try row("name"),
            tokenHash: try row("token_hash"),
            createdAt: try row("created_at"),
            lastUsedAt: try row("last_used_at"),
            expiresAt: try row("expires_at"),
            revokedAt: try row("revoked_at")
        )
    }
}

extension SessionRecord {
    init(pg row: PGRow) throws {
        self.init(
            id: try row("id"),
            userID: try row("user_id"),
            tokenID: try row("token_id"),
            sessionHash: try row("session_hash"),
            userAgent: try row("user_agent"),
            createdAt: try row("created_at"),
            lastUsedAt: try row("last_used_at"),
            expiresAt: try row("expires_at"),
            revokedAt: try row("revoked_at")
        )
    }
}

extension IntegrationRecord {
    init(pg row: PGRow) throws {
        self.init(
            id: try row("id"),
            workspaceID: try row("workspace_id"),
            provider: try row("provider"),
            name: try row("name"),
            settings: try row("settings"),
            credentialsCiphertext: try row("credentials_ciphertext"),
            keyID: try row("key_id"),
            createdBy: try row("created_by"),
            createdAt: try row("created_at"),
            updatedAt: try row("updated_at"),
            lastSyncAt: try row("last_sync_at"),
            lastSyncStatus: try row.optionalText("last_sync_status"),
            lastSyncError: try row("last_sync_error")
        )
    }
}

extension SyncRunRecord {
    init(pg row: PGRow) throws {
        self.init(
            id: try row("id"),
            integrationID: try row("integration_id"),
            status: try row.text("status"),
            trigger: try row.text("trigger"),
            requestedBy: try row("requested_by"),
            queuedAt: try row("queued_at"),
            dueAt: try row("due_at"),
            owner: try row("owner"),
            leaseExpiresAt: try row("lease_expires_at"),
            cancelRequestedAt: try row("cancel_requested_at"),
            startedAt: try row("started_at"),
            finishedAt: try row("finished_at"),
            created: try row("created"),
            updated: try row("updated"),
            unchanged: try row("unchanged"),
            removed: try row("removed"),
            durationMS: try row("duration_ms"),
            error: try row("error")
        )
    }
}

extension AuditEntryRecord {
    init(pg row: PGRow) throws {
        self.init(
            id: try row("id"),
            workspaceID: try row("workspace_id"),
            userID: try row("user_id"),
            action: try row("action"),
            target: try row("target"),
            detail: try row("detail"),
            at: try row("at")
        )
    }
}

extension NetworkListing {
    /// Reads a row of `PGColumns.listing` by position, in its order: a page holds a hundred of them.
    init(pg row: PGRow) throws {
        let status: String = try row.at(8)
        guard let provisioningStatus = NetworkStatus(rawValue: status) else {
            throw PostgresDecodingError.Code.failure
        }
        self.init(
            network: NetworkRecord(
                id: try row.at(0),
                workspaceID: try row.at(1),
                integrationID: try row.at(2),
                externalID: try row.at(3),
                name: try row.at(4),
                organizationID: try row.at(5),
                config: try row.at(6),
                contentHash: try row.at(7),
                provisioningStatus: provisioningStatus,
                createdAt: try row.at(9),
                updatedAt: try row.at(10),
                lastSeenAt: try row.at(11)
            ),
            provider: try row.at(12),
            integrationName: try row.at(13)
        )
    }
}
