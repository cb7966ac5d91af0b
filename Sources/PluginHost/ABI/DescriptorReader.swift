import PatchbayProviderABI

/// Checks a plugin's `patchbay_provider` field by field and copies it into Swift values.
///
/// Runs after the product tag, major version and struct size were checked, so every v1 field may be read.
struct DescriptorReader {
    let path: String
    let raw: patchbay_provider

    func read() throws(PluginLoadError) -> ProviderDescriptor {
        try requireFunctions()
        guard raw.reserved == 0 else {
            throw invalid("reserved", "is \(raw.reserved)", "set it to 0")
        }
        let id = try string(raw.id, "id")
        guard ProviderSyntax.isValidID(id) else {
            throw invalid("id", "'\(id)' is not [a-z0-9][a-z0-9-]*", "use lower-case letters, digits and dashes")
        }
        let version = try string(raw.version, "version")
        guard ProviderSyntax.isSemver(version) else {
            throw invalid("version", "'\(version)' is not a semantic version", "use MAJOR.MINOR.PATCH, e.g. 1.2.0")
        }
        let name = try string(raw.name, "name")
        guard !name.isEmpty else { throw invalid("name", "is empty", "set a display name") }
        return ProviderDescriptor(
            id: id,
            name: name,
            version: version,
            vendor: try string(raw.vendor, "vendor"),
            description: try optionalString(raw.description, "description"),
            abi: "\(raw.abi_major).\(raw.abi_minor)",
            credentialFields: try fields(raw.credential_fields, count: raw.credential_field_count, "credential_fields"),
            settings: try fields(raw.settings, count: raw.setting_count, "settings"),
            capabilities: try list(raw.capabilities, "capabilities"),
            allowedHosts: try list(raw.allowed_hosts, "allowed_hosts"),
            rateBudgets: try budgets(),
            isConcurrent: raw.flags & UInt32(PATCHBAY_PROVIDER_CONCURRENT) != 0
        )
    }

    private func requireFunctions() throws(PluginLoadError) {
        let functions: [(String, Bool)] = [
            ("create", raw.create != nil), ("destroy", raw.destroy != nil), ("validate", raw.validate != nil),
            ("list_networks", raw.list_networks != nil), ("free_buffer", raw.free_buffer != nil),
            ("get_extension", raw.get_extension != nil),
        ]
        for (name, isSet) in functions where !isSet {
            throw PluginLoadError(path: path, reason: .nullField(name))
        }
    }

    private func fields(
        _ pointer: UnsafePointer<patchbay_field>?,
        count: UInt32,
        _ field: String
    ) throws(PluginLoadError) -> [FieldDescriptor] {
        guard count > 0 else { return [] }
        guard let pointer else { throw PluginLoadError(path: path, reason: .nullField(field)) }
        var result: [FieldDescriptor] = []
        for index in 0..<Int(count) {
            let element = pointer[index]
            let place = "\(field)[\(index)]"
            let name = try string(element.name, "\(place).name")
            guard ProviderSyntax.isValidFieldName(name) else {
                throw invalid("\(place).name", "'\(name)' is not [a-z0-9_]+", "use a snake_case JSON key")
            }
            guard element.reserved == 0 else { throw invalid("\(place).reserved", "is not 0", "set it to 0") }
            result.append(
                FieldDescriptor(
                    name: name,
                    label: try string(element.label, "\(place).label"),
                    description: try optionalString(element.description, "\(place).description"),
                    defaultValue: try optionalString(element.default_value, "\(place).default_value"),
                    isRequired: element.flags & UInt32(PATCHBAY_FIELD_REQUIRED) != 0,
                    isSecret: element.flags & UInt32(PATCHBAY_FIELD_SECRET) != 0
                )
            )
        }
        return result
    }

    private func budgets() throws(PluginLoadError) -> [RateBudgetDescriptor] {
        guard raw.rate_budget_count > 0 else { return [] }
        guard let pointer = raw.rate_budgets else {
            throw PluginLoadError(path: path, reason: .nullField("rate_budgets"))
        }
        var result: [RateBudgetDescriptor] = []
        for index in 0..<Int(raw.rate_budget_count) {
            let budget = pointer[index]
            let scope = try string(budget.scope, "rate_budgets[\(index)].scope")
            guard ["provider", "scope", "credential"].contains(scope) else {
                throw invalid("rate_budgets[\(index)].scope", "is '\(scope)'", "use provider, scope or credential")
            }
            guard budget.requests > 0, budget.period_ms > 0 else {
                throw invalid(
                    "rate_budgets[\(index)]",
                    "has a zero count or period",
                    "declare requests > 0 per period_ms > 0"
                )
            }
            result.append(
                RateBudgetDescriptor(
                    scope: scope,
                    requests: Int(budget.requests),
                    periodMilliseconds: Int(budget.period_ms)
                )
            )
        }
        return result
    }

    private func list(
        _ pointer: UnsafePointer<UnsafePointer<CChar>?>?,
        _ field: String
    ) throws(PluginLoadError) -> [String] {
        guard let pointer else { return [] }
        var result: [String] = []
        var index = 0
        while let element = pointer[index] {
            guard index < 1024 else { throw invalid(field, "has no NULL terminator", "end the list with NULL") }
            result.append(try string(element, "\(field)[\(index)]"))
            index += 1
        }
        return result
    }

    private func string(_ pointer: UnsafePointer<CChar>?, _ field: String) throws(PluginLoadError) -> String {
        guard let pointer else { throw PluginLoadError(path: path, reason: .nullField(field)) }
        guard let value = String(validatingCString: pointer) else {
            throw invalid(field, "is not valid UTF-8", "encode every string as UTF-8")
        }
        return value
    }

    private func optionalString(_ pointer: UnsafePointer<CChar>?, _ field: String) throws(PluginLoadError) -> String? {
        guard let pointer else { return nil }
        return try string(pointer, field)
    }

    private func invalid(_ field: String, _ what: String, _ fix: String) -> PluginLoadError {
        PluginLoadError(path: path, reason: .invalidField(field: field, what: what, fix: fix))
    }
}
