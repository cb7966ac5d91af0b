import PatchbayProviderABI

/// Copies buffers a plugin returned into Swift values and hands them back to the plugin's `free_buffer`.
struct PluginBuffers {
    let free: @convention(c) (patchbay_buffer) -> Void

    /// The bytes of `buffer`, released to the plugin; nil for an empty buffer.
    func take(_ buffer: patchbay_buffer) -> [UInt8]? {
        guard let data = buffer.data else { return nil }
        defer { free(buffer) }
        guard buffer.length > 0 else { return nil }
        return Array(UnsafeBufferPointer(start: data, count: buffer.length))
    }

    /// A message the plugin returned, as text; invalid UTF-8 is reported rather than passed on.
    func takeMessage(_ buffer: patchbay_buffer) -> String? {
        guard let bytes = take(buffer) else { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else { return "(message is not valid UTF-8)" }
        // One line: a message is printed in tables and logs.
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
