import Hummingbird
import PatchbayCore

extension Request {
    /// An optional integer query parameter; present but not an integer is a 400 naming it.
    func integerQuery(_ name: String) throws(ServiceError) -> Int64? {
        guard let text = uri.queryParameters.get(name) else { return nil }
        guard let value = Int64(text) else {
            throw ServiceError(.invalidArgument, "query '\(name)': '\(text)' is not an integer; pass a whole number")
        }
        return value
    }

    /// An optional boolean query parameter: `true` or `false`.
    func booleanQuery(_ name: String) throws(ServiceError) -> Bool? {
        guard let text = uri.queryParameters.get(name) else { return nil }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw ServiceError(.invalidArgument, "query '\(name)': '\(text)' is not a boolean; pass true or false")
        }
    }
}

extension APIRequestContext {
    /// A path parameter that names a numeric id, e.g. `{id}` in `/v1/integrations/{id}`.
    func identifier(_ name: String, of noun: String) throws(ServiceError) -> Int64 {
        guard let text = parameters.get(name), let id = Int64(text) else {
            throw ServiceError(.notFound, "\(noun) '\(parameters.get(name) ?? "")': not found; ids are whole numbers")
        }
        return id
    }

    /// A path parameter as written: a workspace is an id or a name.
    func text(_ name: String) throws(ServiceError) -> String {
        guard let text = parameters.get(name) else {
            throw ServiceError(.invalidArgument, "path: missing '\(name)'; see /v1/openapi.yaml")
        }
        return text
    }
}
