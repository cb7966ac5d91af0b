import PluginHost

extension ConformanceChecker {
    /// The entry point, the descriptor's fixed header, and every field the loader checks; the probe when it loaded.
    func descriptorChecks() -> ([CheckResult], PluginProbe?) {
        report(.started("abi.entry_point"))
        let header: DescriptorHeader
        do {
            header = try DescriptorHeader.read(path: options.path)
        } catch {
            return ([.fail("abi.entry_point", error.detail)] + skipped(after: "abi.entry_point"), nil)
        }
        var results: [CheckResult] = [
            .pass("abi.entry_point", "exports \(ProviderABI.entrySymbol), which returns a descriptor")
        ]
        let tag = "0x" + String(header.productTag, radix: 16)
        guard header.productTag == ProviderABI.productTag else {
            results.append(.fail("abi.product_tag", "is \(tag), not PATCHBAY_PRODUCT_TAG; set product_tag first"))
            return (results + skipped(after: "abi.product_tag"), nil)
        }
        results.append(.pass("abi.product_tag", "\(tag) (\"PATCHBAY\")"))
        guard header.abiMajor == ProviderABI.major else {
            results.append(
                .fail(
                    "abi.version",
                    "built for \(header.abiMajor).\(header.abiMinor), host speaks \(ProviderABI.version)"
                )
            )
            return (results + skipped(after: "abi.version"), nil)
        }
        results.append(.pass("abi.version", "\(header.abiMajor).\(header.abiMinor) (host \(ProviderABI.version))"))
        guard header.structSize >= ProviderABI.minimumDescriptorSize else {
            results.append(
                .fail(
                    "abi.struct_size",
                    "is \(header.structSize) bytes, v1 needs at least \(ProviderABI.minimumDescriptorSize); "
                        + "set struct_size = sizeof(patchbay_provider)"
                )
            )
            return (results + skipped(after: "abi.struct_size"), nil)
        }
        results.append(
            .pass("abi.struct_size", "\(header.structSize) bytes (v1.0 needs \(ProviderABI.minimumDescriptorSize))")
        )
        report(.started("descriptor.fields"))
        let probe: PluginProbe
        do {
            probe = try PluginProbe(path: options.path, extraHosts: extraHosts, logger: logger)
        } catch {
            results.append(.fail("descriptor.fields", error.detail))
            return (results + skipped(after: "descriptor.fields"), nil)
        }
        let descriptor = probe.descriptor
        results.append(
            .pass(
                "descriptor.fields",
                "id '\(descriptor.id)' and version \(descriptor.version) well-formed; "
                    + "\(descriptor.credentialFields.count) credential field(s), \(descriptor.settings.count) setting(s), "
                    + "\(descriptor.capabilities.count) capabilities, \(descriptor.allowedHosts.count) host(s), "
                    + "\(descriptor.rateBudgets.count) rate budget(s)"
            )
        )
        results.append(
            checking("descriptor.extensions") {
                guard probe.unknownExtensionIsNull else {
                    return .fail(
                        "descriptor.extensions",
                        "get_extension returned non-NULL for an unknown id; return NULL for ids you do not implement"
                    )
                }
                return .pass(
                    "descriptor.extensions",
                    probe.supportsCounts
                        ? "offers \(ProviderABI.countsExtensionID); NULL for unknown ids"
                        : "no extensions; NULL for unknown ids"
                )
            }
        )
        return (results, probe)
    }

    private func skipped(after name: String) -> [CheckResult] {
        [.skip("calls", "not run: \(name) failed")]
    }
}
