import PatchbayProviderABI
import Synchronization

/// Where `listNetworks` hands its pages: each `send` becomes one `{"networks": [...]}` page for the host.
///
/// Safe to call from several threads: pages are handed over one at a time, as the contract asks.
public final class NetworkSink: @unchecked Sendable {  // the host's sink and context are used under `refusal` only
    private let function: patchbay_page_sink
    private let context: UnsafeMutableRawPointer?
    private let call: Call
    /// The host's answer once it refused a page: later pages are never handed over (the contract: stop).
    private let refusal = Mutex<patchbay_status>(PATCHBAY_OK)

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
        let status = refusal.withLock { refusal in
            // Another worker's page was refused while this one was being built: stop without asking again.
            guard refusal == PATCHBAY_OK else { return refusal }
            refusal = page.withUnsafeBufferPointer { bytes in
                function(call.handle, context, patchbay_buffer(data: bytes.baseAddress, length: bytes.count))
            }
            return refusal
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
