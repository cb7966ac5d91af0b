import Foundation
import Logging
import PatchbayCore
import PatchbayTestSupport

/// The whole path: the real libPatchbayMeraki.so (built next to this binary) against FakeMeraki on loopback, through
/// the host's HTTP service and the core's sync transaction, into a real SQLite file.
func endToEndSync(networks: Int, logger: Logger) async throws {
    let dataset = FakeMerakiDataset.generated(
        organizations: 1,
        networksPerOrganization: networks,
        accessPointsPerNetwork: 5
    )
    try await withFakeMeraki(dataset) { fake in
        try await withTestContext(prefix: "patchbay-bench-e2e", logger: logger) { folder in
            .manifest(path: try folder.write("plugins:\n\(fake.pluginEntry)\n", to: "plugins.yaml"))
        } _: { test in
            let context = test.context
            let issued = try await IdentityService(context: context).initialize(
                ownerName: "bench",
                workspaceName: "bench"
            )
            let caller = Caller(userID: issued.user.id, name: issued.user.name)
            let integration = try await IntegrationService(context: context).create(
                caller,
                workspace: "bench",
                provider: "meraki",
                name: "meraki",
                credentials: ["api_key": FakeMerakiDataset.goodKey]
            )
            for label in ["end to end, first sync (Meraki .so)", "end to end, re-sync unchanged"] {
                fake.resetRequests()
                let started = ContinuousClock.now
                let run = try await ProvisioningService(context: context).sync(caller, integrationID: integration.id)
                let elapsed = ContinuousClock.now - started
                print(
                    "\(label.padding(toLength: 38, withPad: " ", startingAt: 0)) \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds])))"
                        + "  \(fake.requests.count) requests  created \(run.created) unchanged \(run.unchanged)"
                )
            }
            let started = ContinuousClock.now
            let listed = try await IntegrationService(context: context).list(caller, workspace: "bench", refresh: true)
            print(
                "end to end, counts (Meraki .so)        \((ContinuousClock.now - started).formatted(.units(allowed: [.seconds, .milliseconds])))"
                    + "  networks \(listed.first?.counts?.networks ?? -1) access points \(listed.first?.counts?.accessPoints ?? -1)"
            )
        }
    }
}
