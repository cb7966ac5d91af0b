import PatchbayProviderABI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plugin library whose descriptor passed every check: the only holder of its `patchbay_provider` pointer.
struct ProviderLibrary: @unchecked Sendable {  // the descriptor is immutable static data, valid for the process
    let path: String
    let descriptor: ProviderDescriptor
    let raw: UnsafePointer<patchbay_provider>
    /// `patchbay.counts/1`, when the plugin offers it.
    let countsExtension: UnsafePointer<patchbay_counts_extension>?

    /// Opens the library (by `path`, or the already open `file` whose hash was checked), finds its entry point and
    /// checks the descriptor (`DescriptorReader`).
    /// `onStage` hears where loading got to, so a load that never ends can be pinned on the code that blocks.
    static func open(
        path: String,
        file: PinnedFile? = nil,
        onStage: (LoadStage) -> Void = { _ in }
    ) throws(PluginLoadError) -> ProviderLibrary {
        onStage(.constructors)
        let library = try DynamicLibrary(path: path, file: file)
        guard let symbol = library.symbol(named: ProviderABI.entrySymbol) else {
            throw PluginLoadError(path: path, reason: .missingSymbol(ProviderABI.entrySymbol))
        }
        typealias Entry = @convention(c) () -> UnsafePointer<patchbay_provider>?
        let entry = unsafeBitCast(symbol, to: Entry.self)
        onStage(.entry)
        guard let raw = entry() else { throw PluginLoadError(path: path, reason: .nullEntry) }
        onStage(.descriptor)
        let copied = copy(raw)
        let descriptor = try DescriptorReader(path: path, raw: copied).read()
        let counts =
            copied.body?.counts == .usable
            ? raw.pointee.get_extension(ProviderABI.countsExtensionID)?.assumingMemoryBound(
                to: patchbay_counts_extension.self
            ) : nil
        return ProviderLibrary(path: path, descriptor: descriptor, raw: raw, countsExtension: counts)
    }

    /// The descriptor as Swift values, reading only what the header promises is there: the first fields through
    /// raw memory (a foreign struct may be smaller than ours), the rest only when struct_size covers them.
    private static func copy(_ raw: UnsafePointer<patchbay_provider>) -> RawDescriptor {
        let header = UnsafeRawPointer(raw)
        var copied = RawDescriptor(
            productTag: header.loadUnaligned(as: UInt64.self),
            abiMajor: header.loadUnaligned(fromByteOffset: 8, as: UInt32.self),
            abiMinor: header.loadUnaligned(fromByteOffset: 12, as: UInt32.self),
            structSize: header.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
        )
        guard copied.productTag == ProviderABI.productTag, copied.abiMajor == ProviderABI.major,
            copied.structSize >= ProviderABI.minimumDescriptorSize
        else { return copied }
        let provider = raw.pointee
        var functions: RawDescriptor.Functions = []
        if provider.create != nil { functions.insert(.create) }
        if provider.destroy != nil { functions.insert(.destroy) }
        if provider.validate != nil { functions.insert(.validate) }
        if provider.list_networks != nil { functions.insert(.listNetworks) }
        if provider.free_buffer != nil { functions.insert(.freeBuffer) }
        if provider.get_extension != nil { functions.insert(.getExtension) }
        copied.body = RawDescriptor.Body(
            flags: provider.flags,
            reserved: provider.reserved,
            functions: functions,
            id: bytes(provider.id),
            name: bytes(provider.name),
            version: bytes(provider.version),
            vendor: bytes(provider.vendor),
            description: bytes(provider.description),
            credentialFields: fields(provider.credential_fields, count: provider.credential_field_count),
            settings: fields(provider.settings, count: provider.setting_count),
            capabilities: list(provider.capabilities),
            allowedHosts: list(provider.allowed_hosts),
            rateBudgets: budgets(provider.rate_budgets, count: provider.rate_budget_count),
            counts: counts(provider),
            appended: copied.structSize >= ProviderABI.appendedDescriptorSize
                ? RawDescriptor.Appended(
                    minHostMinor: provider.min_host_minor,
                    reserved: provider.reserved_1_1,
                    extensions: list(provider.extensions)
                ) : nil
        )
        return copied
    }

    private static func counts(_ provider: patchbay_provider) -> RawDescriptor.CountsExtension {
        guard let lookup = provider.get_extension, let found = lookup(ProviderABI.countsExtensionID) else {
            return .absent
        }
        let counts = found.assumingMemoryBound(to: patchbay_counts_extension.self)
        guard counts.pointee.struct_size >= ProviderABI.minimumCountsExtensionSize, counts.pointee.counts != nil else {
            return .invalid
        }
        return .usable
    }

    private static func bytes(_ pointer: UnsafePointer<CChar>?) -> [UInt8]? {
        guard let pointer else { return nil }
        return Array(UnsafeBufferPointer(start: pointer, count: strlen(pointer)).map { UInt8(bitPattern: $0) })
    }

    private static func fields(_ pointer: UnsafePointer<patchbay_field>?, count: UInt32) -> RawDescriptor.FieldList {
        guard let pointer else { return RawDescriptor.FieldList(count: count, isNull: count > 0, fields: []) }
        let fields = (0..<Int(count)).map { index in
            let field = pointer[index]
            return RawDescriptor.Field(
                name: bytes(field.name),
                label: bytes(field.label),
                description: bytes(field.description),
                defaultValue: bytes(field.default_value),
                flags: field.flags,
                reserved: field.reserved
            )
        }
        return RawDescriptor.FieldList(count: count, isNull: false, fields: fields)
    }

    private static func list(_ pointer: UnsafePointer<UnsafePointer<CChar>?>?) -> RawDescriptor.StringList {
        guard let pointer else { return .absent }
        var items: [[UInt8]] = []
        while let element = pointer[items.count] {
            guard items.count < RawDescriptor.listLimit else { return .unterminated }
            items.append(bytes(element) ?? [])
        }
        return .items(items)
    }

    private static func budgets(
        _ pointer: UnsafePointer<patchbay_rate_budget>?,
        count: UInt32
    ) -> RawDescriptor.BudgetList {
        guard let pointer else { return RawDescriptor.BudgetList(count: count, isNull: count > 0, budgets: []) }
        let budgets = (0..<Int(count)).map { index in
            RawDescriptor.Budget(
                scope: bytes(pointer[index].scope),
                requests: pointer[index].requests,
                periodMilliseconds: pointer[index].period_ms
            )
        }
        return RawDescriptor.BudgetList(count: count, isNull: false, budgets: budgets)
    }
}

/// How far loading a library got: the plugin code that runs at each step.
enum LoadStage: Sendable {
    /// dlopen, which runs the library's constructors.
    case constructors
    case entry
    case descriptor

    /// Where a load that did not finish blocks, in words.
    var blocking: String {
        switch self {
        case .constructors: "while loading (in a constructor)"
        case .entry: "in patchbay_provider_entry"
        case .descriptor: "while its descriptor was read"
        }
    }
}
