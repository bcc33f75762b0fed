import ErrorKBSupport

extension MarkdownParser {
    /// A pipe table, from its header to an empty line or a heading. A two-column table (message |
    /// description) holds message-keyed rows; others are not error data. A cell may run over
    /// several lines, as scrapes leave cells whose `<br>`s were lost: with leading pipes a row
    /// ends at a line that ends with `|`; without, a line that holds no pipe continues the row
    /// above. Lines of spaces (not empty) inside such a cell do not end the table.
    enum Table: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let lines = parser.lines
            guard PipeTable.startsTable(lines, at: index) else { return nil }
            let keyed = PipeTableRow.cells(lines[index].text).filter { !$0.allSatisfy(\.isWhitespace) }.count == 2
            parser.builder.mark(lines[index].number...lines[index + 1].number, keyed ? .tableHeader : .otherTable)
            let leadingPipe = lines[index].trimmed.hasPrefix("|")
            var i = index + 2
            while inTable(lines, at: i), !lines[i].isBlank, lines[i].text.containsByte(UInt8(ascii: "|")) {
                var end = i
                var text = String(lines[i].text)
                while inTable(lines, at: end + 1), continuesRow(lines, at: end + 1, text: text, leadingPipe: leadingPipe) {
                    end += 1
                    text += "\n" + lines[end].text
                }
                let cells = PipeTableRow.cells(text[...])
                let description = cells.count > 1 ? TableCell.trimmingDebris(InlineMarkup.clean(cells[1])) : ""
                for message in keyed ? PipeTable.messages(inCell: cells[0]) : [] {
                    parser.builder.tableRow(message: message, description: description, line: lines[i].number, lastLine: lines[end].number)
                }
                parser.builder.mark(lines[i].number...lines[end].number, keyed ? .tableRow : .otherTable)
                i = end + 1
            }
            parser.inEntry = false
            return i
        }

        /// A table ends at an empty line or a heading.
        private static func inTable(_ lines: LineWindow, at index: Int) -> Bool {
            lines.has(index) && !lines[index].text.isEmpty && MarkdownText.heading(lines[index].text) == nil
        }

        /// Whether the line at `index` belongs to the row `text` (its lines so far).
        private static func continuesRow(_ lines: LineWindow, at index: Int, text: String, leadingPipe: Bool) -> Bool {
            if leadingPipe { return !text.trimmingWhitespace().hasSuffix("|") }
            let line = lines[index]
            // Spaces alone: inside the cell when the row goes on after them.
            if line.isBlank {
                let next = lines.firstIndex(from: index + 1) { !$0.isBlank || $0.text.isEmpty }
                return next.map { inTable(lines, at: $0) && !lines[$0].text.containsByte(UInt8(ascii: "|")) } ?? false
            }
            return !line.text.containsByte(UInt8(ascii: "|"))
        }
    }
}
