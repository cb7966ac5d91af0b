/// `plugins new NAME --lang swift`: a SwiftPM package with ProviderKit and the header copied in (so it builds with no
/// network), a `.dynamic` library product, and a Swift Testing suite that runs `patchbay plugins check` on it.
enum SwiftScaffold {
    static func make(_ name: ScaffoldName, patchbay: String) throws -> Scaffold {
        let module = name.pascal + "Provider"
        var files: [Scaffold.File] = [
            .init(path: "Package.swift", contents: package(name)),
            .init(path: "Vendor/PatchbayProviderABI/include/\(ProviderHeader.fileName)", contents: ProviderHeader.text),
            .init(path: "Sources/\(module)/\(module).swift", contents: provider(name)),
            .init(path: "Sources/\(module)/Entry.swift", contents: entry(name)),
            .init(path: "Tests/FakeServer/include/fake_server.h", contents: FakeServerTemplate.header),
            .init(path: "Tests/FakeServer/fake_server.c", contents: FakeServerTemplate.source),
            .init(path: "Tests/\(module)Tests/\(module)Tests.swift", contents: tests(name, patchbay: patchbay)),
            .init(path: "plugins.yaml", contents: SharedTemplates.pluginsYAML(name, library: library(name))),
            .init(path: ".gitignore", contents: "/.build/\n/.swiftpm/\n"),
            .init(
                path: "README.md",
                contents: SharedTemplates.readme(name, language: .swift, library: library(name))
            ),
        ]
        // ProviderKit and the JSON writer it shares with the host (a target of its own, no dependencies).
        for target in ["ProviderKit", "JSONText"] {
            for file in try PatchbaySource.files(in: target) {
                files.append(.init(path: "Vendor/\(target)/" + file.path, contents: file.text))
            }
        }
        return Scaffold(files: files, testCommand: "swift test")
    }

    /// Where `swift build` puts the plugin, relative to the package: what plugins.yaml points at.
    static func library(_ name: ScaffoldName) -> String {
        ".build/debug/libPatchbay\(name.pascal).so"
    }

    private static func package(_ name: ScaffoldName) -> String {
        let module = name.pascal + "Provider"
        return """
            // swift-tools-version:6.2
            import PackageDescription

            let swiftSettings: [SwiftSetting] = [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ]

            let package = Package(
                name: "\(module)",
                products: [
                    // The plugin: a shared library Patchbay loads (libPatchbay\(name.pascal).so).
                    .library(name: "Patchbay\(name.pascal)", type: .dynamic, targets: ["\(module)"])
                ],
                targets: [
                    // The contract, ProviderKit and its JSON writer, copied from Patchbay: no network needed to build.
                    .target(name: "PatchbayProviderABI", path: "Vendor/PatchbayProviderABI"),
                    .target(name: "JSONText", path: "Vendor/JSONText", swiftSettings: swiftSettings),
                    .target(
                        name: "ProviderKit",
                        dependencies: ["PatchbayProviderABI", "JSONText"],
                        path: "Vendor/ProviderKit",
                        swiftSettings: swiftSettings
                    ),
                    .target(name: "\(module)", dependencies: ["ProviderKit"], swiftSettings: swiftSettings),
                    // A fake API on 127.0.0.1 for the tests.
                    .target(name: "FakeServer", path: "Tests/FakeServer"),
                    .testTarget(
                        name: "\(module)Tests",
                        dependencies: ["\(module)", "ProviderKit", "FakeServer"],
                        swiftSettings: swiftSettings
                    ),
                ]
            )

            """
    }

    private static func entry(_ name: ScaffoldName) -> String {
        """
        import ProviderKit

        /// The one symbol Patchbay looks up in the library.
        @c(patchbay_provider_entry)
        public func entry() -> ProviderEntryPoint { ProviderExport.entry(for: \(name.pascal)Provider.self) }

        """
    }
}
