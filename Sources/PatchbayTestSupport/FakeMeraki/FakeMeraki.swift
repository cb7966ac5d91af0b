import Foundation
import Synchronization

/// A loopback stand-in for the Meraki Dashboard API v1, written from its published description: paginated
/// organizations and networks with Link headers, devices overview by model, the key's identity, 401 with
/// Meraki's error body, injectable faults, and a count of every request by path.
///
/// Start one with `withFakeMeraki`; point a plugin at `baseURL`.
package final class FakeMeraki: Sendable {
    /// One request as the fake saw it.
    package struct Request: Sendable, Equatable {
        /// Path without a shard prefix, e.g. `/api/v1/organizations/100001/networks`.
        package var path: String
        /// Decoded query items in order.
        package var query: [String: [String]]
        package var authority: String
        package var authorization: String?
    }

    let dataset: FakeMerakiDataset
    /// Networks rendered once as Meraki's JSON objects, by organization id, sorted by network id.
    let renderedNetworks: [String: [(id: String, json: [UInt8])]]
    let state = Mutex(State())

    struct State {
        var port = 0
        var requests: [Request] = []
        var faults: [String: [FakeMerakiFault]] = [:]
        var pageCap: Int?
        var linkStyle = LinkStyle.absolute
        var limiter: FakeRateLimiter?
        var tooManyRequestsSent = 0
        var slowPaths: [String: Duration] = [:]
    }

    package init(_ dataset: FakeMerakiDataset) {
        self.dataset = dataset
        var rendered: [String: [(id: String, json: [UInt8])]] = [:]
        for organization in dataset.organizations {
            rendered[organization.id] = organization.networks.sorted { $0.id < $1.id }.map { network in
                (network.id, FakeMerakiJSON.network(network, organizationID: organization.id))
            }
        }
        self.renderedNetworks = rendered
    }

    /// `http://127.0.0.1:PORT/api/v1`, once the server runs.
    package var baseURL: String { "http://127.0.0.1:\(port)/api/v1" }
    /// `127.0.0.1:PORT`, for `allowed_hosts`.
    package var authority: String { "127.0.0.1:\(port)" }
    package var port: Int { state.withLock { $0.port } }

    /// Every request so far, in arrival order.
    package var requests: [Request] { state.withLock { $0.requests } }

    /// How many requests asked for `path` (under `/api/v1`, e.g. `/organizations/100001/networks`).
    package func requestCount(_ path: String) -> Int {
        state.withLock { $0.requests.count { $0.path == "/api/v1" + path } }
    }

    /// How many 429s the rate limiter sent (injected faults excluded).
    package var tooManyRequestsSent: Int { state.withLock { $0.tooManyRequestsSent } }

    /// Answers the next `times` requests for `path` (under `/api/v1`) with `fault`.
    package func inject(_ fault: FakeMerakiFault, at path: String, times: Int = 1) {
        state.withLock { $0.faults["/api/v1" + path, default: []] += Array(repeating: fault, count: times) }
    }

    /// Serves at most `size` items per page whatever `perPage` asks, so a test can see paging without 100,000
    /// networks (a stand-in for an endpoint whose maximum page is small).
    package func capPages(at size: Int?) {
        state.withLock { $0.pageCap = size }
    }

    /// How the `Link` header writes its targets.
    package enum LinkStyle: Sendable {
        /// `http://127.0.0.1:PORT/api/v1/organizations?perPage=3&...`, as Meraki's servers do today.
        case absolute
        /// `/api/v1/organizations?perPage=3&...`
        case absolutePath
        /// `organizations?perPage=3&...`: relative to the request's path, as RFC 8288 allows.
        case relativePath
    }

    /// Writes Link targets in `style` from now on (the API description calls them relative).
    package func writeLinks(_ style: LinkStyle) {
        state.withLock { $0.linkStyle = style }
    }

    /// Enforces Meraki's limit: `requestsPerSecond` per organization (and for calls outside one), answering 429
    /// with Retry-After when exceeded.
    package func limitRate(requestsPerSecond: Int?) {
        state.withLock { $0.limiter = requestsPerSecond.map { FakeRateLimiter(requestsPerSecond: $0) } }
    }

    /// Answers every request whose path (under `/api/v1`) ends with `suffix` only after `delay`, e.g. `/networks`
    /// to make a sync slow enough to cancel; nil makes it fast again.
    package func slowDown(pathsEndingWith suffix: String, by delay: Duration?) {
        state.withLock { $0.slowPaths[suffix] = delay }
    }

    func delay(for path: String) -> Duration? {
        state.withLock { state in state.slowPaths.first { path.hasSuffix($0.key) }?.value }
    }

    /// Forgets the requests seen so far.
    package func resetRequests() {
        state.withLock { $0.requests = [] }
    }

    func nextFault(for path: String) -> FakeMerakiFault? {
        state.withLock { state in
            guard var queue = state.faults[path], !queue.isEmpty else { return nil }
            let fault = queue.removeFirst()
            state.faults[path] = queue
            return fault
        }
    }
}
