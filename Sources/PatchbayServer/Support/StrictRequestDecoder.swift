import Foundation
package import Hummingbird
import NIOCore
import PatchbayCore

/// A request body the API accepts: a JSON object of exactly these fields (unknown ones are refused).
protocol RequestBody: Decodable {
    /// Every field name the body may carry, as its JSON spells it.
    static var fields: Set<String> { get }
}

/// The request context's decoder: reads a body once and decodes it strictly. Too large is 413; anything malformed,
/// unknown or of the wrong type is 400 with a message that names the field.
package struct StrictRequestDecoder: RequestDecoder {
    package init() {}

    package func decode<T: Decodable>(
        _ type: T.Type,
        from request: Request,
        context: some RequestContext
    ) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: context.maxUploadSize)
        } catch {
            throw APIError(HTTPError(.contentTooLarge))
        }
        let data = Data(buffer.readableBytesView)
        guard let object = try? JSONSerialization.jsonObject(with: data), let members = object as? [String: Any]
        else {
            throw ServiceError(.invalidArgument, "request body: not a JSON object; send a JSON object")
        }
        // Every body type lists its fields; a type that does not is a programming error, refused the same way.
        let fields = (T.self as? any RequestBody.Type)?.fields ?? []
        if let unknown = members.keys.sorted().first(where: { !fields.contains($0) }) {
            throw ServiceError(
                .invalidArgument,
                "request body: unknown field '\(unknown)'; allowed: \(fields.sorted().joined(separator: ", "))"
            )
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw ServiceError(.invalidArgument, "request body: \(Self.describe(error)); fix the field and retry")
        } catch {
            throw ServiceError(.invalidArgument, "request body: not valid JSON; send a JSON object")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "field '\(path(context.codingPath))' must be \(Self.name(of: type))"
        case .valueNotFound(let type, let context):
            return "field '\(path(context.codingPath))' must be \(Self.name(of: type)), not null"
        case .keyNotFound(let key, let context):
            return "missing field '\(path(context.codingPath + [key]))'"
        case .dataCorrupted(let context):
            return "field '\(path(context.codingPath))' is malformed"
        @unknown default:
            return "malformed"
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Double.Type: "a number"
        default: "an object of strings"
        }
    }
}
