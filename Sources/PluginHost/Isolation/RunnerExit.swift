/// How a runner process ended.
enum RunnerExit: Sendable, Equatable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    /// "crashed (SIGSEGV)" or "exited with status 3": what the plugin did, for messages.
    var description: String {
        switch self {
        case .exited(let status): "exited with status \(status)"
        case .signaled(let signal): "crashed (\(Self.name(of: signal)))"
        }
    }

    static func name(of signal: Int32) -> String {
        switch signal {
        case 4: "SIGILL"
        case 5: "SIGTRAP"
        case 6: "SIGABRT"
        case 7: "SIGBUS"
        case 8: "SIGFPE"
        case 9: "SIGKILL"
        case 11: "SIGSEGV"
        case 13: "SIGPIPE"
        case 15: "SIGTERM"
        case 24: "SIGXCPU"
        case 25: "SIGXFSZ"
        case 31: "SIGSYS"
        default: "signal \(signal)"
        }
    }
}
