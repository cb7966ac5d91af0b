/// What the client knows about the call a request belongs to.
package struct HTTPCallContext: Sendable {
    /// Values to redact from every log line and error (credentials of this call).
    package var secrets: [String]
    /// Identifies the credential set for `.credential` budgets (a hash, never the secret itself).
    package var credentialKey: String?
    /// Polled while waiting (pacing, backoff), between attempts, and by curl during a transfer.
    package var isCancelled: @Sendable () -> Bool

    package init(
        secrets: [String] = [],
        credentialKey: String? = nil,
        isCancelled: @escaping @Sendable () -> Bool = { false }
    ) {
        self.secrets = secrets
        self.credentialKey = credentialKey
        self.isCancelled = isCancelled
    }
}
