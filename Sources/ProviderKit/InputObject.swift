#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A settings or credentials JSON object from the host, as strings: numbers and booleans are accepted and spelled
/// the way JSON spells them, so `organization_ids: 123` in YAML still works.
struct InputObject {
    private(set) var values: [String: String]
    let what: String
    let providerID: String

    init(_ bytes: some Collection<UInt8>, what: String, providerID: String) throws(ProviderKitError) {
        self.what = what
        self.providerID = providerID
        if bytes.isEmpty {
            values = [:]
            return
        }
        do {
            let decoded = try JSONDecoder().decode([String: Scalar?].self, from: Data(bytes))
            values = decoded.compactMapValues { $0?.text }
        } catch {
            throw ProviderKitError(
                .invalidArgument,
                "\(providerID): \(what) are not a JSON object of strings; pass {\"name\": \"value\", ...}"
            )
        }
    }

    /// Applies defaults, then checks required fields and (for settings) refuses names nobody declared.
    func checked(
        against fields: [Field],
        applyingDefaults: Bool,
        refusingUnknown: Bool
    ) throws(ProviderKitError)
        -> InputObject
    {
        var copy = self
        if refusingUnknown {
            let known = Set(fields.map(\.name))
            if let unknown = values.keys.sorted().first(where: { !known.contains($0) }) {
                let names = fields.map(\.name).joined(separator: ", ")
                throw ProviderKitError(
                    .invalidArgument,
                    "\(providerID): unknown \(what) key '\(unknown)'; known keys: \(names)"
                )
            }
        }
        for field in fields {
            if applyingDefaults, copy.values[field.name] == nil, let value = field.defaultValue {
                copy.values[field.name] = value
            }
            if field.isRequired, copy.values[field.name, default: ""].isEmpty {
                throw ProviderKitError(
                    .invalidArgument,
                    "\(providerID): \(what) lack required '\(field.name)' (\(field.label)); provide it"
                )
            }
        }
        return copy
    }

    var credentials: Credentials { Credentials(values) }

    /// A JSON scalar; objects and arrays fail decoding.
    private enum Scalar: Decodable {
        case string(String)
        case integer(Int64)
        case number(Double)
        case bool(Bool)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode(Int64.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else {
                self = .bool(try container.decode(Bool.self))
            }
        }

        var text: String {
            switch self {
            case .string(let value): value
            case .integer(let value): String(value)
            case .number(let value): String(value)
            case .bool(let value): String(value)
            }
        }
    }
}
