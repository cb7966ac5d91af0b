import Synchronization

/// Receives the pages of one list_networks call: decodes each, hands it to the caller, and remembers why it
/// stopped the plugin, if it did.
final class PageCollector: Sendable {
    private let decoder: ReplyDecoder
    private let onPage: @Sendable ([ProviderNetwork]) throws -> Void
    private let stored = Mutex<ProviderError?>(nil)

    init(providerID: String, onPage: @escaping @Sendable ([ProviderNetwork]) throws -> Void) {
        self.decoder = ReplyDecoder(providerID: providerID)
        self.onPage = onPage
    }

    /// The first error that made the sink refuse a page.
    var failure: ProviderError? { stored.withLock { $0 } }

    /// The sink: OK to continue, anything else tells the plugin to stop.
    func receive(_ page: [UInt8]) -> ProviderStatus {
        if failure != nil { return .cancelled }
        let networks: [ProviderNetwork]
        do {
            networks = try decoder.page(page)
        } catch {
            record(error)
            return .internal
        }
        do {
            try onPage(networks)
            return .ok
        } catch let error as ProviderError {
            record(error)
        } catch {
            record(
                ProviderError(providerID: decoder.providerID, status: .cancelled, message: "listing stopped: \(error)")
            )
        }
        return .cancelled
    }

    private func record(_ error: ProviderError) {
        stored.withLock { stored in
            if stored == nil { stored = error }
        }
    }
}
