import PatchbayProviderABI

extension patchbay_buffer {
    /// A view of the bytes, valid as long as the buffer is.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: data, count: data == nil ? 0 : length)
    }

    /// A buffer this plugin owns, released by `releaseOwned` (the descriptor's `free_buffer`).
    static func owned(_ source: some Collection<UInt8>) -> patchbay_buffer {
        guard !source.isEmpty else { return patchbay_buffer(data: nil, length: 0) }
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: source.count)
        _ = UnsafeMutableBufferPointer(start: storage, count: source.count).initialize(from: source)
        return patchbay_buffer(data: UnsafePointer(storage), length: source.count)
    }

    static func releaseOwned(_ buffer: patchbay_buffer) {
        guard let data = buffer.data else { return }
        UnsafeMutablePointer(mutating: data).deallocate()
    }
}
