import Logging
import PatchbayTestSupport
import PluginHost
import Testing

/// Each broken plugin is disabled with its own one-line reason, and the good plugins still load.
@Suite struct PluginLoadFailureTests {
    /// The manifest parses: plugin load failures are listed, not thrown.
    static func registry() async throws -> ProviderRegistry {
        try ProviderRegistry.load(
            manifestPath: try await PluginFixtures.get().manifestPath,
            logger: Logger(label: "test")
        )
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let library: String
        let reason: String
        var testDescription: String { library }
    }

    static let cases: [Case] = [
        Case(
            library: "libwrong_major.so",
            reason: "built for provider ABI 2.x, this host speaks 1.x; rebuild against its header"
        ),
        Case(
            library: "libwrong_tag.so",
            reason:
                "does not export a Patchbay provider (product tag 0x4f54484552505244, expected 0x5041544348424159); "
                + "build it against patchbay_provider.h or remove it from plugins.yaml"
        ),
        Case(
            library: "libno_entry.so",
            reason: "no 'patchbay_provider_entry' symbol; export it from C or build the plugin with ProviderKit"
        ),
        Case(
            library: "libnull_id.so",
            reason: "descriptor field 'id' is NULL; set it in the plugin's patchbay_provider"
        ),
        Case(
            library: "libnull_function.so",
            reason: "descriptor field 'validate' is NULL; set it in the plugin's patchbay_provider"
        ),
        Case(
            library: "libsmall_struct.so",
            reason: "descriptor struct_size is 64 bytes, provider ABI 1.0 needs at least 168; "
                + "set struct_size = sizeof(patchbay_provider) and rebuild against its header"
        ),
        Case(
            library: "libbad_version.so",
            reason: "descriptor field 'version' '1.0' is not a semantic version; use MAJOR.MINOR.PATCH, e.g. 1.2.0"
        ),
        Case(
            library: "libcreate_fails.so",
            reason:
                "create failed (INVALID_ARGUMENT): greeting must not be empty; fix the plugin's settings in plugins.yaml"
        ),
        Case(
            library: "libtext.so",
            reason: "cannot load: invalid ELF header; build the plugin for this machine's OS and architecture"
        ),
        Case(library: "libmissing.so", reason: "no such file; build the plugin or fix its `path` in plugins.yaml"),
        Case(
            library: "libmismatch.so",
            reason: "the library reports id 'twin' but plugins.yaml expects 'other'; "
                + "fix `id` in plugins.yaml or point `path` at the right library"
        ),
        Case(
            library: "libexample.so#disabled",
            reason: "disabled in plugins.yaml (enabled: false); set enabled: true to load it"
        ),
    ]

    @Test(arguments: cases)
    func brokenPluginIsDisabledWithItsReason(_ row: Case) async throws {
        let registry = try await Self.registry()
        let fixtures = try await PluginFixtures.get()
        let path = fixtures.directory.file(String(row.library.prefix { $0 != "#" }))
        let statuses = registry.plugins.filter { $0.path == path && !$0.isLoaded }
        #expect(statuses.map(\.error).contains(row.reason), "reasons for \(row.library): \(statuses.map(\.error))")
        #expect(!row.reason.contains(path), "the reason must not repeat the path")
        #expect(registry.provider(id: "example")?.path == fixtures.library("example"))
        #expect(registry.provider(id: "twin")?.path == fixtures.library("twin_a"))
    }

    @Test func duplicateIDFailsTheSecondLibraryAndNamesTheFirst() async throws {
        let registry = try await Self.registry()
        let fixtures = try await PluginFixtures.get()
        let second = try #require(registry.plugins.first { $0.path == fixtures.library("twin_b") })
        #expect(!second.isLoaded)
        #expect(
            second.error
                == "provider id 'twin' is already loaded from \(fixtures.library("twin_a")); "
                + "remove one of them from plugins.yaml"
        )
    }

    @Test func goodPluginsLoadInFileOrderAroundTheBrokenOnes() async throws {
        let registry = try await Self.registry()
        #expect(registry.plugins.count == 16)
        #expect(registry.plugins.filter(\.isLoaded).compactMap(\.id) == ["example", "malformed-page", "twin"])
        #expect(registry.plugins.first?.abi == "1.1")
        #expect(registry.plugins.first { $0.abi == "2.x" }?.path.hasSuffix("libwrong_major.so") == true)
        #expect(registry.provider(id: "create-fails") == nil)
    }
}
