import PatchbayCore

/// Exit codes scripts can branch on (sysexits.h).
extension ServiceError.Code {
    var exitCode: Int32 {
        switch self {
        case .invalidArgument, .failedPrecondition: 65  // EX_DATAERR: the input (or the provider's view of it) is wrong
        case .notFound: 66  // EX_NOINPUT
        case .unavailable, .rateLimited: 69  // EX_UNAVAILABLE
        case .internal: 70  // EX_SOFTWARE
        case .conflict, .busy: 75  // EX_TEMPFAIL: try again later
        case .unauthenticated, .permissionDenied: 77  // EX_NOPERM
        case .cancelled: 130
        }
    }
}
