import Foundation
import GRDB
import PatchbayTestSupport
import Testing

@testable import Storage

/// The audit's finding: a far-future expiry was stored as text GRDB cannot decode ("3170900-10-08 …", or empty for
/// Int64.max seconds), and from then on every listing of that user's tokens failed.
@Suite struct TokenExpiryTests {
    @Test func undecodableAndOverlongExpiriesAreRepairedOnUpgrade() throws {
        try withTemporaryDirectorySync(prefix: "patchbay-storage") { directory in
            let path = directory.file("patchbay.sqlite")
            let old = try DatabaseQueue(path: path)
            try SchemaStep.migrator.migrate(old, upTo: "v1")
            try old.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO users (id, name, created_at) VALUES (1, 'alice', '2026-01-01 10:00:00.000');
                        INSERT INTO api_tokens (id, user_id, name, token_hash, created_at, expires_at) VALUES
                            (1, 1, 'far', 'h1', '2026-01-01 10:00:00.000', '3170900-10-08 00:00:00.000'),
                            (2, 1, 'empty', 'h2', '2026-01-01 10:00:00.000', ''),
                            (3, 1, 'century', 'h3', '2026-01-01 10:00:00.000', '2126-01-01 10:00:00.000'),
                            (4, 1, 'year', 'h4', '2026-01-01 10:00:00.000', '2027-01-01 10:00:00.000'),
                            (5, 1, 'never', 'h5', '2026-01-01 10:00:00.000', NULL);
                        """
                )
            }
            try old.close()

            let store = try SQLiteStore(path: path)
            let tokens = try store.tokens(ofUser: 1)
            let created = try #require(tokens.first?.createdAt)
            let limit = created.addingTimeInterval(3650 * 86_400)
            #expect(tokens.map(\.name) == ["far", "empty", "century", "year", "never"])
            #expect(tokens.map(\.expiresAt) == [limit, limit, limit, created.addingTimeInterval(365 * 86_400), nil])
        }
    }

    @Test func anExpiryThatIsNotADateIsRefusedByTheDatabase() throws {
        try withStore { fixture in
            var components = DateComponents()
            components.year = 10_000
            let farFuture = try #require(Calendar(identifier: .gregorian).date(from: components))
            #expect(throws: StorageError.self) {
                try fixture.store.insertToken(
                    APITokenRecord(
                        userID: fixture.ownerID,
                        name: "far",
                        tokenHash: "far",
                        createdAt: fixture.now,
                        expiresAt: farFuture
                    )
                )
            }
            #expect(try fixture.store.tokens(ofUser: fixture.ownerID).map(\.name) == ["initial"])
        }
    }
}
