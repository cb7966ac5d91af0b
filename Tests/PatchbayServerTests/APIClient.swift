import Foundation
import HTTPClient
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

/// The project's libcurl client pointed at the server on loopback. Blocking calls run on dedicated threads, so the
/// server keeps Swift's cooperative threads.
struct APIClient: Sendable {
    let port: Int
    private let client: HTTPClient

    init(port: Int) {
        self.port = port
        var logger = Logger(label: "api-client")
        logger.logLevel = .critical
        client = HTTPClient(
            configuration: HTTPClientConfiguration(allowedHosts: ["127.0.0.1:\(port)"], maxRetries: 0, maxRedirects: 0),
            logger: logger
        )
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
        let request = HTTPRequest(
            method: method,
            url: "http://127.0.0.1:\(port)\(path)",
            headers: fields,
            body: Array((body ?? "").utf8)
        )
        let client = client
        let response = try await onOwnThread {
            try client.perform(request, context: HTTPCallContext())
        }
        return APIResponse(status: response.status, headers: response.headers, body: response.body)
    }
}
