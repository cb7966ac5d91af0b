import HTTPTypes
import Hummingbird

/// Security headers on every response, console page or API: a strict Content-Security-Policy (scripts, styles and
/// images only from this origin, no inline script, no framing), no MIME sniffing, and no Referer leaving the page.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    static let contentSecurityPolicy = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "connect-src 'self'",
        "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.setHeader(named: "Referrer-Policy", to: "no-referrer")
        response.setHeader(named: "X-Frame-Options", to: "DENY")  // for browsers that predate frame-ancestors
        return response
    }
}
