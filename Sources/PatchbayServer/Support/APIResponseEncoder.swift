import HTTPTypes
package import Hummingbird
import JSONText
import NIOCore

/// The request context's response encoder: every `ResponseEncodable` a route returns is written by the one JSON
/// writer (sorted keys, ISO 8601 dates), the encoder the CLI's `--json` uses too.
package struct APIResponseEncoder: ResponseEncoder {
    package init() {}

    package func encode(_ value: some Encodable, from request: Request, context: some RequestContext) throws -> Response
    {
        Self.response(try JSONWriter.bytes(of: value))
    }

    /// A 200 with `bytes` as its JSON body; a `ResponseGenerator` or an edited response changes the status.
    static func response(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }
}

/// A core value as a route answers it, encoded by the context's `APIResponseEncoder`. Core's types stay free of
/// Hummingbird; the API wraps them here (with `EditedResponse` for a status other than 200).
struct Reply<Value: Encodable & Sendable>: ResponseEncodable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}
