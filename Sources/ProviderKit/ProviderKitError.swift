/// An error a provider throws to end a call with a given status. Its message crosses the boundary: one line,
/// `<where>: <what went wrong>; <what to do>`, never a credential.
public struct ProviderKitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The statuses of the v1 contract (PATCHBAY_*), except OK.
    public enum Code: Int32, Sendable, Equatable {
        case invalidArgument = 1
        case unauthenticated = 2
        case permissionDenied = 3
        case notFound = 4
        case rateLimited = 5
        case unavailable = 6
        case cancelled = 7
        case `internal` = 8
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension ProviderKitError.Code {
    /// A status from the host, `internal` for OK or an unknown value (a host bug either way).
    init(status: Int32) {
        self = Self(rawValue: status) ?? .internal
    }
}
