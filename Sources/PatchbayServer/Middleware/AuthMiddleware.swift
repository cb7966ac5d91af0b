import HTTPTypes
import Hummingbird
import PatchbayCore

/// Turns `Authorization: Bearer pbt_…` or the console's session cookie into the request's caller, or answers 401.
/// Every check goes to the database, so a revoked token or ended session stops working on the next request. A
/// state-changing request that a cookie authenticates must also come from the console's own origin (CSRF).
struct AuthMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let identity: IdentityService

    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let header = request.headers[.authorization] {
            context.caller = try identity.authenticate(token: try Self.bearerToken(header))
        } else if let value = SessionCookie.value(in: request) {
            try OriginCheck.requireSameOrigin(request)
            (context.caller, context.sessionID) = try identity.authenticate(session: value)
        } else {
            throw ServiceError(
                .unauthenticated,
                "request: no Authorization header; send Authorization: Bearer <token> or sign in to the console"
            )
        }
        return try await next(request, context)
    }

    private static func bearerToken(_ header: String) throws(ServiceError) -> String {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else {
            throw ServiceError(
                .unauthenticated,
                "Authorization: not a bearer token; send Authorization: Bearer <token>"
            )
        }
        return String(parts[1])
    }
}
