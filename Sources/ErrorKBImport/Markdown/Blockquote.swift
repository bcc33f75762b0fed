extension MarkdownParser {
    /// A `>` quote: the lead-in of a JSON example when a fence follows, else prose.
    enum Blockquote: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let lines = parser.lines
            guard lines[index].trimmed.hasPrefix(">") else { return nil }
            let next = lines.firstIndex(from: index + 1, where: { !$0.isBlank })
            let leadsIn = next.map { MarkdownText.isFence(lines[$0].text) } ?? false
            parser.builder.mark(lines[index].number, leadsIn ? .jsonExample : .prose)
            return index + 1
        }
    }
}
