import Foundation
import Synchronization

/// A loopback stand-in for the Juniper Mist cloud API v1, written from its public description: `GET /self` with the
/// token's privileges, `GET /orgs/{org_id}/sites` and `GET /orgs/{org_id}/inventory?type=` paged by `limit` (default
/// 100, at most 1000) and 1-based `page` with the `X-Page-Total`/`X-Page-Limit`/`X-Page-Page` headers, 401 with
/// Mist's `{"detail": ...}` body on a bad token, 403 for an organization the token has no privilege on, injectable
/// faults, and a count of every request by path.
///
/// Start one with `withFakeMist`; point a plugin at `baseURL`.
package final class FakeMist: Sendable {
    /// One request as the fake saw it.
    package struct Request: Sendable, Equatable {
        /// e.g. `/api/v1/orgs/<id>/sites`.
        package var path: String
        package var query: [String: [String]]
        package var authorization: String?
    }

    let dataset: FakeMistDataset
    let state = Mutex(State())

    struct State {
        var port = 0
        var requests: [Request] = []
        var faults: [String: [FakeMistFault]] = [:]
        var pageCap: Int?
    }

    package init(_ dataset: FakeMistDataset) {
        self.dataset = dataset
    }

    /// `http://127.0.0.1:PORT/api/v1`, once the server runs.
    package var baseURL: String { "http://127.0.0.1:\(port)/api/v1" }
    /// `127.0.0.1:PORT`, for `allowed_hosts`.
    package var authority: String { "127.0.0.1:\(port)" }
    package var port: Int { state.withLock { $0.port } }

    /// Every request so far, in arrival order.
    package var requests: [Request] { state.withLock { $0.requests } }

    /// How many requests asked for `path` (under `/api/v1`, e.g. `/orgs/<id>/sites`).
    package func requestCount(_ path: String) -> Int {
        state.withLock { $0.requests.count { $0.path == "/api/v1" + path } }
    }

    /// Answers the next `times` requests for `path` (under `/api/v1`) with `fault`.
    package func inject(_ fault: FakeMistFault, at path: String, times: Int = 1) {
        state.withLock { $0.faults["/api/v1" + path, default: []] += Array(repeating: fault, count: times) }
    }

    /// Serves at most `size` items per page whatever `limit` asks (and says so in X-Page-Limit), so a test sees
    /// paging without thousands of sites.
    package func capPages(at size: Int?) {
        state.withLock { $0.pageCap = size }
    }

    func nextFault(for path: String) -> FakeMistFault? {
        state.withLock { state in
            guard var queue = state.faults[path], !queue.isEmpty else { return nil }
            let fault = queue.removeFirst()
            state.faults[path] = queue
            return fault
        }
    }
}
