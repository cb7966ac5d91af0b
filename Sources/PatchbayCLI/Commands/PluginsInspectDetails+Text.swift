import PluginHost

extension PluginsInspectDetails {
    /// The human form: a summary, then one table per list.
    var text: String {
        var summary = KeyValueList()
        summary.append("Path", DisplayPath.relative(path))
        summary.append("Status", error.map { "\(status): \($0)" } ?? status)
        guard let descriptor else { return summary.render() }
        summary.append("ID", descriptor.id)
        summary.append("Name", descriptor.name)
        summary.append("Version", descriptor.version)
        summary.append("Vendor", descriptor.vendor)
        if let description = descriptor.description { summary.append("Description", description) }
        summary.append("ABI", descriptor.abi)
        summary.append("Concurrent", descriptor.isConcurrent ? "yes" : "no")
        summary.append("Capabilities", list(descriptor.capabilities))
        summary.append("Declared hosts", list(descriptor.allowedHosts))
        if let effectiveAllowedHosts { summary.append("Allowed hosts", list(effectiveAllowedHosts)) }
        var sections = [summary.render()]
        sections.append("Credential fields:\n" + fields(descriptor.credentialFields, configured: nil))
        sections.append("Settings:\n" + fields(descriptor.settings, configured: configuredSettings))
        var budgets = TextTable(headers: ["SCOPE", "REQUESTS", "PERIOD"])
        for budget in descriptor.rateBudgets {
            budgets.append([budget.scope, "\(budget.requests)", "\(budget.periodMilliseconds) ms"])
        }
        sections.append("Rate budgets:\n" + (descriptor.rateBudgets.isEmpty ? "(none)" : indent(budgets.render())))
        return sections.joined(separator: "\n\n")
    }

    private func fields(_ fields: [FieldDescriptor], configured: [String: String]?) -> String {
        guard !fields.isEmpty else { return "(none)" }
        var headers = ["NAME", "LABEL", "REQUIRED", "SECRET", "DEFAULT"]
        if configured != nil { headers.append("CONFIGURED") }
        headers.append("DESCRIPTION")
        var table = TextTable(headers: headers)
        for field in fields {
            var row = [
                field.name, field.label, field.isRequired ? "yes" : "no", field.isSecret ? "yes" : "no",
                field.defaultValue ?? "-",
            ]
            if let configured { row.append(configured[field.name] ?? "-") }
            row.append(field.description ?? "")
            table.append(row)
        }
        return indent(table.render())
    }

    private func list(_ values: [String]) -> String {
        values.isEmpty ? "(none)" : values.joined(separator: ", ")
    }

    private func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}
