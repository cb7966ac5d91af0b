import Hummingbird
import NIOCore

/// `GET /v1/openapi.yaml`: the API's OpenAPI 3.1 document. Public: it describes the API, not anyone's data.
struct OpenAPIController {
    func addRoutes(to group: RouterGroup<APIRequestContext>) {
        group.get("openapi.yaml", use: document)
    }

    @Sendable func document(_ request: Request, context: APIRequestContext) async throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "application/yaml; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: OpenAPIDocument.yaml))
        )
    }
}
