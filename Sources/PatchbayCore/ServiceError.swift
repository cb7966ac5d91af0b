/// The one error the core services throw. `code` is stable (surfaces map it to HTTP statuses and exit codes);
/// `message` is one line, `<where>: <what went wrong>; <what to do>`, and never holds a secret.
package struct ServiceError: Error, Equatable, Sendable, CustomStringConvertible {
    package enum Code: String, Sendable, Equatable, CaseIterable {
        case invalidArgument = "invalid_argument"
        case unauthenticated
        case permissionDenied = "permission_denied"
        case notFound = "not_found"
        case conflict
        /// The provider refused what it was given (a bad API key, a missing right).
        case failedPrecondition = "failed_precondition"
        case rateLimited = "rate_limited"
        case unavailable
        /// Another writer held the database longer than a write may wait; nothing was changed, try again.
        case busy
        case cancelled
        case `internal`
    }

    package let code: Code
    package let message: String

    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { message }
}
