#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open shared library: the only type in Patchbay that calls `dlopen` and `dlsym`.
///
/// Libraries stay loaded for the life of the process: unloading Swift code leaves dangling runtime metadata
/// (swiftlang/swift#75889), so there is no `close`.
struct DynamicLibrary: @unchecked Sendable {  // immutable; dlsym is thread-safe
    let path: String
    private let handle: UnsafeMutableRawPointer

    /// Opens `path`, or when `file` is given, that already open (and hash-checked) file through /proc/self/fd.
    init(path: String, file: PinnedFile? = nil) throws(PluginLoadError) {
        let opened = file?.procPath ?? path
        // RTLD_NOW surfaces missing imports here, not at the first call; RTLD_LOCAL keeps one plugin's symbols
        // from resolving another plugin's imports.
        guard let handle = dlopen(opened, RTLD_NOW | RTLD_LOCAL) else {
            let detail = Self.lastError(for: opened)
            throw PluginLoadError(
                path: path,
                reason: ELFIdentity.mismatch(at: path).map { .wrongArchitecture($0) } ?? .cannotOpen(detail)
            )
        }
        self.path = path
        self.handle = handle
    }

    /// The address of an exported symbol, or nil when the library does not export it.
    func symbol(named name: String) -> UnsafeMutableRawPointer? {
        dlsym(handle, name)
    }

    private static func lastError(for path: String) -> String {
        let message = dlerror().map { String(cString: $0) } ?? "unknown dlopen failure"
        // glibc starts the message with the path; the error names the path once.
        return message.hasPrefix(path + ": ") ? String(message.dropFirst(path.count + 2)) : message
    }
}
