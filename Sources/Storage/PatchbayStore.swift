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
    /// Creates a user (or, when `mayAttachExisting`, reuses one of that name) and gives them `role` in the
    /// workspace; nil when the user exists and `mayAttachExisting` is false, decided in the insert's transaction.
    func addMember(
        name: String,
        workspaceID: Int64,
        role: MemberRole,
        mayAttachExisting: Bool,
        actorID: Int64,
        now: Date
    ) throws(StorageError) -> UserRecord?
    func insertToken(_ token: APITokenRecord) throws(StorageError) -> APITokenRecord
    /// The live token with this hash (revoked and expired ones are nil); notes its use without waiting for a writer.
    func useToken(hash: String, now: Date) throws(StorageError) -> APITokenRecord?
    /// The user behind the live token with this hash, in one read (revoked and expired tokens give nil: checked in
    /// the query); notes the token's use as `useToken` does. What every API request authenticates with.
    func tokenUser(hash: String, now: Date) throws(StorageError) -> UserRecord?
    /// The caller's membership of the workspace `reference` names, in one read: nil when there is no such workspace
    /// or the user is not a member of it.
    func membership(ofUser userID: Int64, in workspace: WorkspaceReference) throws(StorageError) -> WorkspaceMembership?
    func tokens(ofUser userID: Int64) throws(StorageError) -> [APITokenRecord]
    func token(id: Int64) throws(StorageError) -> APITokenRecord?
    func revokeToken(id: Int64, actorID: Int64, now: Date) throws(StorageError)

    // MARK: Installation administrators and settings

    func isInstallationAdmin(userID: Int64) throws(StorageError) -> Bool
    /// The installation administrators, in id order.
    func installationAdmins() throws(StorageError) -> [UserRecord]
    /// Promotes or demotes a user by name; not found when no such user, a conflict for the last administrator.
    func setInstallationAdmin(
        userName: String,
        isAdmin: Bool,
        actorID: Int64,
        now: Date
    ) throws(StorageError)
        -> UserRecord
    func installationSetting(named name: String) throws(StorageError) -> String?
    func setInstallationSetting(named name: String, value: String, actorID: Int64, now: Date) throws(StorageError)

    // MARK: Console sessions and members (issue 14)

    /// Stores a new session (and its audit entry).
    func insertSession(_ session: SessionRecord) throws(StorageError) -> SessionRecord
    /// The live session with this hash and its user, in one read: nil when unknown, revoked, expired, or its token
    /// was revoked or expired since. Notes its use without waiting for a writer.
    func useSession(hash: String, now: Date) throws(StorageError) -> SessionUse?
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

    // MARK: Sync jobs (one live job per integration, leased, fetched into staging, applied in one transaction)

    /// Admits a job unless the integration has a live one: queued, or running under `lease` at once.
    func admitSyncJob(
        integrationID: Int64,
        workspaceID: Int64,
        trigger: SyncTrigger,
        requestedBy: Int64?,
        lease: JobLease?,
        now: Date
    ) throws(StorageError) -> JobAdmission
    /// Leases the oldest queued job (PostgreSQL: `FOR UPDATE SKIP LOCKED`); nil when none waits.
    func claimQueuedJob(lease: JobLease, now: Date) throws(StorageError) -> SyncRunRecord?
    /// Renews a running job's lease, and says whether someone asked to cancel it; an expired lease is lost.
    func renewLease(runID: Int64, lease: JobLease, now: Date) throws(StorageError) -> LeaseCheck
    /// Marks every running job past its lease `abandoned`, with the reason.
    @discardableResult
    func abandonExpiredJobs(now: Date) throws(StorageError) -> [SyncRunRecord]
    /// Cancels a queued job at once, or flags a running one for its owner; the job as it is afterwards.
    func requestCancel(runID: Int64, now: Date) throws(StorageError) -> SyncRunRecord?
    /// Whether the owner should stop (cancel requested, or the job is no longer running), without the write lock.
    func cancelRequested(runID: Int64) throws(StorageError) -> Bool
    /// Ends a running job that did not apply, if `lease` still holds it.
    func finishJob(
        _ run: SyncRunRecord,
        lease: JobLease,
        status: SyncRunStatus,
        error: String,
        now: Date,
        jitter: Double
    ) throws(StorageError) -> SyncRunRecord?
    /// Stages one page of a running job's listing, in a short transaction of its own.
    func stageNetworks(runID: Int64, _ networks: [SyncedNetwork]) throws(StorageError)
    /// Applies a complete staged listing in one transaction, if the lease holds and nobody asked to cancel.
    func applyStaged(
        _ run: SyncRunRecord,
        lease: JobLease,
        workspaceID: Int64,
        now: Date,
        jitter: Double
    ) throws(StorageError) -> ApplyOutcome
    func clearStaging(runID: Int64) throws(StorageError)
    /// The integration's latest runs, newest first.
    func syncRuns(integrationID: Int64, limit: Int) throws(StorageError) -> [SyncRunRecord]
    func syncRun(id: Int64) throws(StorageError) -> SyncRunRecord?
    func liveSyncRun(integrationID: Int64) throws(StorageError) -> SyncRunRecord?
    func lastFinishedRuns(integrationIDs: [Int64]) throws(StorageError) -> [Int64: SyncRunRecord]

    // MARK: Schedules and shared rate budgets

    /// Sets (nil: removes) an integration's sync interval.
    func setSyncInterval(integrationID: Int64, seconds: Int?, firstDue: Date) throws(StorageError)
    func syncSchedules(integrationIDs: [Int64]) throws(StorageError) -> [Int64: SyncScheduleRecord]
    /// Queues a `schedule` job for every due integration without a live job.
    func enqueueDueSyncs(now: Date) throws(StorageError) -> [SyncRunRecord]
    /// One GCRA reservation over `buckets` (nanoseconds since 1970), shared by every process on this store.
    func reserveRateSlots(_ buckets: [(key: String, interval: Int64)], now: Int64) throws(StorageError) -> Int64

    // MARK: Integration changes and health

    func updateIntegration(id: Int64, name: String?, settings: String?, actorID: Int64, now: Date) throws(StorageError)
    /// `["ok"]` for a sound store.
    func integrityCheck() throws(StorageError) -> [String]

    // MARK: Fleet health (`/readyz`, `/metrics`)

    /// Returns when the store can serve: reachable, and its schema exactly the one this build knows; throws the
    /// reason otherwise.
    func checkReadiness() throws(StorageError)
    /// Queued and running jobs and the oldest queued job, across every process on the store.
    func queueSnapshot(now: Date) throws(StorageError) -> QueueSnapshot
}
