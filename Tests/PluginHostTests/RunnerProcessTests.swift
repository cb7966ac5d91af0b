import Foundation
import Logging
import PatchbayCore
import PatchbayTestSupport
import PluginHost
import Synchronization
import Testing

/// The runner is a plain C process: no Swift runtime in it, so a plugin brings its own.
@Suite struct RunnerProcessTests {
    @Test func runnerHostingACPluginMapsNoSwiftRuntime() async throws {
        let library = try await CPlugins.example()
        let entry = ManifestEntry(path: library, settings: ["greeting": "hi"], isolation: .process)
        let registry = try await onOwnThread {
            ProviderRegistry(manifest: Manifest(file: "plugins.yaml", entries: [entry]), logger: Logger(label: "test"))
        }
        let example = try #require(registry.provider(id: "example"), "\(registry.plugins.map(\.error))")
        _ = try await example.validate(credentials: ProviderCredentials(fields: ["token": "tok"]))
        let pid = try #require(example.runnerPID)
        let maps = try String(contentsOfFile: "/proc/\(pid)/maps", encoding: .utf8)
        // The right process: it has the plugin mapped ...
        #expect(maps.contains("libexample.so"))
        #expect(maps.contains("patchbay-plugin-runner"))
        // ... and nothing of Swift.
        let swift = maps.split(separator: "\n").filter { $0.lowercased().contains("swift") }
        #expect(swift.isEmpty, "\(swift.prefix(3))")
    }

    @Test func swiftPluginBuiltWithStaticStdlibSyncsThroughARunner() async throws {
        let library = try await StaticSwiftPlugin.meraki()
        try await withFakeMeraki(.generated(organizations: 2, networksPerOrganization: 5)) { fake in
            let entry = ManifestEntry(
                path: library,
                id: "meraki",
                settings: ["base_url": fake.baseURL],
                allowedHosts: [fake.authority],
                isolation: .process
            )
            let registry = try await onOwnThread {
                ProviderRegistry(
                    manifest: Manifest(file: "plugins.yaml", entries: [entry]),
                    logger: Logger(label: "test")
                )
            }
            let meraki = try #require(registry.provider(id: "meraki"), "\(registry.plugins.map(\.error))")
            let names = Mutex<[String]>([])
            try await meraki.listNetworks(
                credentials: ProviderCredentials(fields: ["api_key": FakeMerakiDataset.goodKey])
            ) { page in
                names.withLock { $0 += page.map(\.name) }
            }
            #expect(names.withLock { $0.count } == 10)
            // The runner has the plugin mapped, and the plugin brings its own Swift runtime: no shared one.
            let pid = try #require(meraki.runnerPID)
            let maps = try String(contentsOfFile: "/proc/\(pid)/maps", encoding: .utf8)
            #expect(maps.contains("libPatchbayMerakiStatic.so"))
            let shared = maps.split(separator: "\n").filter { $0.contains("libswift") || $0.contains("libFoundation") }
            #expect(shared.isEmpty, "\(shared.prefix(3))")
        }
    }

    @Test func runnerEndsWhenItsProviderIsReleased() async throws {
        let library = try await CPlugins.example()
        var pid: Int32?
        do {
            let entry = ManifestEntry(path: library, settings: ["greeting": "hi"], isolation: .process)
            let registry = try await onOwnThread {
                ProviderRegistry(
                    manifest: Manifest(file: "plugins.yaml", entries: [entry]),
                    logger: Logger(label: "test")
                )
            }
            pid = registry.provider(id: "example")?.runnerPID
        }
        let runner = try #require(pid)
        // Released: the socket closes and the runner exits; its /proc entry goes once it is reaped.
        let deadline = ContinuousClock.now + .seconds(10)
        while FileManager.default.fileExists(atPath: "/proc/\(runner)/maps"), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(!FileManager.default.fileExists(atPath: "/proc/\(runner)/maps"))
    }
}
