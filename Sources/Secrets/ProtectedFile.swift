#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small files readable by their owner only (`0600`), written so no reader ever sees a partial file.
///
/// Plain POSIX calls with Swift arrays, no pointers: `O_EXCL` and `link` give atomic creation, and temp file + `fsync`
/// + `rename` + directory `fsync` give atomic, durable replacement.
enum ProtectedFile {
    /// The file's bytes, or nil when it does not exist. With `ownerOnly`, refuses a file group or others can read.
    static func contents(ofPath path: String, ownerOnly: Bool) throws -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw failure(path, "open")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(path, "fstat") }
        let mode = UInt32(info.st_mode) & 0o777
        if ownerOnly, mode & 0o077 != 0 {
            throw SecretsError(.masterKeyFileTooOpen(path: path, mode: mode))
        }
        var contents: [UInt8] = []
        contents.reserveCapacity(Int(info.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 4096)
        defer { SecretBytes.cleanse(&chunk) }
        while true {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw failure(path, "read") }
            if count == 0 { return contents }
            contents.append(contentsOf: chunk[0..<count])
        }
    }

    /// Creates `path` holding `contents` with mode 0600 unless it exists; returns false when it already did.
    static func createExclusively(path: String, contents: [UInt8]) throws -> Bool {
        let temporary = try writeTemporary(beside: path, contents: contents)
        defer { unlink(temporary) }
        // link(2) fails with EEXIST instead of replacing, and the file appears whole or not at all.
        guard link(temporary, path) == 0 else {
            if errno == EEXIST { return false }
            throw failure(path, "link")
        }
        try syncDirectory(of: path)
        return true
    }

    /// Replaces `path` with `contents` (mode 0600) atomically and durably.
    static func replace(path: String, contents: [UInt8]) throws {
        let temporary = try writeTemporary(beside: path, contents: contents)
        guard rename(temporary, path) == 0 else {
            let error = failure(path, "rename")
            unlink(temporary)
            throw error
        }
        try syncDirectory(of: path)
    }

    /// Creates the directory (and its parents) with mode 0700 when it is missing.
    static func createDirectory(path: String) throws {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST { throw failure(prefix, "mkdir") }
        }
    }

    private static func writeTemporary(beside path: String, contents: [UInt8]) throws -> String {
        let temporary = path + ".tmp-" + Digest.hex(try SecureRandom.bytes(count: 6))
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure(temporary, "create") }
        var closed = false
        defer { if !closed { close(descriptor) } }
        do {
            // The umask can only clear bits of 0600; set it exactly so the owner can always read the file back.
            guard fchmod(descriptor, 0o600) == 0 else { throw failure(temporary, "fchmod") }
            // These files are a few hundred bytes: a regular file takes them in one write unless the disk is full.
            var count = write(descriptor, contents, contents.count)
            while count < 0, errno == EINTR { count = write(descriptor, contents, contents.count) }
            guard count == contents.count else { throw failure(temporary, "write") }
            guard fsync(descriptor) == 0 else { throw failure(temporary, "fsync") }
            closed = true
            guard close(descriptor) == 0 else { throw failure(temporary, "close") }
        } catch {
            unlink(temporary)
            throw error
        }
        return temporary
    }

    private static func syncDirectory(of path: String) throws {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(directory, "open") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(directory, "fsync") }
    }

    private static func failure(_ path: String, _ operation: String) -> SecretsError {
        SecretsError(.io(path: path, operation: operation, detail: String(cString: strerror(errno))))
    }
}
