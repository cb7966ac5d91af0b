import HTTPClient
import Logging
import PatchbayProviderABI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The host services table handed to every plugin's `create`: one static table that is never freed, so it
/// outlives every instance.
enum HostTable {
    nonisolated(unsafe) static let pointer: UnsafePointer<patchbay_host> = {
        let table = UnsafeMutablePointer<patchbay_host>.allocate(capacity: 1)
        table.initialize(
            to: patchbay_host(
                abi_major: ProviderABI.major,
                abi_minor: ProviderABI.minor,
                struct_size: UInt32(MemoryLayout<patchbay_host>.size),
                reserved: 0,
                http_request: { call, request, response, message in
                    HTTPBridge.perform(call: call, request: request, response: response, message: message)
                },
                free_response: { response in free(response) },  // one allocation holds the whole response
                free_buffer: { buffer in free(UnsafeMutableRawPointer(mutating: buffer.data)) },
                log: { call, level, message in HostTable.log(call: call, level: level, message: message) },
                monotonic_ns: { HostTable.monotonicNanoseconds() },
                is_cancelled: { call in CallHandle.context(call)?.isCancelled == true ? 1 : 0 },
                get_extension: { _ in nil }
            )
        )
        return UnsafePointer(table)
    }()

    private static func log(call: OpaquePointer?, level: Int32, message: patchbay_buffer) {
        let context = CallHandle.context(call)
        let logger = context?.logger ?? PluginLogging.logger
        let level = logLevel(level)
        guard logger.logLevel <= level else { return }  // no copy or redaction for a line nobody will see
        let bytes = message.data.map { Array(UnsafeBufferPointer(start: $0, count: message.length)) } ?? []
        let text = String(decoding: bytes, as: UTF8.self)  // invalid UTF-8 becomes U+FFFD, never a crash
        let line = context?.redactor.redact(text) ?? text
        logger.log(level: level, "\(line)")
    }

    private static func logLevel(_ level: Int32) -> Logger.Level {
        switch level {
        case PATCHBAY_LOG_DEBUG: .debug
        case PATCHBAY_LOG_WARNING: .warning
        case PATCHBAY_LOG_ERROR: .error
        default: .info
        }
    }

    static func monotonicNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    /// A host-owned copy of `text` for `*out_message`; the plugin releases it with the host's free_buffer.
    static func hostBuffer(_ text: String) -> patchbay_buffer {
        let bytes = Array(text.utf8)
        guard let memory = malloc(max(bytes.count, 1))?.assumingMemoryBound(to: UInt8.self) else {
            return patchbay_buffer(data: nil, length: 0)
        }
        memory.initialize(from: bytes, count: bytes.count)
        return patchbay_buffer(data: UnsafePointer(memory), length: bytes.count)
    }
}
