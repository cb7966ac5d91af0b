import PatchbayProviderABI

/// The one funnel every C entry point goes through: runs Swift code, turns what it throws into a status and a
/// plugin-owned message, and hands results out as plugin-owned buffers.
enum Boundary {
    static func run(
        providerID: String,
        message: UnsafeMutablePointer<patchbay_buffer>?,
        _ body: () throws -> Void
    ) -> patchbay_status {
        do {
            try body()
            return PATCHBAY_OK
        } catch let error as ProviderKitError {
            message?.pointee = .owned(Array(error.message.utf8))
            return error.code.rawValue
        } catch {
            // Not a ProviderKitError: a bug in the provider, reported without guessing a better status.
            message?.pointee = .owned(Array("\(providerID): unexpected error: \(error); report it to the vendor".utf8))
            return PATCHBAY_INTERNAL
        }
    }

    static func write(_ bytes: [UInt8], to out: UnsafeMutablePointer<patchbay_buffer>?, providerID: String) throws {
        guard let out else {
            throw ProviderKitError(.invalidArgument, "\(providerID): no result pointer given; this is a host bug")
        }
        out.pointee = .owned(bytes)
    }
}
