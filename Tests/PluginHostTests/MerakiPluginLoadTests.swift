import Logging
import PatchbayTestSupport
import PluginHost
import Testing

/// The Swift Meraki plugin the package builds loads through the same checks as any vendor's library.
@Suite struct MerakiPluginLoadTests {
    @Test func merakiLibraryFromTheProductsFolderLoads() throws {
        let path = ProductsDirectory.product("libPatchbayMeraki.so")
        let manifest = Manifest(file: "test.yaml", entries: [ManifestEntry(path: path, id: "meraki")])
        let registry = ProviderRegistry(manifest: manifest, logger: Logger(label: "test"))
        let status = try #require(registry.plugins.first)
        #expect(status.isLoaded, "\(status.error ?? "")")
        let meraki = try #require(registry.provider(id: "meraki"))
        #expect(meraki.descriptor.abi == "1.1")
        #expect(meraki.descriptor.credentialFields.contains { $0.isSecret && $0.isRequired })
        #expect(!meraki.descriptor.rateBudgets.isEmpty)
    }
}
