import Foundation
import PatchbayCore
import PatchbayTestSupport
import Storage
import Testing

@Suite struct ProvisioningTests {
    @Test(arguments: TestBackend.all) func firstSyncCreatesEveryNetworkActiveWithItsConfig(
        _ backend: TestBackend
    ) async throws {
        try await withCoreEnvironment(backend) { env in
            let integration = try await env.createIntegration()
            try #require(env.providers["scripted"]).update {
                $0.pages = [upstreamNetworks(0..<3), upstreamNetworks(3..<5)]
            }

            let run = try await env.provisioning.sync(env.owner, integrationID: integration.id)

            #expect(run.status == "succeeded")
            #expect((run.created, run.updated, run.unchanged, run.removed) == (5, 0, 0, 0))
            let page = try env.networks.list(env.owner, workspace: "acme")
            #expect(page.networks.count == 5)
            let first = try #require(page.networks.first)
            #expect(first.provisioningStatus == "active")
            #expect(first.provider == "scripted")
            #expect(first.config == upstreamNetworks(0..<1)[0].raw)
        }
    }

    @Test(arguments: TestBackend.all) func resyncLeavesIdenticalUpdatesChangedAndMarksVanishedRemoved(
        _ backend: TestBackend
    ) async throws {
        try await withCoreEnvironment(backend) { env in
            let integration = try await env.createIntegration()
            let provider = try #require(env.providers["scripted"])
            provider.update { $0.pages = [upstreamNetworks(0..<10)] }
            _ = try await env.provisioning.sync(env.owner, integrationID: integration.id)
            let before = try env.networks.list(env.owner, workspace: "acme").networks

            // 0..<6 unchanged, 6..<8 renamed, 8..<10 gone, 10..<12 new.
            provider.update {
                $0.pages = [
                    upstreamNetworks(0..<6), upstreamNetworks(6..<8, suffix: " (renamed)"), upstreamNetworks(10..<12),
                ]
            }
            let run = try await env.provisioning.sync(env.owner, integrationID: integration.id)

            #expect((run.created, run.updated, run.unchanged, run.removed) == (2, 2, 6, 2))
            let after = try env.networks.list(env.owner, workspace: "acme").networks
            #expect(after.count == 12)  // removed networks are kept, only marked
            let byExternalID = Dictionary(uniqueKeysWithValues: after.map { ($0.externalID, $0) })
            #expect(byExternalID["N_8"]?.provisioningStatus == "removed")
            #expect(byExternalID["N_6"]?.name == "Network 6 (renamed)")
            #expect(byExternalID["N_0"]?.updatedAt == before.first { $0.externalID == "N_0" }?.updatedAt)
            let removed = try env.networks.list(env.owner, workspace: "acme", status: "removed").networks
            #expect(removed.map(\.externalID).sorted() == ["N_8", "N_9"])
        }
    }

    @Test(arguments: TestBackend.all) func networkThatReturnsIsActiveAgain(_ backend: TestBackend) async throws {
        try await withCoreEnvironment(backend) { env in
            let integration = try await env.createIntegration()
            let provider = try #require(env.providers["scripted"])
            provider.update { $0.pages = [upstreamNetworks(0..<2)] }
            _ = try await env.provisioning.sync(env.owner, integrationID: integration.id)
            provider.update { $0.pages = [upstreamNetworks(0..<1)] }
            _ = try await env.provisioning.sync(env.owner, integrationID: integration.id)
            provider.update { $0.pages = [upstreamNetworks(0..<2)] }
            let run = try await env.provisioning.sync(env.owner, integrationID: integration.id)
            #expect((run.updated, run.unchanged) == (1, 1))
            #expect(try env.networks.list(env.owner, workspace: "acme", status: "removed").networks.isEmpty)
        }
    }

    @Test(arguments: TestBackend.all) func syncFailingHalfwayLeavesPreviousNetworksAsTheyWere(
        _ backend: TestBackend
    ) async throws {
        try await withCoreEnvironment(backend) { env in
            let integration = try await env.createIntegration()
            let provider = try #require(env.providers["scripted"])
            provider.update { $0.pages = [upstreamNetworks(0..<4)] }
            _ = try await env.provisioning.sync(env.owner, integrationID: integration.id)
            let before = try env.networks.list(env.owner, workspace: "acme").networks

            // Two pages arrive (one changes a network, one adds), then the provider fails.
            provider.update {
                $0.pages = [
                    upstreamNetworks(0..<1, suffix: " changed"), upstreamNetworks(50..<52), upstreamNetworks(60..<61),
                ]
                $0.failAfterPages = 2
            }
            await #expect(throws: ServiceError(.unavailable, "scripted: upstream unavailable")) {
                try await env.provisioning.sync(env.owner, integrationID: integration.id)
            }

            let after = try env.networks.list(env.owner, workspace: "acme").networks
            #expect(after == before)
            let runs = try env.provisioning.runs(env.owner, integrationID: integration.id)
            #expect(runs.first?.status == "failed")
            #expect(runs.first?.error == "scripted: upstream unavailable")
            #expect(try env.integrations.get(env.owner, id: integration.id).lastSyncStatus == "failed")
        }
    }

    @Test(arguments: TestBackend.all) func failedListingNeverMarksAnythingRemoved(_ backend: TestBackend) async throws {
        try await withCoreEnvironment(backend) { env in
            let integration = try await env.createIntegration()
            let provider = try #require(env.providers["scripted"])
            provider.update { $0.pages = [upstreamNetworks(0..<3)] }
            _ = try await env.provisioning.sync(env.owner, integrationID: integration.id)
            // The provider returns nothing and then reports the listing incomplete.
            provider.update {
                $0.pages = []
                $0.failAfterPages = 0
                $0.listingError = ServiceError(.cancelled, "scripted: cancelled")
            }
            await #expect(throws: ServiceError.self) {
                try await env.provisioning.sync(env.owner, integrationID: integration.id)
            }
            #expect(try env.networks.list(env.owner, workspace: "acme", status: "active").networks.count == 3)
        }
    }

    @Test(arguments: TestBackend.all) func secondSyncOfTheSameIntegrationIsRefusedWhileOneRuns(
        _ backend: TestBackend
    ) async throws {
        try await withCoreEnvironment(backend) { env in
            let integration = try await env.createIntegration()
            let provider = try #require(env.providers["scripted"])
            provider.update {
                $0.pages = [upstreamNetworks(0..<2), upstreamNetworks(2..<4)]
                $0.holdListing = true
            }
            let first = Task { try await env.provisioning.sync(env.owner, integrationID: integration.id) }
            await provider.waitUntilHeld()

            await #expect {
                try await env.provisioning.sync(env.owner, integrationID: integration.id)
            } throws: { error in
                (error as? ServiceError)?.code == .conflict
            }
            #expect(env.provisioning.liveRun(of: integration.id) != nil)

            provider.release()
            let run = try await first.value
            #expect(run.created == 4)
            #expect(env.provisioning.liveRun(of: integration.id) == nil)
        }
    }

    @Test(arguments: TestBackend.all) func networksPaginateInAStableOrderAndFilterByIntegration(
        _ backend: TestBackend
    ) async throws {
        try await withCoreEnvironment(
            backend,
            providers: [ScriptedProvider(id: "scripted"), ScriptedProvider(id: "other")]
        ) {
            env in
            let first = try await env.createIntegration(named: "one")
            let second = try await env.createIntegration(named: "two", provider: "other")
            try #require(env.providers["scripted"]).update { $0.pages = [upstreamNetworks(0..<5)] }
            try #require(env.providers["other"]).update { $0.pages = [upstreamNetworks(0..<3, organization: "o2")] }
            _ = try await env.provisioning.sync(env.owner, integrationID: first.id)
            _ = try await env.provisioning.sync(env.owner, integrationID: second.id)

            var seen: [Int64] = []
            var cursor: Int64?
            repeat {
                let page = try env.networks.list(env.owner, workspace: "acme", after: cursor, limit: 3)
                seen += page.networks.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen.count == 8)
            #expect(seen == seen.sorted())
            let onlySecond = try env.networks.list(env.owner, workspace: "acme", integrationID: second.id)
            #expect(onlySecond.networks.allSatisfy { $0.provider == "other" && $0.integrationID == second.id })
            #expect(onlySecond.networks.count == 3)
        }
    }
}
