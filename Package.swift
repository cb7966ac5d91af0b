// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    // A target's dependencies stay internal unless a file re-exports one with `package import`/`public import`.
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Patchbay",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "patchbay", targets: ["PatchbayCLI"]),
        .library(name: "ProviderKit", targets: ["ProviderKit"]),
        .library(name: "PatchbayMeraki", type: .dynamic, targets: ["PatchbayMeraki"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        // The PostgreSQL backend (issue 12), imported only under Sources/Storage/Postgres.
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        // Hummingbird's own dependencies, declared because the server and the test support import them directly.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        // `/metrics`: the services record through swift-metrics' API (a no-op until `serve` installs a backend);
        // swift-prometheus is that backend and writes the text format.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.0.0"),
    ],
    targets: [
        // The stable C contract between host and plugins: one header, no code.
        .target(name: "PatchbayProviderABI"),
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(
            name: "HTTPClient",
            dependencies: [
                "CCurl", .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "Secrets", dependencies: ["COpenSSL"], swiftSettings: swiftSettings),
        // The one JSON writer (host, server, CLI `--json`, ProviderKit). No dependencies and no Foundation, so that
        // ProviderKit can link it statically into every vendor plugin.
        .target(name: "JSONText", swiftSettings: swiftSettings),
        .target(
            name: "Storage",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PluginHost",
            dependencies: [
                "PatchbayProviderABI", "HTTPClient", "Secrets", "Yams", "JSONText",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PatchbayCore",
            dependencies: [
                "Storage", "Secrets", "PluginHost", "HTTPClient", "JSONText",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            swiftSettings: swiftSettings
        ),
        // `patchbay plugins check`: the conformance checker, over PluginHost's probe (all pointer work stays there).
        .target(
            name: "PluginCheck",
            dependencies: ["PluginHost", .product(name: "Logging", package: "swift-log")],
            swiftSettings: swiftSettings
        ),
        .target(name: "ProviderKit", dependencies: ["PatchbayProviderABI", "JSONText"], swiftSettings: swiftSettings),
        .target(
            name: "PatchbayMeraki",
            dependencies: ["ProviderKit"],
            path: "Plugins/Meraki",
            exclude: ["README.md"],
            swiftSettings: swiftSettings
        ),
        // `patchbay serve`: the HTTP API over the core services.
        .target(
            name: "PatchbayServer",
            dependencies: [
                "PatchbayCore", "JSONText",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            // The operator console's HTML, CSS and JavaScript, served at `/` (issue 14); the OpenAPI document, served at
            // `/v1/openapi.yaml`.
            resources: [.copy("ConsoleAssets"), .copy("OpenAPI/openapi.yaml")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "PatchbayCLI",
            dependencies: [
                "PatchbayCore", "Storage", "PluginHost", "PluginCheck", "PatchbayServer", "HTTPClient", "JSONText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // `swift run -c release PluginBenchmark`: the cost of the plugin boundary and of loading plugins.yaml.
        .executableTarget(
            name: "PluginBenchmark",
            dependencies: ["PluginHost", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/PluginBenchmark",
            exclude: ["plugin_work.c", "many_networks.c"],
            swiftSettings: swiftSettings
        ),
        // `swift run -c release APIBenchmark`: the networks listing over loopback HTTP at a fixed request rate.
        .executableTarget(
            name: "APIBenchmark",
            dependencies: [
                "PatchbayServer", "PatchbayCore", "HTTPClient", "PatchbayTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Benchmarks/APIBenchmark",
            swiftSettings: swiftSettings
        ),
        // `FleetBenchmark [--database URL]`: several `patchbay serve` instances on one database (issue 12).
        .executableTarget(
            name: "FleetBenchmark",
            dependencies: [
                "PatchbayCore", "Storage", "HTTPClient", "PatchbayTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/FleetBenchmark",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PatchbayTestSupport",
            dependencies: [
                "PatchbayProviderABI", "PatchbayCore", "Storage", "HTTPClient",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        // A FakeMeraki as a process, for the console's browser tests (Python + Selenium + Debian's Chromium).
        .executableTarget(
            name: "FakeMerakiServer",
            dependencies: ["PatchbayTestSupport"],
            path: "Tests/Browser/FakeMerakiServer",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HTTPClientTests",
            dependencies: [
                "PatchbayCore", "HTTPClient", "PatchbayTestSupport", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SecretsTests",
            dependencies: ["Secrets", "PatchbayTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StorageTests",
            dependencies: ["Storage", "PatchbayTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PluginHostTests",
            dependencies: ["PatchbayCore", "PluginHost", "PatchbayProviderABI", "PatchbayTestSupport", "Secrets"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PatchbayCoreTests",
            dependencies: [
                "PatchbayCore", "PatchbayTestSupport", "Storage", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "CoreBenchmark",
            dependencies: [
                "PatchbayCore", "Storage", "PatchbayTestSupport", "HTTPClient",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/CoreBenchmark",
            swiftSettings: swiftSettings
        ),
        // `swift build -c release --product patchbay && swift run -c release ListingBenchmark`: `networks list` of
        // 50,000 rows as JSON and as a table, time and peak RSS.
        .executableTarget(
            name: "ListingBenchmark",
            dependencies: ["Storage", "PatchbayTestSupport"],
            path: "Benchmarks/ListingBenchmark",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "MerakiBenchmark",
            dependencies: [
                "PluginHost", "PatchbayTestSupport", .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/MerakiBenchmark",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MerakiTests",
            dependencies: ["PluginHost", "PatchbayTestSupport"],
            swiftSettings: swiftSettings
        ),
        // The plain-C Juniper Mist plugin (Plugins/Mist), compiled by the tests with cc, against a loopback FakeMist.
        .testTarget(
            name: "MistTests",
            dependencies: ["PatchbayCore", "PluginHost", "PatchbayTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        // `patchbay plugins check` against the shipped plugins and deliberately broken fixtures (compiled with cc).
        .testTarget(
            name: "PluginCheckTests",
            dependencies: [
                "PatchbayCore", "PluginCheck", "PatchbayTestSupport", .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        // `patchbay plugins new`: skeletons generated into a temp folder, built with their own command, then loaded.
        .testTarget(
            name: "ScaffoldTests",
            dependencies: ["PatchbayCore", "PatchbayTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PatchbayServerTests",
            dependencies: [
                "PatchbayServer", "PatchbayCore", "PluginHost", "HTTPClient", "PatchbayTestSupport", "Yams", "Storage",
                // GRDB only to stand a newer Patchbay's schema step in the file (`/readyz` must refuse it).
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                // API tests that need no socket go through the router test client.
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The built `patchbay` binary end to end: real .so plugins, a loopback FakeMeraki, a real data directory.
        .testTarget(
            name: "IntegrationTests",
            // GRDB only to run `PRAGMA integrity_check` on a database a killed process left behind.
            dependencies: [
                "PatchbayCore", "PatchbayTestSupport", "Storage", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
