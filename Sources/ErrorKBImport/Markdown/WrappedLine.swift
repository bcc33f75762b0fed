extension MarkdownParser {
    /// An indented line right after a message: the message wrapped onto the next line.
    enum WrappedLine: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let line = parser.lines[index]
            guard line.text.first == " ", parser.lastWasMessage else { return nil }
            parser.builder.continueMessage(InlineMarkup.clean(line.trimmed), line: line.number)
            return index + 1
        }
    }
}
