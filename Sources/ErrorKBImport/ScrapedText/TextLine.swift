extension ScrapedTextParser {
    /// A line that is not a code, range, table or blank line: a message, a heading, prose, or
    /// the rest of a table cell, by where it stands. It reads every line, so it comes last.
    enum TextLine: LineRecognizer {
        static func read(at index: Int, in parser: inout ScrapedTextParser) -> Int? {
            let line = parser.lines[index]
            let text = String(line.trimmed)
            let next = parser.lines.has(index + 1) ? parser.lines[index + 1] : nil
            // A table is always introduced by its heading.
            if let next, TabTable.isHeader(next.text) {
                parser.heading(text, line)
                return index + 1
            }
            // A line ending with a colon leads in to what follows; messages never do.
            // (In a table it may be part of a cell: "The rules are:".)
            if text.hasSuffix(":") || text.hasSuffix("："), !parser.isInTable {
                parser.builder.mark(line.number, .prose)
                parser.state = .sectionStart
                return index + 1
            }
            switch parser.state {
            case .awaitingMessage(let spaced):
                parser.builder.message(text, line: line.number)
                parser.state = .messages(spaced: spaced)
            case .messages(spaced: true):
                parser.builder.message(text, line: line.number)
            case .messages(spaced: false):
                // Messages sit directly under their code line; a line followed by a blank opens a section.
                if next?.isBlank ?? true { parser.heading(text, line) } else { parser.builder.message(text, line: line.number) }
            case .table:
                // Text after table rows continues the last cell, unless code lines follow it.
                if parser.nextNonBlankIsCodeLine(after: index) { parser.heading(text, line) }
                else { parser.builder.continueTableRow(TabTable.clean(text[...]), line: line.number) }
            case .afterBlock:
                if next?.isBlank ?? true || parser.nextNonBlankIsCodeLine(after: index) { parser.heading(text, line) }
            case .sectionStart where parser.builder.underSkippedCode:
                parser.builder.skipUnderSkippedCode(line.number)
            case .sectionStart:
                parser.builder.mark(line.number, .prose)
            case .preamble, .footer:
                break
            }
            return index + 1
        }
    }
}
