import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Turns values into JSON responses: one encoder configuration for the whole API.
enum JSONResponse {
    /// Dates as ISO 8601 strings; keys as each type's `CodingKeys` spell them (snake_case).
    static func make(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return bytes(try encoder.encode(value), status: status)
        } catch {
            // Only a non-finite Double could fail, and no response carries one.
            return bytes(
                Data(#"{"error":{"code":"internal","message":"response: could not encode"}}"#.utf8),
                status: .internalServerError
            )
        }
    }

    /// A body already encoded as JSON.
    static func bytes(_ data: some Sequence<UInt8>, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data))
        )
    }

    /// 204: nothing to say.
    static var noContent: Response { Response(status: .noContent) }
}
