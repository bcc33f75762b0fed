import ErrorKB
import ErrorKBSupport
import Foundation

/// Writers for the three output formats.
enum Output {
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF rows.
    static func csv(header: [String], rows: [[String?]]) {
        var out = csvLine(header)
        for row in rows { out += csvLine(row) }
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    static func csvLine(_ fields: [String?]) -> String { RowFormat.csvLine(fields) }

    /// Columns padded to their widest cell (display width: CJK counts double).
    static func table(header: [String], rows: [[String]]) {
        var widths = header.map(displayWidth)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], displayWidth(cell)) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - displayWidth(cell))
            }.joined(separator: "  ")
        }
        print(line(header))
        for row in rows { print(line(row)) }
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (($1.value >= 0x1100 && ($1.properties.isIdeographic || (0xFF00...0xFF60).contains($1.value) || (0x3000...0x303F).contains($1.value))) ? 2 : 1) }
    }

    static func code(_ code: Int64?) -> String { code.map(String.init) ?? "" }
}
