import Foundation
import Hummingbird
import PatchbayCore

/// The caller's API tokens: list, create (the value is shown once, in the 201), revoke.
struct TokensController {
    let services: APIServices

    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("tokens", use: list)
            .post("tokens", use: create)
            .delete("tokens/{id}", use: revoke)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> [String: [TokenSummary]] {
        ["tokens": try services.identity.tokens(try context.requireCaller())]
    }

    @Sendable func create(
        _ request: Request,
        context: APIRequestContext
    ) async throws -> EditedResponse<Reply<IssuedToken>> {
        let caller = try context.requireCaller()
        let body = try await request.decode(as: CreateToken.self, context: context)
        let longest = Int64(IdentityService.maximumTokenLifetime)
        if let seconds = body.expiresInSeconds, !(1...longest).contains(seconds) {
            throw ServiceError(
                .invalidArgument,
                "expires_in_seconds \(seconds): out of range; use 1 to \(longest) (10 years), or omit it"
            )
        }
        let issued = try await services.identity.createToken(
            caller,
            name: body.name,
            expiresIn: body.expiresInSeconds.map { TimeInterval($0) }
        )
        return EditedResponse(status: .created, response: Reply(issued))
    }

    @Sendable func revoke(_ request: Request, context: APIRequestContext) async throws -> HTTPResponse.Status {
        let (caller, id) = (try context.requireCaller(), try context.identifier("id", of: "token"))
        try await services.identity.revokeToken(caller, id: id)
        return .noContent
    }

    struct CreateToken: RequestBody {
        static let fields: Set<String> = ["name", "expires_in_seconds"]
        let name: String
        let expiresInSeconds: Int64?

        enum CodingKeys: String, CodingKey {
            case name
            case expiresInSeconds = "expires_in_seconds"
        }
    }
}
