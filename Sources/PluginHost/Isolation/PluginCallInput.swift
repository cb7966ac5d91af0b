/// The credentials of one call: well-formed fields, or exact bytes (the conformance checker sends malformed ones).
enum PluginCallInput: Sendable {
    case fields(ProviderCredentials)
    case bytes([UInt8])
}
