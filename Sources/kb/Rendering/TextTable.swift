/// Columns of text padded to their widest cell, by display width (CJK counts double).
enum TextTable {
    static func print(header: [String], rows: [[String]]) throws {
        var widths = header.map(displayWidth)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], displayWidth(cell)) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - displayWidth(cell))
            }.joined(separator: "  ")
        }
        try Output.line(line(header))
        for row in rows { try Output.line(line(row)) }
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x1100 && ($1.properties.isIdeographic || (0xFF00...0xFF60).contains($1.value) || (0x3000...0x303F).contains($1.value))) ? 2 : 1) }
    }
}
