import Foundation

/// Folders of the source checkout, found from this file's own path (tests run from the build folder).
package enum PackagePaths {
    /// The package root: the folder holding Package.swift.
    package static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PatchbayTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()
        .path

    /// The folder of patchbay_provider.h, for compiling plugins.
    package static let abiHeaders = root + "/Sources/PatchbayProviderABI/include"

    /// A path inside the checkout, e.g. `source("Plugins/ExampleC/example.c")`.
    package static func source(_ relativePath: String) -> String {
        root + "/" + relativePath
    }
}
