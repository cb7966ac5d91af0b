import Foundation
import HTTPTypes
import Hummingbird
import PatchbayCore

/// The operator console at `/`: one HTML page for every console path (its script draws the page the path names,
/// from `/v1` only) and the files it loads. A console page asked for without a live session redirects to sign-in.
struct ConsoleController {
    let services: APIServices
    var assets = ConsoleAssets.bundled

    /// Paths of the console's pages; `{id}` is any whole number.
    static let pages = [
        "integrations", "integrations/new", "integrations/{id}/syncs", "networks", "networks/{id}", "providers",
        "users",
    ]

    func addRoutes(to router: Router<APIRequestContext>) {
        router.get("/", use: root)
        router.get("sign-in", use: signIn)
        for path in Self.pages { router.get(RouterPath(path), use: page) }
        router.get("assets/{name}", use: asset)
        router.get("favicon.ico", use: favicon)
    }

    @Sendable func root(_ request: Request, context: APIRequestContext) async throws -> Response {
        redirect(to: isSignedIn(request) ? "/integrations" : "/sign-in")
    }

    @Sendable func signIn(_ request: Request, context: APIRequestContext) async throws -> Response {
        try serve("sign-in.html", request: request, cache: "no-store")
    }

    @Sendable func page(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard isSignedIn(request) else {
            let path = request.uri.path
            let query = request.uri.query.map { "?" + $0 } ?? ""
            let next = (path + query).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "%2F"
            return redirect(to: "/sign-in?next=\(next)")
        }
        return try serve("index.html", request: request, cache: "no-store")
    }

    @Sendable func asset(_ request: Request, context: APIRequestContext) async throws -> Response {
        try serve(try context.text("name"), request: request, cache: "no-cache")
    }

    /// Browsers ask for `/favicon.ico` on their own; the console's icon is an SVG.
    @Sendable func favicon(_ request: Request, context: APIRequestContext) async throws -> Response {
        try serve("favicon.svg", request: request, cache: "no-cache")
    }

    private func isSignedIn(_ request: Request) -> Bool {
        guard let value = SessionCookie.value(in: request) else { return false }
        return (try? services.identity.authenticate(session: value)) != nil
    }

    private func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    private func serve(_ name: String, request: Request, cache: String) throws -> Response {
        if let failure = assets.failure { throw ServiceError(.unavailable, failure) }
        guard let asset = assets[name] else {
            throw ServiceError(.notFound, "console: no file '\(name)'; the console's pages start at /")
        }
        var headers: HTTPFields = [.contentType: asset.contentType, .cacheControl: cache, .eTag: asset.etag]
        if request.headers[.ifNoneMatch] == asset.etag {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(asset.bytes.readableBytes)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: asset.bytes))
    }
}
