import HTTPClient
import Logging
import Secrets
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
    /// Runs when the call is cancelled: a runner call pushes the cancellation to its runner.
    private let cancelHandler = Mutex<(@Sendable () -> Void)?>(nil)

    init(providerID: String, httpClient: HTTPClient, logger: Logger, credentials: ProviderCredentials?) {
        self.providerID = providerID
        self.httpClient = httpClient
        self.logger = logger
        self.credentials = credentials
    }

    package var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    package func cancel() {
        cancelled.store(true, ordering: .relaxed)
        cancelHandler.withLock { $0 }?()
    }

    /// Sets what else cancelling does; runs it at once when the call is already cancelled.
    func onCancel(_ handler: (@Sendable () -> Void)?) {
        cancelHandler.withLock { $0 = handler }
        if isCancelled { handler?() }
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

    /// The credentials' SHA-256, over a length-prefixed encoding of their sorted fields: the same in every process,
    /// so a `credential` budget (Mist: 5,000 requests an hour per token) is shared by every process on the data
    /// through the rate buckets; like an API token's stored hash, it is a digest of a high-entropy secret.
    private static func key(for credentials: ProviderCredentials) -> String {
        var material = Array("patchbay-rate-credential".utf8)
        for (name, value) in credentials.fields.sorted(by: { $0.key < $1.key }) {
            for text in [name, value] { material += Array("\(text.utf8.count):\(text)".utf8) }
        }
        return Digest.sha256Hex(material)
    }
}
