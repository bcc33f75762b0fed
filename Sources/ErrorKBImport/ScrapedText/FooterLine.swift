import ErrorKBModel

extension ScrapedTextParser {
    /// After the pagination, every line: the table of contents repeats section titles and code
    /// lines; a copyright line closes the page.
    enum FooterLine: LineRecognizer {
        static func read(at index: Int, in parser: inout ScrapedTextParser) -> Int? {
            guard case .footer = parser.state else { return nil }
            let line = parser.lines[index]
            let text = line.trimmed
            if line.isBlank {
                parser.builder.mark(line.number, .blank)
            } else if text.hasPrefix("Copyright") || text.hasPrefix("©") {
                parser.builder.mark(line.number, .footer)
            } else if CodeLine(text, requireMinus: true) != nil || parser.sectionTitles.contains(text) {
                parser.builder.mark(line.number, .toc)
            }
            return index + 1
        }
    }
}
