extension ScrapedTextParser {
    /// An empty line, which spaces a code line from its messages, or ends a message block.
    enum Spacing: LineRecognizer {
        static func read(at index: Int, in parser: inout ScrapedTextParser) -> Int? {
            let line = parser.lines[index]
            guard line.isBlank else { return nil }
            parser.builder.mark(line.number, .blank)
            switch parser.state {
            case .awaitingMessage: parser.state = .awaitingMessage(spaced: true)
            case .messages: parser.state = .afterBlock
            default: break
            }
            return index + 1
        }
    }
}
