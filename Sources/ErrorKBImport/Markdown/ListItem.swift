extension MarkdownParser {
    /// A list item (`-`, `*` or `+`): a message under an entry, else a listed code or prose.
    enum ListItem: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let line = parser.lines[index]
            guard let bullet = MarkdownText.bullet(line.text) else { return nil }
            parser.readItem(bullet, line: line)
            return index + 1
        }
    }
}
