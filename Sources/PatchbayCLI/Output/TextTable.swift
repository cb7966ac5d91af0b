/// A plain-text table: a header row and left-aligned columns padded to their widest cell.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []

    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines joined by newlines, with no trailing spaces.
    func render() -> String {
        // Cells come from providers and users: a control character would recolour the terminal or split a row.
        let rows = ([headers] + self.rows).map { $0.map(TerminalText.neutralized) }
        let columnCount = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columnCount)
        for row in rows {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], cell.count)
            }
        }
        let lines = rows.map { row in
            row.enumerated()
                .map { index, cell in
                    index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] + 2 - cell.count)
                }
                .joined()
        }
        return lines.joined(separator: "\n")
    }
}
