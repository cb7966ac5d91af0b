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

    /// A message the plugin returned, as one line of at most 4 KiB (`PluginMessage`).
    func takeMessage(_ buffer: patchbay_buffer) -> String? {
        take(buffer).map { PluginMessage.oneLine($0) }
    }
}
