/// A request as the loopback server received it.
package struct LoopbackRequest: Sendable {
    /// 0-based order of arrival at this server.
    package var index: Int
    package var method: String
    /// The path without the query, e.g. `/networks`.
    package var path: String
    /// The query without `?`, or empty.
    package var query: String
    /// As received, in order; names as the client spelled them.
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]
    /// The client's TCP port: two requests with the same port came over one connection.
    package var remotePort: Int?

    package init(
        index: Int = 0,
        method: String,
        path: String,
        query: String = "",
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = [],
        remotePort: Int? = nil
    ) {
        self.index = index
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remotePort = remotePort
    }

    /// The first value of a header, by case-insensitive name.
    package func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    package var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// What the loopback server answers to one request.
package struct LoopbackResponse: Sendable {
    package var status: Int
    package var headers: [(name: String, value: String)]
    package var body: [UInt8]
    /// Waited (asynchronously, in the server) before answering: how a test provokes client timeouts.
    package var delay: Duration

    package init(
        status: Int = 200,
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = [],
        delay: Duration = .zero
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    /// A `text/plain` answer.
    package static func text(_ text: String, status: Int = 200) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Content-Type", "text/plain")], body: Array(text.utf8))
    }

    /// An `application/json` answer; `json` is sent as written.
    package static func json(_ json: String, status: Int = 200) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Content-Type", "application/json")], body: Array(json.utf8))
    }

    /// A redirect to `location`.
    package static func redirect(to location: String, status: Int = 302) -> LoopbackResponse {
        LoopbackResponse(status: status, headers: [("Location", location)])
    }
}

extension LoopbackServer {
    /// A handler that answers the n-th request with `responses[n]`, and every later one with the last response.
    package static func script(_ responses: [LoopbackResponse]) -> LoopbackHandler {
        { request in
            responses.isEmpty ? LoopbackResponse(status: 404) : responses[min(request.index, responses.count - 1)]
        }
    }
}
