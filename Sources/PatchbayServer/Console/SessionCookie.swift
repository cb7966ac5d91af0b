import Foundation
import Hummingbird

/// The console's session cookie: `HttpOnly` (page scripts never see it), `SameSite=Strict` (other sites' pages never
/// send it) and `Secure` when the console was reached over TLS.
enum SessionCookie {
    static let name = "patchbay_session"

    /// The session value the request carries, if any.
    static func value(in request: Request) -> String? {
        guard let value = request.cookies[name]?.value, !value.isEmpty else { return nil }
        return value
    }

    /// The cookie that signs a browser in until `expiresAt`.
    static func issue(_ value: String, expiresAt: Date, now: Date, for request: Request) -> Cookie {
        Cookie(
            name: name,
            value: value,
            maxAge: max(0, Int(expiresAt.timeIntervalSince(now))),
            path: "/",
            secure: isSecure(request),
            httpOnly: true,
            sameSite: .strict
        )
    }

    /// The cookie that makes the browser forget the session (which the server has already ended).
    static func clear(for request: Request) -> Cookie {
        Cookie(
            name: name,
            value: "",
            maxAge: 0,
            path: "/",
            secure: isSecure(request),
            httpOnly: true,
            sameSite: .strict
        )
    }

    /// Whether the browser reached the console over TLS: its `Origin` is `https://…`, or a TLS-terminating proxy in
    /// front says so. `patchbay serve` itself speaks plain HTTP (loopback by default). Marking a cookie `Secure`
    /// only narrows where it is sent, so trusting these headers can never widen it.
    static func isSecure(_ request: Request) -> Bool {
        if let origin = request.headers[.origin], origin.lowercased().hasPrefix("https://") { return true }
        if let proto = request.header(named: "X-Forwarded-Proto"), proto.lowercased() == "https" { return true }
        return request.uri.scheme == .https
    }
}
