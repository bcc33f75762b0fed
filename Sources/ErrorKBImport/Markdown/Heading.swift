import ErrorKBModel

extension MarkdownParser {
    /// A `#` heading: an entry when it starts with a code, else the title (the first heading,
    /// which pages often repeat) or a section. "## Messages for -1010 ERROR_MSG_RECEIVED, -2010 …"
    /// lists the codes its table explains.
    enum Heading: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let line = parser.lines[index]
            guard let heading = MarkdownText.heading(line.text) else { return nil }
            let text = InlineMarkup.clean(heading.text)
            if let code = CodeLine(text[...], requireMinus: false) {
                parser.builder.headingRead()
                parser.builder.codeLine(code, line: line.number)
                parser.inEntry = true
                return index + 1
            }
            parser.inEntry = false
            if CodeLine.overflows(text[...]) {
                parser.builder.skip(line.number, "code out of 64-bit range; entry skipped")
                return index + 1
            }
            let document = parser.builder.document
            if document.sections.isEmpty && parser.builder.entryCount == 0 && (document.title == nil || document.title == text) {
                parser.builder.headingRead()
                parser.builder.setTitle(text, line: line.number)
            } else {
                parser.builder.beginSection(text, line: line.number, slug: PageAnchors.slug(text))
                for code in CodeMentions.codes(in: text) { parser.builder.listCode(code, line: line.number) }
            }
            return index + 1
        }
    }
}
