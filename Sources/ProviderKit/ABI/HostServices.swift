import PatchbayProviderABI

/// The host's service table, checked once when an instance is created: the only holder of `patchbay_host`.
final class HostServices: @unchecked Sendable {  // immutable; the host table and its functions are thread-safe
    typealias HTTPFunction =
        @convention(c) (
            OpaquePointer?,
            UnsafePointer<patchbay_http_request>?,
            UnsafeMutablePointer<UnsafeMutablePointer<patchbay_http_response>?>?,
            UnsafeMutablePointer<patchbay_buffer>?
        ) -> patchbay_status

    let httpRequest: HTTPFunction
    let freeResponse: @convention(c) (UnsafeMutablePointer<patchbay_http_response>?) -> Void
    let freeBuffer: @convention(c) (patchbay_buffer) -> Void
    let log: @convention(c) (OpaquePointer?, Int32, patchbay_buffer) -> Void
    let monotonicNanoseconds: @convention(c) () -> UInt64
    let isCancelled: @convention(c) (OpaquePointer?) -> Int32

    init(_ pointer: UnsafePointer<patchbay_host>?, providerID: String) throws(ProviderKitError) {
        guard let host = pointer else {
            throw ProviderKitError(.invalidArgument, "\(providerID): create got no host table; this is a host bug")
        }
        // Fields are read one by one through the pointer, never by copying the whole struct: an older host's table
        // may be shorter than this header's `patchbay_host`, and only what its `struct_size` covers may be read.
        guard host.pointee.abi_major == UInt32(PATCHBAY_ABI_MAJOR) else {
            throw ProviderKitError(
                .invalidArgument,
                "\(providerID): host speaks plugin ABI \(host.pointee.abi_major).x, plugin \(PATCHBAY_ABI_MAJOR).x; rebuild the plugin"
            )
        }
        // Every v1.0 service is required; fields a later minor appends are optional and read only when covered.
        guard Int(host.pointee.struct_size) >= Self.version1Size,
            let httpRequest = host.pointee.http_request,
            let freeResponse = host.pointee.free_response,
            let freeBuffer = host.pointee.free_buffer,
            let log = host.pointee.log,
            let monotonicNanoseconds = host.pointee.monotonic_ns,
            let isCancelled = host.pointee.is_cancelled
        else {
            throw ProviderKitError(.invalidArgument, "\(providerID): host table lacks a v1 service; update the host")
        }
        self.httpRequest = httpRequest
        self.freeResponse = freeResponse
        self.freeBuffer = freeBuffer
        self.log = log
        self.monotonicNanoseconds = monotonicNanoseconds
        self.isCancelled = isCancelled
    }

    /// The size of a v1.0 host table: up to the end of `get_extension`, its last field.
    static let version1Size =
        (MemoryLayout<patchbay_host>.offset(of: \patchbay_host.get_extension) ?? MemoryLayout<patchbay_host>.size)
        + MemoryLayout<UnsafeRawPointer?>.size

    /// Copies a host-owned message out and releases it.
    func takeMessage(_ buffer: patchbay_buffer) -> String? {
        guard buffer.data != nil else { return nil }
        defer { freeBuffer(buffer) }
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    func write(_ message: String, level: LogLevel, call: OpaquePointer?) {
        var text = message
        text.withUTF8 { log(call, level.rawValue, patchbay_buffer(data: $0.baseAddress, length: $0.count)) }
    }
}

/// Log levels of the host's `log` service.
public enum LogLevel: Int32, Sendable {
    case debug = 0
    case info = 1
    case warning = 2
    case error = 3
}
