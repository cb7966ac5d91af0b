import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The resident set size of this process, from /proc/self/statm (Linux); nil where that file does not exist.
enum ResidentMemory {
    static func bytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * sysconf(Int32(_SC_PAGESIZE))
    }
}
