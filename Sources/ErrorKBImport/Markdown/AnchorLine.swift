extension MarkdownParser {
    /// A line that is nothing but an HTML anchor (`<a id="other-errors"></a>`): it names the
    /// heading that follows, for links within the page.
    enum AnchorLine: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let line = parser.lines[index]
            guard InlineMarkup.isAnchorLine(line.text) else { return nil }
            for id in PageAnchors.ids(in: line.text) { parser.builder.anchor(id) }
            parser.builder.mark(line.number, .anchor)
            return index + 1
        }
    }
}
