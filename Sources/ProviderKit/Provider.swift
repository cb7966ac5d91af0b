/// What a vendor implements to ship a provider: a descriptor, an initializer and the calls of the v1 contract.
///
/// One library exports one provider, with one line:
/// `@c(patchbay_provider_entry) public func entry() -> UnsafePointer<patchbay_provider> {
///     ProviderExport.entry(for: MyProvider.self) }`.
/// ProviderKit owns every pointer, buffer and C string; the provider sees only Swift values. Anything it throws is
/// turned into a status and a one-line message: a `ProviderKitError` keeps its code, any other error is `internal`.
///
/// The host may call a provider from any of its threads. Calls overlap on one instance only when the descriptor sets
/// `isConcurrent`, so a provider that keeps mutable state either protects it or leaves that flag off.
public protocol Provider: Sendable {
    /// What the host shows and enforces: identity, credential fields, settings, egress, rate budgets.
    static var descriptor: ProviderDescriptor { get }

    /// Creates an instance from its settings: every declared setting with its default applied, values as strings.
    /// Throw `ProviderKitError(.invalidArgument, ...)` for a bad value. No I/O here: nothing can be retried yet.
    init(settings: [String: String], host: ProviderHost) throws

    /// Checks credentials against the provider and says whom they act as and what they can see.
    func validate(credentials: Credentials, call: Call) throws -> Validation

    /// Lists every network the credentials can see, handing them to `sink` as they arrive. Returning normally means
    /// the listing is complete; throw on anything partial.
    func listNetworks(credentials: Credentials, call: Call, sink: NetworkSink) throws
}

/// A provider that can count what the credentials see more cheaply than listing it (extension `patchbay.counts/1`).
public protocol CountingProvider: Provider {
    func counts(credentials: Credentials, call: Call) throws -> Counts
}
