package import Foundation

/// Everything Patchbay keeps, behind one interface of plain Swift values: Core talks to this and never to a database
/// library, so a second backend (PostgreSQL) fits behind it. `SQLiteStore` is the embedded default.
///
/// Every method is one transaction. Errors are `StorageError`s, except where a caller's closure runs inside the
/// transaction: its errors come back as they were thrown.
package protocol PatchbayStore: Sendable {
    // MARK: Workspaces, users, memberships, tokens

    func userCount() throws(StorageError) -> Int
    /// First run: the owner, their workspace and their first token, all or nothing; a conflict once any user exists.
    func bootstrap(
        ownerName: String,
        workspaceName: String,
        tokenName: String,
        tokenHash: String,
        now: Date
    ) throws(StorageError) -> (WorkspaceRecord, UserRecord)
    /// Creates a workspace whose owner is `ownerID`; a conflict when the name is taken.
    func createWorkspace(name: String, ownerID: Int64, now: Date) throws(StorageError) -> WorkspaceRecord
    /// The workspaces `userID` belongs to, in id order, with their role in each.
    func workspaces(forUser userID: Int64) throws(StorageError) -> [WorkspaceMembership]
    func workspace(id: Int64) throws(StorageError) -> WorkspaceRecord?
    func workspace(named name: String) throws(StorageError) -> WorkspaceRecord?
    /// The role of `userID` in `workspaceID`, nil when not a member.
    func role(ofUser userID: Int64, inWorkspace workspaceID: Int64) throws(StorageError) -> MemberRole?
    func user(id: Int64) throws(StorageError) -> UserRecord?
    func user(named name: String) throws(StorageError) -> UserRecord?
    /// Creates a user (or reuses one of that name) and gives them `role` in the workspace.
    func addMember(
        name: String,
        workspaceID: Int64,
        role: MemberRole,
        actorID: Int64,
        now: Date
    ) throws(StorageError) -> UserRecord
    func insertToken(_ token: APITokenRecord) throws(StorageError) -> APITokenRecord
    /// The live token with this hash (revoked and expired ones are nil); notes its use without waiting for a writer.
    func useToken(hash: String, now: Date) throws(StorageError) -> APITokenRecord?
    func tokens(ofUser userID: Int64) throws(StorageError) -> [APITokenRecord]
    func token(id: Int64) throws(StorageError) -> APITokenRecord?
    func revokeToken(id: Int64, actorID: Int64, now: Date) throws(StorageError)

    // MARK: Console sessions and members (issue 14)

    /// Stores a new session (and its audit entry).
    func insertSession(_ session: SessionRecord) throws(StorageError) -> SessionRecord
    /// The live session with this hash: nil when unknown, revoked, expired, or its token was revoked or expired
    /// since. Notes its use without waiting for a writer.
    func useSession(hash: String, now: Date) throws(StorageError) -> SessionRecord?
    /// The user's sessions, newest first, ended ones included.
    func sessions(ofUser userID: Int64) throws(StorageError) -> [SessionRecord]
    func session(id: Int64) throws(StorageError) -> SessionRecord?
    /// Ends a session at once (and audits it).
    func revokeSession(id: Int64, actorID: Int64, now: Date) throws(StorageError)
    /// Every member of a workspace with their role, by user id.
    func members(ofWorkspace workspaceID: Int64) throws(StorageError) -> [WorkspaceMember]

    // MARK: Integrations

    /// Inserts an integration and seals its credentials in the same transaction: `seal` gets the new row's id.
    func insertIntegration(
        _ integration: IntegrationRecord,
        seal: (_ integrationID: Int64) throws -> (ciphertext: Data, keyID: String)
    ) throws -> IntegrationRecord
    func integrations(inWorkspace workspaceID: Int64) throws(StorageError) -> [IntegrationRecord]
    func integration(id: Int64) throws(StorageError) -> IntegrationRecord?
    /// Deletes an integration with its networks, runs and counts; the envelope lingers nowhere on disk.
    func deleteIntegration(id: Int64, actorID: Int64, now: Date) throws(StorageError)
    /// Re-seals every integration's credentials: all are rewritten, or none is.
    func rewriteAllCredentials(
        _ transform: (IntegrationRecord) throws -> (ciphertext: Data, keyID: String)
    ) throws -> Int
    /// Key ids that at least one stored envelope still needs.
    func keyIDsInUse() throws(StorageError) -> Set<String>
    func cachedCounts(integrationIDs: [Int64]) throws(StorageError) -> [Int64: CountsRecord]
    /// Caches counts without making the caller wait for the writer; a failed cache write costs only a refetch.
    func saveCounts(_ counts: [CountsRecord])
    /// Returns once every background write queued so far (token touches, counts) has run.
    func flushBackgroundWrites() async
    func auditEntries(workspaceID: Int64) throws(StorageError) -> [AuditEntryRecord]

    // MARK: Networks

    /// Up to `limit` networks matching `filter`, in id order.
    func networks(_ filter: NetworkFilter, limit: Int) throws(StorageError) -> [NetworkListing]
    func network(id: Int64) throws(StorageError) -> NetworkListing?
    /// Hands every network matching `filter` (up to `limit`, nil for all) to `body` in id order, one row at a time
    /// from a single read: memory stays flat however many there are.
    func forEachNetwork(
        _ filter: NetworkFilter,
        limit: Int?,
        _ body: (NetworkListing) -> Void
    ) throws(StorageError)
    /// Up to `limit` networks matching `search`, in its order.
    func searchNetworks(_ search: NetworkSearch, limit: Int) throws(StorageError) -> [NetworkListing]
    /// The organizations of a workspace's networks with their network counts, by id.
    func networkOrganizations(workspaceID: Int64) throws(StorageError) -> [OrganizationCount]

    // MARK: Syncs

    /// Opens a run row (and its audit entry) before the sync transaction starts, so history shows it running.
    func startSyncRun(
        integrationID: Int64,
        workspaceID: Int64,
        actorID: Int64,
        now: Date
    ) throws(StorageError) -> SyncRunRecord
    /// Applies a whole listing in one transaction; see `SQLiteStore.applySync` for the promises it keeps.
    func applySync(
        run: SyncRunRecord,
        workspaceID: Int64,
        pages: some NetworkPageSource,
        clock: @escaping () -> Date,
        progress: (SyncTally) -> Void
    ) throws -> SyncRunRecord
    /// Records a failed run (after the sync transaction rolled back) on the run row and the integration.
    func failSyncRun(_ run: SyncRunRecord, error: String, now: Date) throws(StorageError) -> SyncRunRecord
    /// The integration's latest runs, newest first.
    func syncRuns(integrationID: Int64, limit: Int) throws(StorageError) -> [SyncRunRecord]
    func syncRun(id: Int64) throws(StorageError) -> SyncRunRecord?
}
