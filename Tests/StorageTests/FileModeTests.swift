import Foundation
import PatchbayTestSupport
import Testing

@testable import Storage

/// Token hashes, ciphertexts and the audit log are the owner's alone: the finding was a 0644 database in a 0755
/// directory.
@Suite struct FileModeTests {
    @Test func newDirectoryAndDatabaseFilesAreOwnerOnly() throws {
        try withTemporaryDirectorySync(prefix: "patchbay-storage") { folder in
            let directory = folder.file("data")
            let store = try SQLiteStore(directory: directory)
            _ = try store.bootstrap(ownerName: "o", workspaceName: "w", tokenName: "t", tokenHash: "h", now: Date())
            #expect(try mode(directory) == 0o700)
            let present = store.files.filter { FileManager.default.fileExists(atPath: $0) }
            #expect(present.count == 3, "\(present)")  // WAL mode keeps -wal and -shm while the store is open
            for file in present {
                #expect(try mode(file) == 0o600, "\(file)")
            }
        }
    }

    @Test(arguments: [0o755, 0o750, 0o711, 0o705])
    func directoryOthersCanEnterIsRefusedWithTheChmodToRun(_ permissions: Int) throws {
        try withTemporaryDirectorySync(prefix: "patchbay-storage") { folder in
            let directory = folder.file("data")
            try FileManager.default.createDirectory(
                atPath: directory,
                withIntermediateDirectories: false,
                attributes: [.posixPermissions: permissions]
            )
            #expect {
                try SQLiteStore(directory: directory)
            } throws: { error in
                guard let error = error as? StorageError else { return false }
                return error.reason == .exposedDirectory(mode: permissions)
                    && error.description.hasSuffix("; run `chmod 700 \(directory)`")
            }
            #expect(!FileManager.default.fileExists(atPath: directory + "/patchbay.sqlite"))
        }
    }

    @Test func filesAnOlderVersionLeftReadableAreNarrowed() throws {
        try withTemporaryDirectorySync(prefix: "patchbay-storage") { folder in
            let directory = folder.file("data")
            let first = try SQLiteStore(directory: directory)
            _ = try first.bootstrap(ownerName: "o", workspaceName: "w", tokenName: "t", tokenHash: "h", now: Date())
            for file in first.files where FileManager.default.fileExists(atPath: file) {
                try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
            }
            let reopened = try SQLiteStore(directory: directory)
            for file in reopened.files where FileManager.default.fileExists(atPath: file) {
                #expect(try mode(file) == 0o600, "\(file)")
            }
            #expect(try reopened.userCount() == 1)
        }
    }
}

private func mode(_ path: String) throws -> Int {
    try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) & 0o7777
}
