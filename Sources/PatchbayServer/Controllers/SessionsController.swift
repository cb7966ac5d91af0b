import Foundation
import Hummingbird
import PatchbayCore

/// Console sessions: sign in by exchanging an API token for a session cookie, list and revoke sessions like tokens,
/// sign out (which ends the session on the server, not just in the browser).
struct SessionsController {
    let services: APIServices

    /// `POST /v1/sessions` needs no caller: the token in its body is the credential.
    func addPublicRoutes(to group: RouterGroup<APIRequestContext>) {
        group.post("sessions", use: create)
    }

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("sessions", use: list)
            .delete("sessions/{id}", use: revoke)
    }

    @Sendable func create(_ request: Request, context: APIRequestContext) async throws -> EditedResponse<Reply<Created>>
    {
        // A browser always sends Origin on POST: another site's page must not sign a visitor in (login CSRF).
        if let origin = request.headers[.origin], !OriginCheck.isSameOrigin(origin, as: request) {
            throw ServiceError(
                .permissionDenied,
                "request: Origin '\(origin)' is not this console's origin; sign in from the console's own page"
            )
        }
        let body = try await request.decode(as: CreateSession.self, context: context)
        let issued = try await services.identity.createSession(
            token: body.token,
            userAgent: request.headers[.userAgent] ?? ""
        )
        var session = issued.session
        session.current = true
        let cookie = SessionCookie.issue(
            issued.value,
            expiresAt: session.expiresAt,
            now: session.createdAt,
            for: request
        )
        return EditedResponse(
            status: .created,
            headers: [.setCookie: cookie.description, .cacheControl: "no-store"],
            response: Reply(Created(session: session, user: issued.user))
        )
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> [String: [SessionSummary]] {
        let sessions = try services.identity.sessions(try context.requireCaller()).map { session in
            var session = session
            session.current = session.id == context.sessionID
            return session
        }
        return ["sessions": sessions]
    }

    /// `DELETE /v1/sessions/{id}`; `current` names the session the request came with (signing out).
    @Sendable func revoke(
        _ request: Request,
        context: APIRequestContext
    ) async throws -> EditedResponse<HTTPResponse.Status> {
        let caller = try context.requireCaller()
        let id: Int64
        if context.parameters.get("id") == "current" {
            guard let current = context.sessionID else {
                throw ServiceError(
                    .notFound,
                    "session 'current': this request came with a bearer token, not a session; name a session id"
                )
            }
            id = current
        } else {
            id = try context.identifier("id", of: "session")
        }
        try await services.identity.revokeSession(caller, id: id)
        // Signing out of this session also clears its cookie.
        let headers: HTTPFields =
            id == context.sessionID ? [.setCookie: SessionCookie.clear(for: request).description] : [:]
        return EditedResponse(headers: headers, response: .noContent)
    }

    struct CreateSession: RequestBody {
        static let fields: Set<String> = ["token"]
        let token: String
    }

    struct Created: Encodable {
        let session: SessionSummary
        let user: UserSummary
    }
}
