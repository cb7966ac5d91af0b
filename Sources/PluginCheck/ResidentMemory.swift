import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The resident set size of this process (or of `pid`, a plugin's runner), from /proc/PID/statm (Linux); nil where
/// that file does not exist.
enum ResidentMemory {
    static func bytes(pid: Int32? = nil) -> Int? {
        let file = "/proc/\(pid.map(String.init) ?? "self")/statm"
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * sysconf(Int32(_SC_PAGESIZE))
    }
}
