/// The cells of a row of a markdown pipe table: the one cell splitter, for documentation pages
/// and for schema/dictionary.md. It splits at pipes that are not escaped (`\|`) and drops the
/// outer pipes (either may be missing); cells keep their text as written, spaces and escapes
/// included, for the caller to clean.
package enum PipeTableRow {
    package static func cells(_ row: Substring) -> [Substring] {
        var text = row.trimmingWhitespace()
        if text.hasPrefix("|") { text = text.dropFirst() }
        if text.hasSuffix("|") && !text.hasSuffix("\\|") { text = text.dropLast() }
        var cells: [Substring] = []
        var start = text.startIndex
        var previous: Character = " "
        for index in text.indices {
            let c = text[index]
            if c == "|" && previous != "\\" {
                cells.append(text[start..<index])
                start = text.index(after: index)
            }
            previous = c
        }
        cells.append(text[start...])
        return cells
    }

    /// A cell's escaped pipes (`\|`) as plain pipes.
    package static func unescapingPipes(_ cell: Substring) -> String {
        cell.replacingOccurrences(of: "\\|", with: "|")
    }
}
