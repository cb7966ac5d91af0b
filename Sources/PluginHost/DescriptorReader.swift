/// Checks a plugin's descriptor field by field and turns it into Swift values, in the order the header promises:
/// product tag, major version, struct size, every function pointer, then every field.
struct DescriptorReader {
    let path: String
    let raw: RawDescriptor

    func read() throws(PluginLoadError) -> ProviderDescriptor {
        guard raw.productTag == ProviderABI.productTag else {
            throw PluginLoadError(path: path, reason: .notAProvider(tag: raw.productTag))
        }
        guard raw.abiMajor == ProviderABI.major else {
            throw PluginLoadError(path: path, reason: .incompatibleABI(plugin: raw.abiMajor, host: ProviderABI.major))
        }
        guard raw.structSize >= ProviderABI.minimumDescriptorSize, let body = raw.body else {
            throw PluginLoadError(
                path: path,
                reason: .descriptorTooSmall(size: raw.structSize, minimum: ProviderABI.minimumDescriptorSize)
            )
        }
        try requireFunctions(body.functions)
        guard body.reserved == 0 else {
            throw invalid("reserved", "is \(body.reserved)", "set it to 0")
        }
        let id = try string(body.id, "id")
        guard ProviderSyntax.isValidID(id) else {
            throw invalid("id", "'\(id)' is not [a-z0-9][a-z0-9-]*", "use lower-case letters, digits and dashes")
        }
        let version = try string(body.version, "version")
        guard ProviderSyntax.isSemver(version) else {
            throw invalid("version", "'\(version)' is not a semantic version", "use MAJOR.MINOR.PATCH, e.g. 1.2.0")
        }
        let name = try string(body.name, "name")
        guard !name.isEmpty else { throw invalid("name", "is empty", "set a display name") }
        var extensions: [String] = []
        if let appended = body.appended {
            guard appended.reserved == 0 else {
                throw invalid("reserved_1_1", "is \(appended.reserved)", "set it to 0")
            }
            guard appended.minHostMinor <= ProviderABI.minor else {
                throw PluginLoadError(
                    path: path,
                    reason: .hostTooOld(needs: appended.minHostMinor, host: ProviderABI.minor)
                )
            }
            extensions = try list(appended.extensions, "extensions")
        }
        if body.counts == .invalid {
            throw invalid(
                "get_extension(\"\(ProviderABI.countsExtensionID)\")",
                "returned a struct that is too small or has a NULL counts",
                "return a complete patchbay_counts_extension or NULL"
            )
        }
        return ProviderDescriptor(
            id: id,
            name: name,
            version: version,
            vendor: try string(body.vendor, "vendor"),
            description: try optionalString(body.description, "description"),
            abi: "\(raw.abiMajor).\(raw.abiMinor)",
            credentialFields: try fields(body.credentialFields, "credential_fields"),
            settings: try fields(body.settings, "settings"),
            capabilities: try list(body.capabilities, "capabilities"),
            allowedHosts: try list(body.allowedHosts, "allowed_hosts"),
            rateBudgets: try budgets(body.rateBudgets),
            isConcurrent: body.flags & UInt32(ProviderABI.concurrentFlag) != 0,
            extensions: extensions
        )
    }

    private func requireFunctions(_ functions: RawDescriptor.Functions) throws(PluginLoadError) {
        let required: [(String, RawDescriptor.Functions)] = [
            ("create", .create), ("destroy", .destroy), ("validate", .validate), ("list_networks", .listNetworks),
            ("free_buffer", .freeBuffer), ("get_extension", .getExtension),
        ]
        for (name, function) in required where !functions.contains(function) {
            throw PluginLoadError(path: path, reason: .nullField(name))
        }
    }

    private func fields(_ list: RawDescriptor.FieldList, _ field: String) throws(PluginLoadError) -> [FieldDescriptor] {
        guard list.count > 0 else { return [] }
        guard !list.isNull else { throw PluginLoadError(path: path, reason: .nullField(field)) }
        var result: [FieldDescriptor] = []
        for (index, element) in list.fields.enumerated() {
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
                    defaultValue: try optionalString(element.defaultValue, "\(place).default_value"),
                    isRequired: element.flags & ProviderABI.requiredFieldFlag != 0,
                    isSecret: element.flags & ProviderABI.secretFieldFlag != 0
                )
            )
        }
        return result
    }

    private func budgets(_ list: RawDescriptor.BudgetList) throws(PluginLoadError) -> [RateBudgetDescriptor] {
        guard list.count > 0 else { return [] }
        guard !list.isNull else { throw PluginLoadError(path: path, reason: .nullField("rate_budgets")) }
        var result: [RateBudgetDescriptor] = []
        for (index, budget) in list.budgets.enumerated() {
            let scope = try string(budget.scope, "rate_budgets[\(index)].scope")
            guard ["provider", "scope", "credential"].contains(scope) else {
                throw invalid("rate_budgets[\(index)].scope", "is '\(scope)'", "use provider, scope or credential")
            }
            guard budget.requests > 0, budget.periodMilliseconds > 0 else {
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
                    periodMilliseconds: Int(budget.periodMilliseconds)
                )
            )
        }
        return result
    }

    private func list(_ list: RawDescriptor.StringList, _ field: String) throws(PluginLoadError) -> [String] {
        switch list {
        case .absent:
            return []
        case .unterminated:
            throw invalid(
                field,
                "has no NULL terminator within \(RawDescriptor.listLimit) entries",
                "end the list with NULL"
            )
        case .items(let items):
            var result: [String] = []
            for (index, item) in items.enumerated() {
                result.append(try string(item, "\(field)[\(index)]"))
            }
            return result
        }
    }

    private func string(_ bytes: [UInt8]?, _ field: String) throws(PluginLoadError) -> String {
        guard let bytes else { throw PluginLoadError(path: path, reason: .nullField(field)) }
        guard let value = String(validating: bytes, as: UTF8.self) else {
            throw invalid(field, "is not valid UTF-8", "encode every string as UTF-8")
        }
        return value
    }

    private func optionalString(_ bytes: [UInt8]?, _ field: String) throws(PluginLoadError) -> String? {
        guard let bytes else { return nil }
        return try string(bytes, field)
    }

    private func invalid(_ field: String, _ what: String, _ fix: String) -> PluginLoadError {
        PluginLoadError(path: path, reason: .invalidField(field: field, what: what, fix: fix))
    }
}
