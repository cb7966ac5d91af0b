/// Replaces credential values in text that leaves a call: plugin messages, log lines, HTTP errors.
struct Redactor: Sendable {
    static let placeholder = "<redacted>"
    let secrets: [String]

    init(secrets: [String]) {
        // Longest first, so a secret that contains another is replaced whole.
        self.secrets = Array(Set(secrets.filter { !$0.isEmpty })).sorted { $0.utf8.count > $1.utf8.count }
    }

    func redact(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var changed = false
        for secret in secrets {
            changed = Self.replace(Array(secret.utf8), in: &bytes) || changed
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    /// Replaces every occurrence of `pattern` in `bytes`; a plain scan, quick for the short texts of one call.
    private static func replace(_ pattern: [UInt8], in bytes: inout [UInt8]) -> Bool {
        guard let first = pattern.first, bytes.count >= pattern.count else { return false }
        var output: [UInt8] = []
        var index = 0
        var found = false
        while index < bytes.count {
            if bytes[index] == first, index + pattern.count <= bytes.count,
                bytes[index..<index + pattern.count].elementsEqual(pattern)
            {
                if !found {
                    output.reserveCapacity(bytes.count)
                    output.append(contentsOf: bytes[..<index])
                    found = true
                }
                output.append(contentsOf: placeholder.utf8)
                index += pattern.count
            } else {
                if found { output.append(bytes[index]) }
                index += 1
            }
        }
        if found { bytes = output }
        return found
    }
}
