import HTTPClient
import Logging
import Synchronization

/// Everything host services need to know about one call in flight: whose egress, which secrets, whether to stop.
///
/// The plugin holds it as an opaque `patchbay_call *` for the duration of the call. Redaction and the credential
/// key are derived only when a message, log line or request needs them, so a quiet call costs nothing extra.
package final class CallContext: Sendable {
    package let providerID: String
    let httpClient: HTTPClient
    let logger: Logger
    private let credentials: ProviderCredentials?
    private let cancelled = Atomic<Bool>(false)

    init(providerID: String, httpClient: HTTPClient, logger: Logger, credentials: ProviderCredentials?) {
        self.providerID = providerID
        self.httpClient = httpClient
        self.logger = logger
        self.credentials = credentials
    }

    package var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    package func cancel() {
        cancelled.store(true, ordering: .relaxed)
    }

    /// This call's credential values, the secrets no text leaving the call may hold.
    private var secrets: [String] { credentials.map { Array($0.fields.values) } ?? [] }

    /// Redacts this call's credential values, raw or percent-encoded: the same redaction as HTTP traces.
    var redactor: Redaction { Redaction(secrets: secrets) }

    var httpContext: HTTPCallContext {
        HTTPCallContext(
            secrets: secrets,
            credentialKey: credentials.map(Self.key(for:))
        ) { [self] in isCancelled }
    }

    /// A per-process keyed hash of the credentials: stable while the process runs, useless outside it.
    private static func key(for credentials: ProviderCredentials) -> String {
        var hasher = Hasher()  // randomly seeded per process
        for (name, value) in credentials.fields.sorted(by: { $0.key < $1.key }) {
            hasher.combine(name)
            hasher.combine(value)
        }
        return String(UInt(bitPattern: hasher.finalize()), radix: 16)
    }
}
