/// Makes text from providers, plugins and users safe to show on a terminal (issue 15 item 9).
///
/// A provider-supplied name like `"\u{1B}]8;;http://evil.example/\u{07}link"` would otherwise plant a hyperlink,
/// recolour the terminal or, with a newline, split a table row in two. Every character a terminal acts on rather
/// than shows is written visibly as `\u{XX}` instead: C0 controls (tab and newline included), DEL, C1 controls,
/// the bidirectional overrides and isolates that reorder what follows, and the Unicode line separators. Everything
/// else, non-ASCII letters included, is kept. `--json` output never goes through here: scripts get exact values.
enum TerminalText {
    static func neutralized(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isActive) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if isActive(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Several lines: each is neutralized, the line breaks between them are kept.
    static func neutralizedLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { neutralized(String($0)) }
            .joined(separator: "\n")
    }

    /// Whether a terminal would act on `scalar` instead of showing it.
    static func isActive(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true  // C0, DEL, C1 (0x9B is CSI: an escape sequence on its own)
        case 0x061C, 0x200E, 0x200F: true  // Arabic letter mark, left-to-right and right-to-left marks
        case 0x202A...0x202E, 0x2066...0x2069: true  // bidi embeddings, overrides and isolates
        case 0x2028, 0x2029: true  // line and paragraph separators
        default: false
        }
    }
}

/// Human output on stdout: one line, neutralized. Tables and lists neutralize their own cells.
func say(_ line: String) {
    print(TerminalText.neutralized(line))
}

/// Human output of several lines on stdout, each neutralized; the line breaks between them are kept.
func sayLines(_ text: String) {
    print(TerminalText.neutralizedLines(text))
}
