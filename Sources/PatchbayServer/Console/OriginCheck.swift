import Hummingbird
import PatchbayCore

/// CSRF defence for requests a cookie authenticates. The cookie is `SameSite=Strict`, so other sites' pages do not
/// send it; on top of that, a state-changing request must name this server as its `Origin` (browsers always send
/// `Origin` on POST, PUT, PATCH and DELETE) and must not be marked cross-site by `Sec-Fetch-Site`.
enum OriginCheck {
    /// Methods that change nothing pass; any other must be same-origin.
    static func requireSameOrigin(_ request: Request) throws(ServiceError) {
        switch request.method {
        case .get, .head, .options: return
        default: break
        }
        if let site = request.header(named: "Sec-Fetch-Site"), site != "same-origin", site != "none" {
            throw refusal("Sec-Fetch-Site '\(site)'")
        }
        guard let origin = request.headers[.origin] else {
            throw refusal("no Origin header")
        }
        guard isSameOrigin(origin, as: request) else {
            throw refusal("Origin '\(origin)'")
        }
    }

    /// `Origin` is `http(s)://` followed by exactly the host (and port) the request was sent to.
    static func isSameOrigin(_ origin: String, as request: Request) -> Bool {
        let lowered = origin.lowercased()
        let authority: Substring
        if lowered.hasPrefix("http://") {
            authority = lowered.dropFirst("http://".count)
        } else if lowered.hasPrefix("https://") {
            authority = lowered.dropFirst("https://".count)
        } else {
            return false
        }
        let hosts = [request.head.authority, request.header(named: "X-Forwarded-Host")].compactMap { $0?.lowercased() }
        return hosts.contains { $0 == authority }
    }

    private static func refusal(_ what: String) -> ServiceError {
        ServiceError(
            .permissionDenied,
            "request: \(what) is not this console's origin; a signed-in change must come from the console's own pages"
        )
    }
}
