#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plugin library opened once and kept open, so the bytes whose SHA-256 was checked are the bytes that get
/// loaded: `dlopen` (here, or in a runner that inherits the descriptor) opens `/proc/self/fd/N`, the same inode,
/// whatever happens to the path meanwhile (a rename or `renameat2(RENAME_EXCHANGE)` swap after the check).
final class PinnedFile: @unchecked Sendable {  // the descriptor is only read; closed once, in deinit
    let path: String
    let descriptor: Int32

    /// Opens `path` read-only; nil when it cannot be opened.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// The path that reopens this very file, as long as this object lives.
    var procPath: String { "/proc/self/fd/\(descriptor)" }

    /// Every byte of the file, read through the descriptor from the start; nil on a read error.
    func contents() -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var offset: off_t = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            offset += off_t(count)
        }
    }
}
