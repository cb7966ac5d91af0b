/// One frame of the runner protocol (`Sources/PatchbayPluginRunner/wire.h`): a type, the call it belongs to, and
/// its payload.
struct RunnerFrame: Sendable {
    /// The frame types; the numbers are wire.h's `WIRE_*`.
    enum Kind: UInt16, Sendable {
        case create = 1
        case call = 2
        case httpReply = 3
        case pageAck = 4
        case cancel = 5
        case destroy = 6
        case descriptor = 101
        case loadFailed = 102
        case result = 103
        case http = 104
        case page = 105
        case log = 106
        case stage = 107
    }

    /// The call kinds of a `.call` frame (wire.h's `CALL_*`).
    enum CallKind: UInt8, Sendable {
        case validate = 1
        case listNetworks = 2
        case counts = 3

        /// The ABI's name of the function, for messages.
        var name: String {
            switch self {
            case .validate: "validate"
            case .listNetworks: "list_networks"
            case .counts: "counts"
            }
        }
    }

    var type: UInt16
    var call: UInt32
    var payload: [UInt8]

    var kind: Kind? { Kind(rawValue: type) }
}

/// Builds a frame payload: little-endian integers (the runner writes native order, and both ends share one
/// little-endian machine: x86-64 or arm64 Linux), strings as length + bytes.
struct WireWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) { bytes.append(value) }

    mutating func u32(_ value: UInt32) {
        bytes.append(contentsOf: [
            UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24),
        ])
    }

    mutating func i32(_ value: Int32) { u32(UInt32(bitPattern: value)) }

    mutating func data(_ value: [UInt8]) {
        u32(UInt32(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func string(_ value: String) { data(Array(value.utf8)) }
}

/// Reads a frame payload written by the runner; a read past the end sets `failed` and yields zeros.
struct WireReader {
    private let bytes: [UInt8]
    private var offset = 0
    private(set) var failed = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    private mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard !failed, count >= 0, bytes.count - offset >= count else {
            failed = true
            return nil
        }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func u8() -> UInt8 { take(1)?.first ?? 0 }

    mutating func u32() -> UInt32 {
        guard let slice = take(4) else { return 0 }
        var value: UInt32 = 0
        for (shift, byte) in zip(stride(from: 0, to: 32, by: 8), slice) { value |= UInt32(byte) << UInt32(shift) }
        return value
    }

    mutating func i32() -> Int32 { Int32(bitPattern: u32()) }

    mutating func u64() -> UInt64 {
        let low = UInt64(u32())
        return UInt64(u32()) << 32 | low
    }

    mutating func data() -> [UInt8] {
        let count = Int(u32())
        return take(count).map(Array.init) ?? []
    }

    /// An optional byte string: a presence flag, then the bytes.
    mutating func optionalData() -> [UInt8]? {
        u8() == 0 ? nil : data()
    }

    mutating func string() -> String { String(decoding: data(), as: UTF8.self) }
}
