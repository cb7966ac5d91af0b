import Foundation

/// A fresh folder under the system temp folder, removed by `withTemporaryDirectory` when its body returns.
package struct TemporaryDirectory: Sendable {
    package let path: String

    /// Creates the folder. Call `remove()` when done, or use `withTemporaryDirectory`.
    package static func make(prefix: String = "patchbay-test") throws -> TemporaryDirectory {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        // 0700, as a data directory must be: Patchbay refuses one that group or others may enter.
        try FileManager.default.createDirectory(
            at: url,
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700]
        )
        return TemporaryDirectory(path: url.path)
    }

    /// A path inside the folder.
    package func file(_ name: String) -> String {
        path + "/" + name
    }

    /// Writes `text` to a file in the folder and returns its path.
    @discardableResult
    package func write(_ text: String, to name: String) throws -> String {
        let target = file(name)
        try text.write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }

    package func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Runs `body` with a fresh temporary folder and removes the folder afterwards, whatever happens.
package func withTemporaryDirectory<Result>(
    prefix: String = "patchbay-test",
    _ body: (TemporaryDirectory) async throws -> Result
) async throws -> Result {
    let directory = try TemporaryDirectory.make(prefix: prefix)
    defer { directory.remove() }
    return try await body(directory)
}

/// Runs `body` with a fresh temporary folder and removes the folder afterwards, for synchronous tests.
package func withTemporaryDirectorySync<Result>(
    prefix: String = "patchbay-test",
    _ body: (TemporaryDirectory) throws -> Result
) throws -> Result {
    let directory = try TemporaryDirectory.make(prefix: prefix)
    defer { directory.remove() }
    return try body(directory)
}
