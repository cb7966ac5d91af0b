import Hummingbird
import Logging

/// One log line per request: method, route pattern (never the raw URI: it may hold a query the client considers
/// private), status, duration and request id. Headers are never logged, so neither is a token.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let logger: Logger

    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        logger.info(
            "request",
            metadata: [
                "method": "\(request.method.rawValue)",
                "route": "\(context.endpointPath ?? "unmatched")",
                "status": "\(response.status.code)",
                "duration_ms": "\(Double(microseconds) / 1000)",
                "request_id": "\(context.id)",
            ]
        )
        return response
    }
}
