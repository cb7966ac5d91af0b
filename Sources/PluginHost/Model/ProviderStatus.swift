/// The status codes of the provider ABI, as Swift values. Raw values equal the header's PATCHBAY_* constants.
package enum ProviderStatus: Int32, Sendable, Equatable, CaseIterable, CustomStringConvertible {
    case ok = 0
    case invalidArgument = 1
    case unauthenticated = 2
    case permissionDenied = 3
    case notFound = 4
    case rateLimited = 5
    case unavailable = 6
    case cancelled = 7
    case `internal` = 8

    /// The status a plugin returned; codes this host does not know become `.internal`.
    package init(code: Int32) {
        self = ProviderStatus(rawValue: code) ?? .internal
    }

    /// The header's name without the prefix, e.g. `INVALID_ARGUMENT`.
    package var description: String {
        switch self {
        case .ok: "OK"
        case .invalidArgument: "INVALID_ARGUMENT"
        case .unauthenticated: "UNAUTHENTICATED"
        case .permissionDenied: "PERMISSION_DENIED"
        case .notFound: "NOT_FOUND"
        case .rateLimited: "RATE_LIMITED"
        case .unavailable: "UNAVAILABLE"
        case .cancelled: "CANCELLED"
        case .internal: "INTERNAL"
        }
    }
}
