import PatchbayProviderABI

/// The first fields of a plugin's descriptor, read without judging them: what the conformance checker reports
/// before the loader's own checks run.
package struct DescriptorHeader: Sendable, Equatable {
    package var productTag: UInt64
    package var abiMajor: UInt32
    package var abiMinor: UInt32
    package var structSize: UInt32

    /// Opens `path`, calls its entry point and reads the product tag, ABI version and struct size.
    package static func read(path: String) throws(PluginLoadError) -> DescriptorHeader {
        let library = try DynamicLibrary(path: path)
        guard let symbol = library.symbol(named: ProviderABI.entrySymbol) else {
            throw PluginLoadError(path: path, reason: .missingSymbol(ProviderABI.entrySymbol))
        }
        typealias Entry = @convention(c) () -> UnsafePointer<patchbay_provider>?
        let entry = unsafeBitCast(symbol, to: Entry.self)
        guard let raw = entry() else { throw PluginLoadError(path: path, reason: .nullEntry) }
        // Raw memory: a foreign struct may be smaller than ours, and these three fields never move.
        let header = UnsafeRawPointer(raw)
        return DescriptorHeader(
            productTag: header.loadUnaligned(as: UInt64.self),
            abiMajor: header.loadUnaligned(fromByteOffset: 8, as: UInt32.self),
            abiMinor: header.loadUnaligned(fromByteOffset: 12, as: UInt32.self),
            structSize: header.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
        )
    }
}
