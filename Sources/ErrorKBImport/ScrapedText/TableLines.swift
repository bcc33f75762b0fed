extension ScrapedTextParser {
    /// A table's header: cells separated by a tab, not a quoted message ("报错信息<TAB>描述").
    enum TableHeader: LineRecognizer {
        static func read(at index: Int, in parser: inout ScrapedTextParser) -> Int? {
            let line = parser.lines[index]
            guard TabTable.isHeader(line.text) else { return nil }
            parser.builder.mark(line.number, .tableHeader)
            parser.state = .table
            return index + 1
        }
    }

    /// A table row: a quoted message, a tab, what it means.
    enum TableRowLine: LineRecognizer {
        static func read(at index: Int, in parser: inout ScrapedTextParser) -> Int? {
            let line = parser.lines[index]
            guard let row = TabTable.row(line.text) else { return nil }
            parser.builder.tableRow(message: row.message, description: row.description, line: line.number)
            parser.state = .table
            return index + 1
        }
    }
}
