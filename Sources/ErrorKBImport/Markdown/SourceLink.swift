extension MarkdownParser {
    /// The line that names the page's source (`> Source: <https://…>`). It closes the page:
    /// nothing after it belongs to an entry.
    enum SourceLink: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let line = parser.lines[index]
            guard let url = SourceURLLine.url(in: line.text) else { return nil }
            parser.builder.setSource(url, line: line.number)
            parser.inEntry = false
            return index + 1
        }
    }
}
