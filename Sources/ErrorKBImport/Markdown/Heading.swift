import ErrorKBModel

extension MarkdownParser {
    /// A `#` heading: an entry, a section or the title, by the rules every format shares
    /// (`DocumentBuilder.heading`). A heading's "direct link" anchor (`[​](/docs/zh-CN/wallet/error-code#-1000-unknown …)`)
    /// names the page's own path, which stands for its URL when it states none.
    enum Heading: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let line = parser.lines[index]
            guard let heading = MarkdownText.heading(line.text) else { return nil }
            if parser.builder.pageLink == nil { parser.builder.pageLink = DirectLink.path(in: heading.text) }
            parser.inEntry = parser.builder.heading(InlineMarkup.clean(heading.text), line: line.number) == .entry
            return index + 1
        }
    }
}
