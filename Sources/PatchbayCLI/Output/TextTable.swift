/// A plain-text table: a header row and left-aligned columns padded to their widest cell.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []

    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table as lines joined by newlines, with no trailing spaces.
    func render() -> String {
        var widths: [Int] = []
        for row in [headers] + rows {
            Self.widen(&widths, toFit: row)
        }
        return ([headers] + rows).map { Self.line($0, widths: widths) }.joined(separator: "\n")
    }

    /// Grows `widths` so every cell of `row` fits: one pass of a table printed row by row, in flat memory.
    static func widen(_ widths: inout [Int], toFit row: [String]) {
        if widths.count < row.count {
            widths += [Int](repeating: 0, count: row.count - widths.count)
        }
        for (index, cell) in row.enumerated() {
            widths[index] = max(widths[index], cell.count)
        }
    }

    /// One row padded to `widths`; the last cell is not padded, so no line ends in spaces.
    static func line(_ row: [String], widths: [Int]) -> String {
        row.enumerated()
            .map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] + 2 - cell.count)
            }
            .joined()
    }
}
