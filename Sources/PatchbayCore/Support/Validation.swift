import Foundation

/// Checks of user-supplied names, shared by every service.
enum Validation {
    static func name(_ value: String, field: String) throws(ServiceError) {
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ServiceError(.invalidArgument, "\(field): empty; give a name")
        }
        guard value.count <= 200 else {
            throw ServiceError(.invalidArgument, "\(field): longer than 200 characters; shorten it")
        }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ServiceError(.invalidArgument, "\(field): contains control characters; remove them")
        }
    }
}
