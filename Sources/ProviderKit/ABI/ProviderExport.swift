public import PatchbayProviderABI
import Synchronization

/// Exports a Swift provider through the C entry point. In the plugin, one line:
///
/// ```swift
/// @c(patchbay_provider_entry)
/// public func entry() -> ProviderEntryPoint { ProviderExport.entry(for: MyProvider.self) }
/// ```
public enum ProviderExport {
    /// Returns the provider's C descriptor, built on the first call and the same pointer afterwards. One library
    /// exports one provider: asking for a second type returns the first one's descriptor.
    public static func entry<P: Provider>(for type: P.Type) -> ProviderEntryPoint {
        ExportedProvider.register(type)
    }
}

/// What the entry point returns: a pointer to the static `patchbay_provider` descriptor.
public typealias ProviderEntryPoint = UnsafePointer<patchbay_provider>

/// The one provider type this library exports, and its descriptor.
enum ExportedProvider {
    private struct Export: @unchecked Sendable {  // the descriptor is immutable static data once built
        let type: any Provider.Type
        let descriptor: UnsafePointer<patchbay_provider>
        let id: String
    }

    private static let export = Mutex<Export?>(nil)

    static func register<P: Provider>(_ type: P.Type) -> UnsafePointer<patchbay_provider> {
        export.withLock { export in
            if let export { return export.descriptor }
            let descriptor = P.descriptor
            let built = Export(
                type: type,
                descriptor: CDescriptor.make(descriptor, counts: P.self is any CountingProvider.Type),
                id: descriptor.id
            )
            export = built
            return built.descriptor
        }
    }

    static var type: (any Provider.Type)? { export.withLock { $0?.type } }

    static var id: String { export.withLock { $0?.id } ?? "provider" }
}
