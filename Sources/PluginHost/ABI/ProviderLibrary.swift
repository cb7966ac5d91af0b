import PatchbayProviderABI

/// A plugin library whose descriptor passed every check: the only holder of its `patchbay_provider` pointer.
struct ProviderLibrary: @unchecked Sendable {  // the descriptor is immutable static data, valid for the process
    let path: String
    let descriptor: ProviderDescriptor
    let raw: UnsafePointer<patchbay_provider>
    /// `patchbay.counts/1`, when the plugin offers it.
    let countsExtension: UnsafePointer<patchbay_counts_extension>?

    /// Opens the library, finds its entry point and checks the descriptor, in the order the header promises:
    /// product tag, major version, struct size, then every field.
    static func open(path: String) throws(PluginLoadError) -> ProviderLibrary {
        let library = try DynamicLibrary(path: path)
        guard let symbol = library.symbol(named: ProviderABI.entrySymbol) else {
            throw PluginLoadError(path: path, reason: .missingSymbol(ProviderABI.entrySymbol))
        }
        typealias Entry = @convention(c) () -> UnsafePointer<patchbay_provider>?
        let entry = unsafeBitCast(symbol, to: Entry.self)
        guard let raw = entry() else { throw PluginLoadError(path: path, reason: .nullEntry) }
        // The first three fields are read through raw memory: a foreign struct may be smaller than ours.
        let header = UnsafeRawPointer(raw)
        let tag = header.loadUnaligned(as: UInt64.self)
        guard tag == ProviderABI.productTag else { throw PluginLoadError(path: path, reason: .notAProvider(tag: tag)) }
        let major = header.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
        guard major == ProviderABI.major else {
            throw PluginLoadError(path: path, reason: .incompatibleABI(plugin: major, host: ProviderABI.major))
        }
        let size = header.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
        guard size >= ProviderABI.minimumDescriptorSize else {
            throw PluginLoadError(
                path: path,
                reason: .descriptorTooSmall(size: size, minimum: ProviderABI.minimumDescriptorSize)
            )
        }
        let descriptor = try DescriptorReader(path: path, raw: raw.pointee).read()
        let counts = try countsExtension(of: raw.pointee, path: path)
        return ProviderLibrary(path: path, descriptor: descriptor, raw: raw, countsExtension: counts)
    }

    private static func countsExtension(
        of raw: patchbay_provider,
        path: String
    ) throws(PluginLoadError) -> UnsafePointer<patchbay_counts_extension>? {
        guard let found = raw.get_extension(ProviderABI.countsExtensionID) else { return nil }
        let counts = found.assumingMemoryBound(to: patchbay_counts_extension.self)
        guard counts.pointee.struct_size >= ProviderABI.minimumCountsExtensionSize, counts.pointee.counts != nil else {
            throw PluginLoadError(
                path: path,
                reason: .invalidField(
                    field: "get_extension(\"\(ProviderABI.countsExtensionID)\")",
                    what: "returned a struct that is too small or has a NULL counts",
                    fix: "return a complete patchbay_counts_extension or NULL"
                )
            )
        }
        return counts
    }
}
