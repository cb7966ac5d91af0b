package import HTTPTypes
package import Hummingbird
import PatchbayCore

/// The one mapping from the core's error codes to HTTP statuses.
extension ServiceError: HTTPResponseError {
    package var status: HTTPResponse.Status {
        switch code {
        case .invalidArgument: .badRequest
        case .unauthenticated: .unauthorized
        case .permissionDenied: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .failedPrecondition: .unprocessableContent
        case .rateLimited: .tooManyRequests
        // A cancelled call here is a sync cut short by shutdown: the service was going away.
        case .unavailable, .cancelled: .serviceUnavailable
        case .internal: .internalServerError
        }
    }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        APIError(self).response()
    }
}
