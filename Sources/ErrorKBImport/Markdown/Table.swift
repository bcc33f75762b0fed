import ErrorKBSupport

extension MarkdownParser {
    /// A pipe table, from its header to the first line that cannot be a row. A two-column table
    /// (message | description) holds message-keyed rows; others are not error data.
    enum Table: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let lines = parser.lines
            guard PipeTable.startsTable(lines, at: index) else { return nil }
            let keyed = PipeTableRow.cells(lines[index].text).filter { !$0.allSatisfy(\.isWhitespace) }.count == 2
            parser.builder.mark(lines[index].number...lines[index + 1].number, keyed ? .tableHeader : .otherTable)
            let leadingPipe = lines[index].trimmed.hasPrefix("|")
            var i = index + 2
            while lines.has(i), !lines[i].isBlank, lines[i].text.containsByte(UInt8(ascii: "|")), MarkdownText.heading(lines[i].text) == nil {
                var end = i
                var text = String(lines[i].text)
                // With leading pipes a row ends with a pipe; until then its last cell runs on.
                while leadingPipe, !text.trimmingWhitespace().hasSuffix("|"), lines.has(end + 1),
                      MarkdownText.heading(lines[end + 1].text) == nil {
                    end += 1
                    text += "\n" + lines[end].text
                }
                let cells = PipeTableRow.cells(text[...])
                let description = cells.count > 1 ? InlineMarkup.clean(cells[1]) : ""
                for message in keyed ? PipeTable.messages(inCell: cells[0]) : [] {
                    parser.builder.tableRow(message: message, description: description, line: lines[i].number, lastLine: lines[end].number)
                }
                parser.builder.mark(lines[i].number...lines[end].number, keyed ? .tableRow : .otherTable)
                i = end + 1
            }
            parser.inEntry = false
            return i
        }
    }
}
