public import ProviderKit

/// The one symbol the host looks up in libPatchbayMeraki.so.
@c(patchbay_provider_entry)
public func entry() -> ProviderEntryPoint { ProviderExport.entry(for: MerakiProvider.self) }
