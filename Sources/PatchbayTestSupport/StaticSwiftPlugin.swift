import Foundation
import PatchbayCore

/// The Meraki plugin built as a portable Swift plugin (`scripts/build-static-plugin.sh`: ProviderKit and the
/// Swift runtime linked statically into the .so), once per test process.
package enum StaticSwiftPlugin {
    private static let built: Result<String, CCompilerError> = {
        do {
            let directory = try TemporaryDirectory.make(prefix: "patchbay-static-plugin")
            let output = try ProcessRunner.run(
                PackagePaths.source("scripts/build-static-plugin.sh"),
                [directory.path]
            )
            guard output.status == 0 else {
                return .failure(CCompilerError(message: "build-static-plugin.sh failed: \(output.standardError)"))
            }
            return .success(directory.file("libPatchbayMerakiStatic.so"))
        } catch {
            return .failure(CCompilerError(message: "\(error)"))
        }
    }()

    /// `libPatchbayMerakiStatic.so`; the first call builds it (about half a minute), on a thread of its own.
    package static func meraki() async throws -> String {
        try await onOwnThread { try built.get() }
    }
}
