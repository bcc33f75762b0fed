extension MarkdownParser {
    /// Any other line: a paragraph message under an entry, else a listed code or prose. It reads
    /// every line, so it comes last.
    enum Paragraph: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let line = parser.lines[index]
            parser.readItem(line.trimmed, line: line)
            return index + 1
        }
    }
}
