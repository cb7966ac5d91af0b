package import Hummingbird
import Logging
import PatchbayCore

/// The one place errors become responses: every error, whatever threw it, leaves as the API's JSON error shape.
/// Anything that is not already an API error is a 500 with a generic message; its detail goes to the log only,
/// under the request id the client is given.
package struct ErrorMiddleware: RouterMiddleware {
    package typealias Context = APIRequestContext

    package init() {}

    package func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response()
        } catch let error as ServiceError where error.code != .internal {
            return APIError(error).response()
        } catch let error as HTTPError {
            return APIError(error).response()
        } catch {
            let requestID = context.id
            context.logger.error(
                "request failed",
                metadata: ["request_id": "\(requestID)", "error": "\(Self.detail(of: error))"]
            )
            return APIError(
                status: .internalServerError,
                code: .internal,
                message: "server: internal error (request \(requestID)); the server log has the detail"
            ).response()
        }
    }

    /// A core `internal` error's message names the thing and never a secret; other errors are described by type.
    private static func detail(of error: any Error) -> String {
        if let error = error as? ServiceError { return error.message }
        return String(describing: type(of: error))
    }
}
