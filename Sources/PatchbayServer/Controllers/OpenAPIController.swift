import Hummingbird
import NIOCore
import PatchbayCore

/// `GET /v1/openapi.yaml`: the API's OpenAPI 3.1 document. Public: it describes the API, not anyone's data.
struct OpenAPIController {
    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("openapi.yaml", use: document)
    }

    @Sendable func document(_ request: Request, context: APIRequestContext) async throws -> Response {
        guard let yaml = OpenAPIDocument.yaml else {
            throw ServiceError(
                .internal,
                "openapi.yaml: missing from the build (PatchbayServer resources); rebuild patchbay"
            )
        }
        return Response(
            status: .ok,
            headers: [.contentType: "application/yaml; charset=utf-8"],
            body: ResponseBody(byteBuffer: yaml)
        )
    }
}
