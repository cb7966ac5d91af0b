import Foundation
import Testing

/// Runs `body` with a fresh empty directory that is removed afterwards.
///
/// Belongs in PatchbayTestSupport's temp data dir helper once that exists; kept here so Secrets tests stand alone.
func withTemporaryDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("patchbay-secrets-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try body(directory)
}

/// The permission bits of the file at `url`, e.g. 0o600.
func permissions(of url: URL) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
    return try #require(attributes[.posixPermissions] as? Int)
}
