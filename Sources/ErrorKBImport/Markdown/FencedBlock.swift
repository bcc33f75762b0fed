extension MarkdownParser {
    /// A fenced block (```` ``` ```` or `~~~`) to its closing fence, or to the end: a JSON example.
    enum FencedBlock: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let lines = parser.lines
            guard MarkdownText.isFence(lines[index].text) else { return nil }
            let end = lines.firstIndex(from: index + 1, where: { MarkdownText.isFence($0.text) }) ?? lines.lastIndex
            parser.builder.mark(lines[index].number...lines[end].number, .jsonExample)
            return end + 1
        }
    }
}
