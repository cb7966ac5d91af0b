import Foundation

/// The Patchbay checkout this binary was built from, for the Swift skeleton (it copies ProviderKit from it).
enum PatchbaySource {
    /// `$PATCHBAY_SOURCE_ROOT`, else the checkout this file was compiled in.
    static var root: String {
        if let root = ProcessInfo.processInfo.environment["PATCHBAY_SOURCE_ROOT"], !root.isEmpty { return root }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Scaffold
            .deletingLastPathComponent()  // PatchbayCLI
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()
            .path
    }

    /// Every file under `Sources/<folder>` of the checkout, by path relative to that folder, with its text.
    static func files(in folder: String) throws -> [(path: String, text: String)] {
        let base = root + "/Sources/" + folder
        guard let enumerator = FileManager.default.enumerator(atPath: base) else {
            throw CLIError(
                "\(base): not found; set PATCHBAY_SOURCE_ROOT to a Patchbay checkout (the Swift skeleton copies "
                    + "ProviderKit from it)",
                exitCode: 66
            )
        }
        var files: [(path: String, text: String)] = []
        for case let path as String in enumerator where path.hasSuffix(".swift") || path.hasSuffix(".h") {
            files.append((path, try String(contentsOfFile: base + "/" + path, encoding: .utf8)))
        }
        return files.sorted { $0.path < $1.path }
    }
}
