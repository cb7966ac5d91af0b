/// Replaces credential values in text that leaves a call: plugin messages, log lines, HTTP errors.
struct Redactor: Sendable {
    static let placeholder = "<redacted>"
    let secrets: [String]

    init(secrets: [String]) {
        // Longest first, so a secret that contains another is replaced whole.
        self.secrets = Array(Set(secrets.filter { !$0.isEmpty })).sorted { $0.count > $1.count }
    }

    func redact(_ text: String) -> String {
        secrets.reduce(text) { text, secret in text.replacing(secret, with: Self.placeholder) }
    }
}
