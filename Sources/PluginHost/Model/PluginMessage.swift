/// Text a plugin hands the host (messages, log lines, output), made safe to print: valid UTF-8 (invalid bytes
/// become U+FFFD), one line, and at most `limit` bytes, so a plugin can neither split a table row nor flood a
/// terminal with a 10 MiB message.
enum PluginMessage {
    /// Messages returned from calls are capped at 4 KiB.
    static let limit = 4096

    static func oneLine(_ bytes: [UInt8], limit: Int = PluginMessage.limit) -> String {
        let text = String(decoding: bytes.prefix(limit + 1), as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard line.utf8.count > limit || bytes.count > limit else { return line }
        // A cut through a multi-byte character decodes as U+FFFD, never as invalid text.
        return String(decoding: line.utf8.prefix(limit), as: UTF8.self) + "… (cut at \(limit) bytes)"
    }
}
