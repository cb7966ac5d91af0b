import COpenSSL

/// The one funnel from OpenSSL return codes to ``SecretsError``, in the spirit of NIO's `syscall`.
enum OpenSSLCall {
    /// Runs an OpenSSL function that returns 1 on success, turning anything else into a ``SecretsError``.
    static func check(_ function: String, _ result: Int32) throws {
        guard result == 1 else {
            throw SecretsError(.openSSL(function: function, detail: drainErrorQueue()))
        }
    }

    /// Unwraps a pointer an OpenSSL allocator returned, turning NULL into a ``SecretsError``.
    static func check<Pointer>(_ function: String, _ pointer: Pointer?) throws -> Pointer {
        guard let pointer else {
            throw SecretsError(.openSSL(function: function, detail: drainErrorQueue()))
        }
        return pointer
    }

    /// Empties this thread's error queue and joins its entries into one line.
    ///
    /// Emptying matters: a stale entry would otherwise be blamed on the next failure on this thread.
    static func drainErrorQueue() -> String {
        var entries: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            entries.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return entries.isEmpty ? "failed with an empty error queue" : entries.joined(separator: " | ")
    }
}
