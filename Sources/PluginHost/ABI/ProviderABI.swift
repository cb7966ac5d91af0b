import PatchbayProviderABI

/// The constants of patchbay_provider.h this host was built with, as Swift values.
package enum ProviderABI {
    package static let productTag = UInt64(PATCHBAY_PRODUCT_TAG)
    package static let major = UInt32(PATCHBAY_ABI_MAJOR)
    package static let minor = UInt32(PATCHBAY_ABI_MINOR)
    package static let entrySymbol = PATCHBAY_ENTRY_SYMBOL
    /// `sizeof(patchbay_provider)` of ABI 1.0: the least a v1 descriptor may declare. Never changes within v1.
    package static let minimumDescriptorSize = 168
    /// `sizeof(patchbay_http_request)` of ABI 1.0.
    package static let minimumHTTPRequestSize = 72
    /// `sizeof(patchbay_counts_extension)` of `patchbay.counts/1`.
    package static let minimumCountsExtensionSize = 16
    /// `sizeof(patchbay_provider)` of ABI 1.1, which appended min_host_minor, reserved_1_1 and extensions.
    package static let appendedDescriptorSize = 184
    package static let countsExtensionID = PATCHBAY_EXT_COUNTS
    static let concurrentFlag = UInt32(PATCHBAY_PROVIDER_CONCURRENT)
    static let requiredFieldFlag = UInt32(PATCHBAY_FIELD_REQUIRED)
    static let secretFieldFlag = UInt32(PATCHBAY_FIELD_SECRET)
    package static let version = "\(major).\(minor)"
}
