import Foundation
package import HTTPTypes
package import Hummingbird
import JSONText
import NIOCore
package import PatchbayCore

/// An error as the API answers it: `{"error":{"code":"not_found","message":"..."}}`, with `run_id` on a sync
/// conflict. `code` is always a `ServiceError.Code` raw value.
package struct APIError: Error, HTTPResponseError {
    package let status: HTTPResponse.Status
    package let code: ServiceError.Code
    package let message: String
    package var runID: Int64?

    package init(status: HTTPResponse.Status, code: ServiceError.Code, message: String, runID: Int64? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.runID = runID
    }

    init(_ error: ServiceError, runID: Int64? = nil) {
        self.init(status: error.status, code: error.code, message: error.message, runID: runID)
    }

    /// Hummingbird's own errors (no route, body too large, bad parameter) in the API's shape.
    init(_ error: HTTPError) {
        let code: ServiceError.Code =
            switch error.status {
            case .unauthorized: .unauthenticated
            case .forbidden: .permissionDenied
            case .notFound: .notFound
            case .conflict: .conflict
            case .tooManyRequests: .rateLimited
            case .serviceUnavailable: .unavailable
            case .internalServerError: .internal
            default: .invalidArgument
            }
        let message =
            switch error.status {
            case .contentTooLarge:
                "request body: larger than \(APIRequestContext.maxBodyBytes) bytes; send a smaller body"
            case .notFound: "route: not found; GET /v1/openapi.yaml lists the API"
            case .methodNotAllowed: "route: method not allowed; GET /v1/openapi.yaml lists the API"
            default: "request: \(error.body ?? error.status.reasonPhrase)"
            }
        self.init(status: error.status, code: code, message: message)
    }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }

    func response() -> Response {
        let envelope = Envelope(error: Body(code: code.rawValue, message: message, runID: runID))
        // Three strings and a number: encoding cannot fail, but an error path must not throw.
        let bytes = (try? JSONWriter.bytes(of: envelope)) ?? Array(#"{"error":{"code":"internal"}}"#.utf8)
        return APIResponseEncoder.response(bytes, status: status)
    }

    private struct Envelope: Encodable {
        let error: Body
    }

    private struct Body: Encodable {
        let code: String
        let message: String
        let runID: Int64?

        enum CodingKeys: String, CodingKey {
            case code, message
            case runID = "run_id"
        }
    }
}
