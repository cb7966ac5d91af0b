import PatchbayProviderABI
import Synchronization

/// One call in flight: the provider's way to the host's HTTP, log, clock and cancellation for that call.
///
/// Valid only until the provider function it was passed to returns; usable from any thread until then.
public struct Call: @unchecked Sendable {  // the host's call handle is thread-safe for the call's duration
    let services: HostServices
    let handle: OpaquePointer?
    let stop: StopSignal

    init(services: HostServices, handle: OpaquePointer?, stop: StopSignal = StopSignal()) {
        self.services = services
        self.handle = handle
        self.stop = stop
    }

    /// True once the host wants the call to stop, or once the host's page sink refused a page.
    public var isCancelled: Bool {
        stop.isSet || services.isCancelled(handle) != 0
    }

    /// Throws `cancelled` when `isCancelled`.
    public func checkCancellation() throws(ProviderKitError) {
        if isCancelled { throw ProviderKitError(.cancelled, "call cancelled by the host") }
    }

    /// Nanoseconds from an arbitrary fixed point; never goes backwards.
    public var monotonicNanoseconds: UInt64 { services.monotonicNanoseconds() }

    /// Writes a log line; the host redacts this call's credentials.
    public func log(_ level: LogLevel, _ message: String) {
        services.write(message, level: level, call: handle)
    }

    /// Sends a request through the host and returns whatever final status arrived (a 404 is the provider's to read).
    /// Throws the host's status (unavailable, permissionDenied for refused egress, cancelled, rateLimited, ...).
    public func http(_ request: HTTPRequest) throws(ProviderKitError) -> HTTPResponse {
        try HTTPExchange(request: request).perform(services: services, call: handle)
    }
}

/// Set once a call must stop (the sink refused a page); read by every worker of that call.
final class StopSignal: Sendable {
    private let flag = Atomic<Bool>(false)

    var isSet: Bool { flag.load(ordering: .acquiring) }

    func set() { flag.store(true, ordering: .releasing) }
}
