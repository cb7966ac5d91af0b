import PatchbayProviderABI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The credentials JSON of one call, in memory the host owns and zeroes when the call is over.
final class SecretBuffer {
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private let length: Int

    /// Exactly `bytes`, as the conformance checker sends malformed credentials (not JSON, empty).
    init(bytes: [UInt8]) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = storage.initialize(from: bytes)
        self.storage = storage
        self.length = bytes.count
    }

    init(credentials: ProviderCredentials) {
        let length = JSONObjectWriter.length(of: credentials.fields)
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(length, 1))
        var index = 0
        JSONObjectWriter.write(credentials.fields) { byte in
            storage[index] = byte
            index += 1
        }
        self.storage = storage
        self.length = length
    }

    /// Borrowed by the plugin for the duration of one call.
    var buffer: patchbay_buffer {
        patchbay_buffer(data: UnsafePointer(storage.baseAddress), length: length)
    }

    deinit {
        // explicit_bzero cannot be optimised away as a dead store.
        if let base = storage.baseAddress { explicit_bzero(base, storage.count) }
        storage.deallocate()
    }
}
