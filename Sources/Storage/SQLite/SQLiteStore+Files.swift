import Foundation

/// The data directory and the database files: readable by their owner only.
extension SQLiteStore {
    /// Creates the directory 0700 when missing; refuses an existing one whose mode lets group or others in.
    static func prepareDirectory(_ directory: String) throws(StorageError) {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: directory, isDirectory: &isDirectory) {
            let mode = (try? files.attributesOfItem(atPath: directory)[.posixPermissions] as? Int) ?? 0
            if mode & 0o077 != 0 {
                throw StorageError(path: directory, reason: .exposedDirectory(mode: mode & 0o7777))
            }
            return
        }
        do {
            try files.createDirectory(
                atPath: directory,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw StorageError(path: directory, reason: .cannotOpen("cannot create the data directory: \(error)"))
        }
    }

    /// Creates the database file 0600 before SQLite opens it (SQLite gives the `-wal` and `-shm` files the mode of
    /// the database), and narrows any of the three an older Patchbay left at 0644.
    static func restrictFiles(of path: String) throws(StorageError) {
        let files = FileManager.default
        if !files.fileExists(atPath: path) {
            guard files.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw StorageError(path: path, reason: .cannotOpen("cannot create the database file"))
            }
        }
        for file in [path, path + "-wal", path + "-shm"] where files.fileExists(atPath: file) {
            do {
                try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
            } catch {
                throw StorageError(path: file, reason: .cannotOpen("cannot make the file private (0600): \(error)"))
            }
        }
    }
}
