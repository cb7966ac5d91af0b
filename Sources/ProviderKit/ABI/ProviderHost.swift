import PatchbayProviderABI

/// The host as a provider instance sees it outside any call: logging and the clock.
public struct ProviderHost: Sendable {
    let services: HostServices

    /// Writes a log line that belongs to no call.
    public func log(_ level: LogLevel, _ message: String) {
        services.write(message, level: level, call: nil)
    }

    /// Nanoseconds from an arbitrary fixed point; never goes backwards.
    public var monotonicNanoseconds: UInt64 { services.monotonicNanoseconds() }
}
