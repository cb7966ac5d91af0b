package import Foundation
import GRDB

/// Writes one sync's networks inside its transaction: creates new ones, updates changed ones, skips identical ones,
/// and at the end marks the ones the listing no longer returned as removed.
///
/// The three statements are prepared once per sync and reused for every row: this is the hot path of a sync.
struct NetworkUpserter {
    private typealias Columns = NetworkRecord.Columns

    /// What the sync needs to know of a stored network to decide whether to write it.
    private struct Known {
        var id: Int64
        var contentHash: String
        var status: NetworkStatus
    }

    private(set) var tally = SyncTally()
    private let db: Database
    private let workspaceID: Int64
    private let integrationID: Int64
    private let now: Date
    private var known: [String: Known] = [:]
    private var seen = Set<String>()
    private let insert: Statement
    private let update: Statement
    private let remove: Statement

    init(_ db: Database, integrationID: Int64, workspaceID: Int64, now: Date) throws {
        self.db = db
        self.workspaceID = workspaceID
        self.integrationID = integrationID
        self.now = now
        insert = try db.makeStatement(sql: Self.insertSQL)
        update = try db.makeStatement(
            literal: """
                UPDATE \(NetworkRecord.self) SET \(Columns.name) = ?, \(Columns.organizationID) = ?, \
                \(Columns.config) = ?, \(Columns.contentHash) = ?, \(Columns.provisioningStatus) = ?, \
                \(Columns.updatedAt) = ?, \(Columns.lastSeenAt) = ? WHERE \(Columns.id) = ?
                """
        )
        remove = try db.makeStatement(
            literal: """
                UPDATE \(NetworkRecord.self) SET \(Columns.provisioningStatus) = ?, \(Columns.updatedAt) = ? \
                WHERE \(Columns.id) = ?
                """
        )
        let rows = try Row.fetchCursor(
            db,
            NetworkRecord.select(Columns.id, Columns.externalID, Columns.contentHash, Columns.provisioningStatus)
                .filter(Columns.integrationID == integrationID)
        )
        while let row = try rows.next() {
            known[row[1]] = Known(id: row[0], contentHash: row[2], status: row[3])
        }
    }

    mutating func upsert(_ network: SyncedNetwork) throws {
        seen.insert(network.externalID)
        if let existing = known[network.externalID] {
            if existing.contentHash == network.contentHash && existing.status == .active {
                tally.unchanged += 1
                return
            }
            try update.execute(arguments: [
                network.name, network.organizationID, network.config, network.contentHash, NetworkStatus.active,
                now, now, existing.id,
            ])
            known[network.externalID] = Known(id: existing.id, contentHash: network.contentHash, status: .active)
            tally.updated += 1
            return
        }
        try insert.execute(arguments: [
            workspaceID, integrationID, network.externalID, network.name, network.organizationID, network.config,
            network.contentHash, NetworkStatus.active, now, now, now,
        ])
        known[network.externalID] = Known(id: db.lastInsertedRowID, contentHash: network.contentHash, status: .active)
        tally.created += 1
    }

    /// Marks networks the complete listing no longer returned as `removed`; they are kept, never deleted.
    mutating func markUnseenRemoved() throws -> SyncTally {
        for (externalID, network) in known where network.status == .active && !seen.contains(externalID) {
            try remove.execute(arguments: [NetworkStatus.removed, now, network.id])
            tally.removed += 1
        }
        return tally
    }

    /// The insert's columns, in the order `upsert` binds them.
    private static let insertSQL: String = {
        let columns = [
            Columns.workspaceID, Columns.integrationID, Columns.externalID, Columns.name, Columns.organizationID,
            Columns.config, Columns.contentHash, Columns.provisioningStatus, Columns.createdAt, Columns.updatedAt,
            Columns.lastSeenAt,
        ]
        let names = columns.map(\.name).joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO \(NetworkRecord.databaseTableName) (\(names)) VALUES (\(placeholders))"
    }()
}
