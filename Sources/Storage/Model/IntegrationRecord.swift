package import Foundation

/// A workspace's account at one provider. Credentials are stored only as an encrypted envelope.
package struct IntegrationRecord: Codable, Sendable, Equatable {
    package var id: Int64?
    package var workspaceID: Int64
    package var provider: String
    package var name: String
    /// Non-secret provider settings as a JSON object of strings.
    package var settings: String
    package var credentialsCiphertext: Data
    package var keyID: String
    package var createdBy: Int64?
    package var createdAt: Date
    package var updatedAt: Date
    package var lastSyncAt: Date?
    package var lastSyncStatus: SyncRunStatus?
    package var lastSyncError: String?

    package init(
        id: Int64? = nil,
        workspaceID: Int64,
        provider: String,
        name: String,
        settings: String,
        credentialsCiphertext: Data,
        keyID: String,
        createdBy: Int64?,
        createdAt: Date,
        updatedAt: Date,
        lastSyncAt: Date? = nil,
        lastSyncStatus: SyncRunStatus? = nil,
        lastSyncError: String? = nil
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.provider = provider
        self.name = name
        self.settings = settings
        self.credentialsCiphertext = credentialsCiphertext
        self.keyID = keyID
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.lastSyncAt = lastSyncAt
        self.lastSyncStatus = lastSyncStatus
        self.lastSyncError = lastSyncError
    }

    enum CodingKeys: String, CodingKey {
        case id, provider, name, settings
        case workspaceID = "workspace_id"
        case credentialsCiphertext = "credentials_ciphertext"
        case keyID = "key_id"
        case createdBy = "created_by"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case lastSyncAt = "last_sync_at"
        case lastSyncStatus = "last_sync_status"
        case lastSyncError = "last_sync_error"
    }
}
