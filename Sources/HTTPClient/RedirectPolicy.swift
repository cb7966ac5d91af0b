/// How the client follows a redirect itself (curl's FOLLOWLOCATION stays off so every hop passes the egress check).
enum RedirectPolicy {
    static let statuses: Set<Int> = [301, 302, 303, 307, 308]

    /// The `Location` of a redirect answer; nil when `response` is not one.
    static func location(of response: HTTPResponse) -> String? {
        guard statuses.contains(response.status), let location = response.header("location"), !location.isEmpty else {
            return nil
        }
        return location
    }

    /// The request to send to `target` after `status` from `source`.
    ///
    /// 303 turns into GET (HEAD stays HEAD), as 301/302 do for POST, which is what browsers and curl do; 307/308
    /// keep method and body. Leaving the origin (scheme, host or port) drops Authorization, Proxy-Authorization,
    /// Cookie and any header carrying one of `secrets`, unless the request opted into keeping them.
    static func follow(
        _ request: HTTPRequest,
        status: Int,
        from source: ParsedURL,
        to target: ParsedURL,
        secrets: [String]
    ) -> HTTPRequest {
        var next = request
        next.url = target.text
        let method = request.method.uppercased()
        if (status == 303 && method != "HEAD") || ((status == 301 || status == 302) && method == "POST") {
            next.method = "GET"
            next.body = []
            next.isIdempotent = true
            next.headers.removeAll { ["content-type", "content-length"].contains($0.name.lowercased()) }
        }
        if source.origin != target.origin && !request.keepsCredentialsOnRedirect {
            next.headers.removeAll { isCredential($0, secrets: secrets) }
        }
        return next
    }

    static func isCredential(_ header: HTTPHeader, secrets: [String]) -> Bool {
        let name = header.name.lowercased()
        if name == "authorization" || name == "proxy-authorization" || name == "cookie" {
            return true
        }
        return secrets.contains { !$0.isEmpty && header.value.contains($0) }
    }
}
