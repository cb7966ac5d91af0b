import HTTPClient
import HTTPTypes
import HummingbirdTesting
import NIOCore

extension APIClient {
    /// Sends a request to the router through Hummingbird's test client: no socket, the same middleware and routes.
    func routerSend(
        _ method: String,
        _ path: String,
        fields: [HTTPHeader],
        body: String?
    ) async throws -> APIResponse {
        guard case .router(let client) = transport else { throw APIClientError("router: no router test client") }
        var headers = HTTPFields()
        for field in fields {
            guard let name = HTTPField.Name(field.name) else { throw APIClientError("header '\(field.name)': invalid") }
            headers.append(HTTPField(name: name, value: field.value))
        }
        let response = try await client.executeRequest(
            uri: path,
            method: HTTPTypes.HTTPRequest.Method(rawValue: method) ?? .get,
            headers: headers,
            body: body.map { ByteBuffer(string: $0) }
        )
        return APIResponse(
            status: response.status.code,
            headers: response.headers.map { HTTPHeader(name: $0.name.canonicalName, value: $0.value) },
            body: Array(response.body.readableBytesView)
        )
    }
}
