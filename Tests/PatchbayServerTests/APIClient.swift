import Foundation
import HTTPClient
import HummingbirdTesting
import Logging
import PatchbayCore
import PatchbayTestSupport

/// One answer of the API, with its body decoded when it is JSON.
struct APIResponse: Sendable {
    let status: Int
    let headers: [HTTPHeader]
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object; empty when it is not one.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }

    /// `error.code` of an error body.
    var errorCode: String? { (object["error"] as? [String: Any])?["code"] as? String }

    func header(_ name: String) -> String? {
        headers.last { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// How a test reaches the API: through Hummingbird's router test client (no socket: the request goes straight to
/// the router and its middleware), or the project's libcurl client to a server listening on loopback, for what only a
/// real connection shows (graceful shutdown, headers as a real HTTP parser hands them over, origins and redirects).
struct APIClient: Sendable {
    /// The listening port; 0 when requests go to the router without a socket.
    let port: Int
    let transport: Transport

    enum Transport: Sendable {
        case socket(HTTPClient)
        case router(any TestClientProtocol)
    }

    init(port: Int) {
        self.port = port
        var logger = Logger(label: "api-client")
        logger.logLevel = .critical
        transport = .socket(
            HTTPClient(
                configuration: HTTPClientConfiguration(
                    allowedHosts: ["127.0.0.1:\(port)"],
                    maxRetries: 0,
                    maxRedirects: 0
                ),
                logger: logger
            )
        )
    }

    init(router client: any TestClientProtocol) {
        self.port = 0
        transport = .router(client)
    }

    func send(
        _ method: String,
        _ path: String,
        token: String?,
        body: String? = nil,
        headers: [String: String] = [:]
    ) async throws -> APIResponse {
        var fields = headers.map { HTTPHeader(name: $0.key, value: $0.value) }
        if let token { fields.append(HTTPHeader(name: "Authorization", value: "Bearer \(token)")) }
        if body != nil { fields.append(HTTPHeader(name: "Content-Type", value: "application/json")) }
        guard case .socket(let client) = transport else {
            return try await routerSend(method, path, fields: fields, body: body)
        }
        let request = HTTPRequest(
            method: method,
            url: "http://127.0.0.1:\(port)\(path)",
            headers: fields,
            body: Array((body ?? "").utf8)
        )
        let response = try await onOwnThread {
            try client.perform(request, context: HTTPCallContext())
        }
        return APIResponse(status: response.status, headers: response.headers, body: response.body)
    }
}

struct APIClientError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
