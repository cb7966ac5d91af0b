import HTTPTypes
import Hummingbird
import PatchbayCore

/// Turns `Authorization: Bearer pbt_…` into the request's caller, or answers 401. Every token check goes to the
/// database, so a revoked token stops working on the next request.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let identity: IdentityService

    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw ServiceError(.unauthenticated, "request: no Authorization header; send Authorization: Bearer <token>")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].isEmpty else {
            throw ServiceError(
                .unauthenticated,
                "Authorization: not a bearer token; send Authorization: Bearer <token>"
            )
        }
        var context = context
        context.caller = try identity.authenticate(token: String(parts[1]))
        return try await next(request, context)
    }
}
