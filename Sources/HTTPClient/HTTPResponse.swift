/// The final answer to a request, after redirects and retries.
package struct HTTPResponse: Sendable, Equatable {
    package var status: Int
    /// Names lower-cased, in the order received.
    package var headers: [HTTPHeader]
    package var body: [UInt8]
    package var finalURL: String

    package init(status: Int, headers: [HTTPHeader], body: [UInt8], finalURL: String) {
        self.status = status
        self.headers = headers
        self.body = body
        self.finalURL = finalURL
    }

    /// The first value of a header, by case-insensitive name.
    package func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}
