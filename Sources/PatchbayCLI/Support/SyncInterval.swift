/// `--sync-every DURATION`: `90s`, `15m`, `2h` (whole numbers, at least 1 second), or `off` where allowed.
enum SyncInterval {
    static let accepted = "a whole number of seconds, minutes or hours like 90s, 15m or 2h (at least 1s)"

    /// Seconds for a DURATION; nil for `off` when `allowsOff`.
    static func parse(_ text: String, allowsOff: Bool = false) throws -> Int? {
        if allowsOff && text == "off" { return nil }
        let unit = text.last
        let multiplier: Int? =
            switch unit {
            case "s": 1
            case "m": 60
            case "h": 3600
            default: nil
            }
        guard let multiplier, let count = Int(text.dropLast()), count >= 1, count <= Int(Int32.max) / multiplier
        else {
            let off = allowsOff ? ", or off" : ""
            throw CLIError("--sync-every \(text): not a duration; use \(accepted)\(off)")
        }
        return count * multiplier
    }
}
