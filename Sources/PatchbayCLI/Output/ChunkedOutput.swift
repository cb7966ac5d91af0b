import Foundation

/// Standard output written in 64 KiB chunks: a listing of any length costs one buffer, and far fewer writes than a
/// `print` per row.
struct ChunkedOutput {
    private var buffer: [UInt8] = []
    private let chunkSize = 1 << 16

    init() {
        buffer.reserveCapacity(chunkSize)
    }

    mutating func write(_ text: String) {
        write(Array(text.utf8))
    }

    mutating func write(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= chunkSize { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        StandardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
