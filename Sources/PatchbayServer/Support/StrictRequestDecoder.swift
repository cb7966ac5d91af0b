import Foundation
package import Hummingbird
import NIOCore
import PatchbayCore

/// A request body the API accepts: a JSON object of exactly these fields (unknown ones are refused).
protocol RequestBody: Decodable {
    /// Every field name the body may carry, as its JSON spells it.
    static var fields: Set<String> { get }
}

/// The request context's decoder: reads a body once and decodes it once, strictly. Too large is 413; anything
/// malformed, unknown or of the wrong type is 400 with a message that names the field.
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
        // Every body type lists its fields (a type that does not is a programming error: nothing would say which
        // fields it allows).
        guard let bodyType = T.self as? any RequestBody.Type else {
            throw ServiceError(.internal, "request body: \(T.self) does not list its fields; make it a RequestBody")
        }
        let data = Data(buffer.readableBytesView)
        func decode<Body: RequestBody>(_: Body.Type) throws -> Any {
            try JSONDecoder().decode(StrictBody<Body>.self, from: data).body
        }
        do {
            guard let body = try decode(bodyType) as? T else {
                throw ServiceError(.internal, "request body: decoded as another type than \(T.self)")
            }
            return body
        } catch let error as StrictBodyError {
            switch error {
            case .notAnObject:
                throw ServiceError(.invalidArgument, "request body: not a JSON object; send a JSON object")
            case .unknownField(let name):
                throw ServiceError(
                    .invalidArgument,
                    "request body: unknown field '\(name)'; allowed: \(bodyType.fields.sorted().joined(separator: ", "))"
                )
            }
        } catch DecodingError.dataCorrupted(let context) where context.codingPath.isEmpty {
            // Not JSON at all.
            throw ServiceError(.invalidArgument, "request body: not a JSON object; send a JSON object")
        } catch let error as DecodingError {
            throw ServiceError(.invalidArgument, "request body: \(Self.describe(error)); fix the field and retry")
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

/// Why a body was refused before its fields were decoded.
private enum StrictBodyError: Error {
    case notAnObject
    case unknownField(String)
}

/// The body's object checked for unknown members, then decoded as `Body`, from the same parse of the text.
private struct StrictBody<Body: RequestBody>: Decodable {
    let body: Body

    init(from decoder: any Decoder) throws {
        let members: KeyedDecodingContainer<MemberName>
        do {
            members = try decoder.container(keyedBy: MemberName.self)
        } catch {
            throw StrictBodyError.notAnObject
        }
        if let unknown = members.allKeys.map(\.stringValue).sorted().first(where: { !Body.fields.contains($0) }) {
            throw StrictBodyError.unknownField(unknown)
        }
        body = try Body(from: decoder)
    }

    /// Any member name.
    private struct MemberName: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }

        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
