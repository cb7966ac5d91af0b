import Foundation
import PatchbayTestSupport
import Testing

/// The audit's reproduction from the CLI: `tokens create --expires-in-days 4000000` stored an expiry no listing could
/// decode, and `tokens list` then exited 70. Now it is a usage error naming the limit.
@Suite struct TokenExpiryCLITests {
    @Test func expiryBeyondTenYearsIsAUsageErrorNamingTheLimit() async throws {
        try await withCLI { cli in
            let refused = try await cli.run("tokens", "create", "--name", "far", "--expires-in-days", "4000000")
            #expect(refused.status == 64)
            #expect(refused.standardError.contains("--expires-in-days 4000000: out of range; use 1 to 3650 (10 years)"))
            let accepted = try await cli.run("tokens", "create", "--name", "decade", "--expires-in-days", "3650")
            #expect(accepted.status == 0, "\(accepted.standardError)")
            let listed = try await cli.runChecked(["tokens", "list", "--json"])
            #expect(listed.standardOutput.contains("decade"))
            #expect(!listed.standardOutput.contains("\"far\""))
        }
    }
}
