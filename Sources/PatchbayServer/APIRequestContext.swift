package import Hummingbird
package import PatchbayCore

/// Per-request state of the API: Hummingbird's core context and, once `AuthMiddleware` ran, the caller.
package struct APIRequestContext: RequestContext {
    /// Largest request body the API reads; a larger one is answered 413.
    package static let maxBodyBytes = 64 * 1024

    package var coreContext: CoreRequestContextStorage
    package var caller: Caller?
    /// The console session the caller came with; nil for a bearer token.
    package var sessionID: Int64?

    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    package var maxUploadSize: Int { Self.maxBodyBytes }
    /// Bodies are decoded once, strictly: unknown fields are refused (`RequestBody`).
    package var requestDecoder: StrictRequestDecoder { StrictRequestDecoder() }
    /// Responses are written by the one JSON writer, as the CLI's `--json` is.
    package var responseEncoder: APIResponseEncoder { APIResponseEncoder() }

    /// The authenticated caller; routes behind `AuthMiddleware` always have one.
    func requireCaller() throws(ServiceError) -> Caller {
        guard let caller else {
            throw ServiceError(.unauthenticated, "request: no caller; send Authorization: Bearer <token>")
        }
        return caller
    }
}
