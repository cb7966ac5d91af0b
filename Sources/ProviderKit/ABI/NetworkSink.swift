import PatchbayProviderABI
import Synchronization

/// Where `listNetworks` hands its pages: each `send` becomes one `{"networks": [...]}` page for the host.
///
/// Safe to call from several threads: pages are handed over one at a time, as the contract asks.
public final class NetworkSink: @unchecked Sendable {  // the host's sink and context are used under `lock` only
    private let function: patchbay_page_sink
    private let context: UnsafeMutableRawPointer?
    private let call: Call
    private let lock = Mutex(())

    init(function: patchbay_page_sink, context: UnsafeMutableRawPointer?, call: Call) {
        self.function = function
        self.context = context
        self.call = call
    }

    /// Hands one page to the host. Throws the host's status when it wants the listing to stop; every other worker
    /// of the call then sees `call.isCancelled`.
    public func send(_ networks: [Network]) throws(ProviderKitError) {
        guard !networks.isEmpty else { return }
        let page = networks.pageJSON
        let status = lock.withLock { _ in
            page.withUnsafeBufferPointer { bytes in
                function(call.handle, context, patchbay_buffer(data: bytes.baseAddress, length: bytes.count))
            }
        }
        guard status == PATCHBAY_OK else {
            call.stop.set()
            throw ProviderKitError(
                ProviderKitError.Code(status: status),
                "listing stopped by the host (status \(status))"
            )
        }
    }
}
