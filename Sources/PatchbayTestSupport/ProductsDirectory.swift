import Foundation

/// The build products folder of the running tests: it holds the test bundle, the `.so` plugins the package builds
/// (libPatchbayMeraki.so) and the `patchbay` binary.
package enum ProductsDirectory {
    /// The folder of the test bundle (`.build/<triple>/debug`).
    package static let path: String = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        // Linux runs `<Pkg>PackageTests.xctest` itself; macOS runs an executable inside the `.xctest` bundle.
        let components = bundle.pathComponents
        if let index = components.firstIndex(where: { $0.hasSuffix(".xctest") }) {
            return NSString.path(withComponents: Array(components[..<index]))
        }
        return bundle.deletingLastPathComponent().path
    }()

    /// A file in the products folder, e.g. `product("libPatchbayMeraki.so")`.
    package static func product(_ name: String) -> String {
        path + "/" + name
    }

    /// The built `patchbay` command-line binary.
    package static var patchbayBinary: String { product("patchbay") }
}
