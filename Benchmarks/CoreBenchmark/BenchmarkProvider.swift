import Foundation
import PatchbayCore
import Synchronization

/// An in-process provider that answers instantly (listing) or after a fixed latency (counts), so the benchmark
/// measures Patchbay's own work: the upsert path and the fan-out of counts.
final class BenchmarkProvider: NetworkProvider, Sendable {
    let id = "bench"
    let credentialFields = [CredentialField(name: "api_key", isRequired: true, isSecret: true)]
    let supportsCounts = true
    let pageSize = 1000
    let countsLatency: Duration
    /// Added once per listing, as the round trips of a real provider would (zero: measure Patchbay alone).
    let listingLatency: Duration
    private let networks = Mutex<[UpstreamNetwork]>([])

    init(countsLatency: Duration, listingLatency: Duration = .zero) {
        self.countsLatency = countsLatency
        self.listingLatency = listingLatency
    }

    func replaceNetworks(_ replacement: [UpstreamNetwork]) { networks.withLock { $0 = replacement } }

    func checkSettings(_ settings: [String: String]) throws(ServiceError) {}
    func validate(credentials: [String: String], settings: [String: String]) async throws(ServiceError) {}

    func listNetworks(
        credentials: [String: String],
        settings: [String: String],
        onPage: @escaping @Sendable ([UpstreamNetwork]) throws -> Void
    ) async throws(ServiceError) {
        let all = networks.withLock { $0 }
        let pageSize = pageSize
        if listingLatency > .zero { try? await Task.sleep(for: listingLatency) }
        // Pages are handed over from a thread of the provider's own, as a plugin does.
        let outcome: Result<Void, any Error> = await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(
                    returning: Result {
                        for start in stride(from: 0, to: all.count, by: pageSize) {
                            try onPage(Array(all[start..<min(start + pageSize, all.count)]))
                        }
                    }
                )
            }.start()
        }
        if case .failure(let error) = outcome { throw ServiceError(.internal, "\(error)") }
    }

    func counts(credentials: [String: String], settings: [String: String]) async throws(ServiceError) -> NetworkCounts {
        try? await Task.sleep(for: countsLatency)
        return NetworkCounts(networks: 10, accessPoints: 50)
    }
}

/// A Meraki-shaped network object of about 450 bytes, canonical JSON as the host hands it over.
func benchmarkNetwork(_ index: Int, revision: Int = 0) -> UpstreamNetwork {
    let id = "L_\(646_829_496_481_000_000 + index)"
    let name = revision == 0 ? "Branch \(index)" : "Branch \(index) r\(revision)"
    let raw = """
        {"enrollmentString":null,"id":"\(id)","isBoundToConfigTemplate":false,"name":"\(name)",\
        "notes":"Additional description of the network","organizationId":"549236",\
        "productTypes":["appliance","switch","wireless"],"tags":["tag1","tag2"],"timeZone":"America/Los_Angeles",\
        "url":"https://n149.meraki.com/Branch-\(index)/n/kfQbAcyd/manage/usage/list"}
        """
    return UpstreamNetwork(externalID: id, name: name, organizationID: "549236", raw: raw)
}
