extension MarkdownParser {
    /// A line that is nothing but an HTML anchor (`<a id="other-errors"></a>`): dropped.
    enum AnchorLine: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let line = parser.lines[index]
            guard InlineMarkup.isAnchorLine(line.text) else { return nil }
            parser.builder.mark(line.number, .anchor)
            return index + 1
        }
    }
}
