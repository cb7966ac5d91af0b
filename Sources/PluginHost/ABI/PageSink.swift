import PatchbayProviderABI

/// The `sink_context` of one list_networks call: forwards each page to Swift, on the plugin's thread.
final class PageSink {
    /// Receives the page bytes; returns the status the sink hands back to the plugin.
    private let handle: ([UInt8]) -> ProviderStatus

    init(_ handle: @escaping ([UInt8]) -> ProviderStatus) {
        self.handle = handle
    }

    /// Runs `body` with the C sink function and its context; the context lives until `body` returns.
    func withCallback<Result>(
        _ body: (patchbay_page_sink, UnsafeMutableRawPointer) -> Result
    ) -> Result {
        withExtendedLifetime(self) {
            body(Self.callback, Unmanaged.passUnretained(self).toOpaque())
        }
    }

    private static let callback: patchbay_page_sink = { call, context, page in
        // The context lives exactly as long as the call: after the call returned it is not touched.
        guard CallHandle.context(call) != nil else { return ProviderStatus.cancelled.rawValue }
        guard let context else { return ProviderStatus.internal.rawValue }
        let sink = Unmanaged<PageSink>.fromOpaque(context).takeUnretainedValue()
        let bytes = page.data.map { Array(UnsafeBufferPointer(start: $0, count: page.length)) } ?? []
        return sink.handle(bytes).rawValue
    }
}
