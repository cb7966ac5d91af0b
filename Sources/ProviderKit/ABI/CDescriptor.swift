import PatchbayProviderABI

/// Builds the C descriptor of a provider once. Every string and array it allocates lives as long as the library,
/// which is never unloaded, so nothing here is ever freed.
enum CDescriptor {
    static func make(_ descriptor: ProviderDescriptor, counts: Bool) -> UnsafePointer<patchbay_provider> {
        let credentialFields = fields(descriptor.credentialFields)
        let settings = fields(descriptor.settings)
        let budgets = UnsafeMutablePointer<patchbay_rate_budget>.allocate(
            capacity: max(1, descriptor.rateBudgets.count)
        )
        for (index, budget) in descriptor.rateBudgets.enumerated() {
            (budgets + index).initialize(
                to: patchbay_rate_budget(
                    scope: string(budget.scope.rawValue),
                    requests: budget.requests,
                    period_ms: budget.periodMilliseconds
                )
            )
        }
        let provider = UnsafeMutablePointer<patchbay_provider>.allocate(capacity: 1)
        provider.initialize(
            to: patchbay_provider(
                product_tag: PATCHBAY_PRODUCT_TAG,
                abi_major: UInt32(PATCHBAY_ABI_MAJOR),
                abi_minor: UInt32(PATCHBAY_ABI_MINOR),
                struct_size: UInt32(MemoryLayout<patchbay_provider>.size),
                flags: descriptor.isConcurrent ? UInt32(PATCHBAY_PROVIDER_CONCURRENT) : 0,
                id: string(descriptor.id),
                name: string(descriptor.name),
                version: string(descriptor.version),
                vendor: string(descriptor.vendor),
                description: descriptor.summary.map(string),
                credential_fields: UnsafePointer(credentialFields),
                credential_field_count: UInt32(descriptor.credentialFields.count),
                setting_count: UInt32(descriptor.settings.count),
                settings: UnsafePointer(settings),
                capabilities: list(descriptor.capabilities),
                allowed_hosts: list(descriptor.allowedHosts),
                rate_budgets: descriptor.rateBudgets.isEmpty ? nil : UnsafePointer(budgets),
                rate_budget_count: UInt32(descriptor.rateBudgets.count),
                reserved: 0,
                create: Thunks.create,
                destroy: Thunks.destroy,
                validate: Thunks.validate,
                list_networks: Thunks.listNetworks,
                free_buffer: Thunks.freeBuffer,
                get_extension: counts ? Thunks.extensionWithCounts : Thunks.noExtension,
                // ABI 1.1: any v1 host loads a ProviderKit plugin; the extensions it answers are listed.
                min_host_minor: 0,
                reserved_1_1: 0,
                extensions: list(counts ? [PATCHBAY_EXT_COUNTS] : [])
            )
        )
        return UnsafePointer(provider)
    }

    /// A NUL-terminated copy that is never freed.
    static func string(_ value: String) -> UnsafePointer<CChar> {
        let characters = value.utf8CString
        let copy = UnsafeMutablePointer<CChar>.allocate(capacity: characters.count)
        _ = UnsafeMutableBufferPointer(start: copy, count: characters.count).initialize(from: characters)
        return UnsafePointer(copy)
    }

    private static func fields(_ fields: [Field]) -> UnsafeMutablePointer<patchbay_field> {
        let array = UnsafeMutablePointer<patchbay_field>.allocate(capacity: max(1, fields.count))
        for (index, field) in fields.enumerated() {
            let flags =
                (field.isRequired ? UInt32(PATCHBAY_FIELD_REQUIRED) : 0)
                | (field.isSecret ? UInt32(PATCHBAY_FIELD_SECRET) : 0)
            (array + index).initialize(
                to: patchbay_field(
                    name: string(field.name),
                    label: string(field.label),
                    description: field.summary.map(string),
                    default_value: field.defaultValue.map(string),
                    flags: flags,
                    reserved: 0
                )
            )
        }
        return array
    }

    private static func list(_ values: [String]) -> UnsafePointer<UnsafePointer<CChar>?> {
        let array = UnsafeMutablePointer<UnsafePointer<CChar>?>.allocate(capacity: values.count + 1)
        for (index, value) in values.enumerated() {
            (array + index).initialize(to: string(value))
        }
        (array + values.count).initialize(to: nil)
        return UnsafePointer(array)
    }
}
