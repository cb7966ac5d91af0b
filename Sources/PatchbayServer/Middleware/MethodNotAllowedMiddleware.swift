import Hummingbird
import Synchronization

/// Answers 405 with an `Allow` header, instead of the router's 404, when the path is a route but the method is not
/// one of its methods (TRACE, PATCH, …): the path exists, so "not found" would mislead (issue 15 item 15).
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    /// The routes, filled in once every route is registered (middleware is added before the routes it wraps).
    final class Routes: Sendable {
        private let patterns = Mutex<[(segments: [Substring], method: String)]>([])

        func set(_ routes: [(path: String, method: String)]) {
            patterns.withLock {
                $0 = routes.map { (segments: $0.path.split(separator: "/"), method: $0.method) }
            }
        }

        /// The methods of every route whose pattern matches `path`; `{name}` matches any one segment.
        func methods(for path: String) -> [String] {
            let segments = path.split(separator: "/")
            return patterns.withLock { patterns in
                patterns.filter { pattern in
                    pattern.segments.count == segments.count
                        && zip(pattern.segments, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
                }
                .map(\.method)
            }
        }
    }

    let routes: Routes

    func handle(
        _ request: Request,
        context: APIRequestContext,
        next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = Set(routes.methods(for: request.uri.path))
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            var response = APIError(HTTPError(.methodNotAllowed)).response()
            response.headers[.allow] = allowed.sorted().joined(separator: ", ")
            return response
        }
    }
}
