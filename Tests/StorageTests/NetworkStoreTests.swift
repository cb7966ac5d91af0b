import Foundation
import PatchbayTestSupport
import Testing

@testable import Storage

@Suite struct NetworkStoreTests {
    @Test(arguments: TestBackend.all) func listingFiltersAndPagesInIdOrder(_ backend: TestBackend) throws {
        try withStore(backend) { fixture in
            let store = fixture.store
            let hq = try fixture.integration("HQ")
            let branch = try fixture.integration("branch")
            try fixture.sync(hq, (0..<5).map { upstream($0) })
            try fixture.sync(branch, (10..<13).map { upstream($0) })
            try fixture.sync(hq, (0..<4).map { upstream($0) })  // N_4 is now removed

            let all = try store.networks(NetworkFilter(workspaceID: fixture.workspaceID), limit: 100)
            #expect(all.count == 8)
            #expect(all.map { $0.network.id ?? 0 } == all.map { $0.network.id ?? 0 }.sorted())
            #expect(Set(all.map(\.provider)) == ["meraki"])

            let branchOnly = try store.networks(
                NetworkFilter(workspaceID: fixture.workspaceID, integrationID: branch.id),
                limit: 100
            )
            #expect(branchOnly.map(\.network.externalID) == ["N_10", "N_11", "N_12"])
            #expect(Set(branchOnly.map(\.integrationName)) == ["branch"])

            let removed = try store.networks(
                NetworkFilter(workspaceID: fixture.workspaceID, status: .removed),
                limit: 100
            )
            #expect(removed.map(\.network.externalID) == ["N_4"])

            var pages: [[String]] = []
            var after: Int64?
            repeat {
                let page = try store.networks(NetworkFilter(workspaceID: fixture.workspaceID, afterID: after), limit: 3)
                pages.append(page.map(\.network.externalID))
                after = page.count == 3 ? page.last?.network.id : nil
            } while after != nil
            #expect(pages.flatMap { $0 } == all.map(\.network.externalID))
            #expect(pages.map(\.count) == [3, 3, 2])
        }
    }

    @Test(arguments: TestBackend.all) func anotherWorkspacesNetworksStayOutOfTheListing(_ backend: TestBackend) throws {
        try withStore(backend) { fixture in
            let globex = try fixture.store.createWorkspace(name: "globex", ownerID: fixture.ownerID, now: fixture.now)
            let theirs = try fixture.integration("theirs", workspaceID: globex.id)
            try fixture.sync(theirs, [upstream(1)])
            #expect(try fixture.store.networks(NetworkFilter(workspaceID: fixture.workspaceID), limit: 10).isEmpty)
            let listed = try fixture.store.networks(NetworkFilter(workspaceID: globex.id ?? 0), limit: 10)
            #expect(listed.map(\.network.workspaceID) == [globex.id ?? 0])
        }
    }

    @Test(arguments: TestBackend.all) func oneNetworkComesWithItsIntegration(_ backend: TestBackend) throws {
        try withStore(backend) { fixture in
            let hq = try fixture.integration("HQ")
            try fixture.sync(hq, [upstream(7)])
            let listed = try #require(
                try fixture.store.networks(NetworkFilter(workspaceID: fixture.workspaceID), limit: 1).first
            )
            let one = try #require(try fixture.store.network(id: listed.network.id ?? 0))
            #expect(one == listed)
            #expect(one.integrationName == "HQ" && one.provider == "meraki")
            #expect(one.network.config == upstream(7).config)
            #expect(one.network.createdAt == fixture.now && one.network.lastSeenAt == fixture.now)
            #expect(try fixture.store.network(id: 9_999) == nil)
        }
    }
}
