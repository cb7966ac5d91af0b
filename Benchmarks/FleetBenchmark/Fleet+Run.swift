import Foundation
import PatchbayCore
import PatchbayTestSupport

/// A FakeMeraki with one organization per integration, a temporary data directory, a fresh database, the fleet.
func runFleetBenchmark(_ options: FleetOptions) async throws {
    let dataset = FakeMerakiDataset.generated(
        organizations: options.integrations,
        networksPerOrganization: 5,
        accessPointsPerNetwork: 1,
        otherDevices: false
    )
    try await withFakeMeraki(dataset) { fake in
        try await withTemporaryDirectory(prefix: "patchbay-fleet") { folder in
            let database = try FleetDatabase.create(on: options.server)
            defer { database?.drop() }
            let fleet = try await Fleet.prepare(folder: folder, fake: fake, databaseURL: database?.url)
            try await fleet.run(options)
        }
    }
}

extension Fleet {
    /// Starts the instances, creates the integrations through the first one, lets one interval pass (every
    /// integration's first sync), measures `seconds` of scheduled syncing, then the listing across two instances.
    func run(_ options: FleetOptions) async throws {
        var instances: [(process: ChildProcess, base: String)] = []
        defer { for instance in instances { instance.process.send(SIGKILL) } }
        for _ in 0..<options.instances { instances.append(try await startInstance(workers: options.workers)) }
        let first = instances[0].base
        let created = ContinuousClock.now
        let integrations = try await onOwnThread {
            try (1...options.integrations).map { organization in
                try createIntegration(base: first, organization: organization, interval: options.interval)
            }
        }
        print("created \(integrations.count) integrations through the API in \(ContinuousClock.now - created)")

        try await Task.sleep(for: .seconds(options.interval))  // warm-up: every integration's first sync
        let window = Date()...Date().addingTimeInterval(Double(options.seconds))
        try await Task.sleep(for: .seconds(options.seconds))
        let listing = try await measureListing(bases: instances.prefix(2).map(\.base), options: options)

        for instance in instances {
            instance.process.send(SIGTERM)
            let exit = try await instance.process.waitForExit()
            if exit.status != 0 {
                print("warning: an instance exited \(exit.status): \(exit.standardError.suffix(500))")
            }
        }
        instances.removeAll()
        let store = try openStore()
        let schedule = try ScheduleFigures(store: store, integrations: integrations, window: window)
        schedule.print(demandPerMinute: options.integrations * 60 / options.interval)
        listing.print(rate: options.rate)
    }

    /// `GET /v1/workspaces/acme/networks?limit=100` at `rate` req/s, alternating between the instances, while the
    /// fleet keeps syncing.
    private func measureListing(bases: [String], options: FleetOptions) async throws -> ListingFigures {
        let urls = bases.map { $0 + "/workspaces/acme/networks?limit=100" }
        let (headers, rate) = ([authorization], options.rate)
        let warmUp = LoadClient(urls: urls, headers: headers, rate: rate, duration: .seconds(2), connections: 8)
        let measured = LoadClient(
            urls: urls,
            headers: headers,
            rate: rate,
            duration: .seconds(options.apiSeconds),
            connections: 8
        )
        let result = try await onOwnThread {
            _ = warmUp.run()  // connections, caches
            return measured.run()
        }
        return ListingFigures(result: result, instances: bases.count)
    }
}
