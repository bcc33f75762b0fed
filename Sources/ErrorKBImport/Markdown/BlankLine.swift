extension MarkdownParser {
    /// An empty or all-space line.
    enum BlankLine: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let line = parser.lines[index]
            guard line.isBlank else { return nil }
            parser.builder.mark(line.number, .blank)
            return index + 1
        }
    }
}
