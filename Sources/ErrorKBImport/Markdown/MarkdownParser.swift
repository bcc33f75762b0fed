import ErrorKBModel

/// Reads an error-code page written in markdown, whatever its dialect:
///
///     ---\nurl: https://…\n---             front matter: its url gives the source
///     # Error codes for Binance           title: the first heading (repeated later, still the title)
///     ## 10xx - General issues            section: a heading without a leading code
///     ### \-1000 UNKNOWN                  entry: a heading (## to ####) that starts with a code
///      * An unknown error occurred…       messages: bullets (` * `, `- `, `-   `) or paragraphs;
///        wrapped onto the next line       an indented line continues the message
///     Error message | Description         a pipe table of message-keyed rows
///     <a id="other-errors"></a>           anchors: they name the next heading
///     > Source: <https://…>               source
struct MarkdownParser: DocumentParser {
    let lines: LineWindow
    var builder: DocumentBuilder
    /// Whether the lines being read belong to an entry (after its heading, before the next heading).
    var inEntry = false
    /// Whether the last line that was not blank was read as a message (a wrapped line may follow).
    var lastWasMessage = false

    /// The order says which kind a line is when several could read it: a fence, an anchor, a
    /// source line or a heading before the table and list syntax its text may hold; a table
    /// before a list item (a bullet may start its header); an indented line after a message
    /// continues it unless it is a list item; a quote is prose or a JSON example's lead-in; a rule
    /// (`---`) before a list item (`- - -` is a rule) and a paragraph; what is left is a paragraph.
    static let recognizers: [any LineRecognizer<MarkdownParser>.Type] = [
        BlankLine.self, FrontMatter.self, FencedBlock.self, AnchorLine.self, SourceLink.self, Heading.self,
        ThematicBreak.self, Table.self, ListItem.self, WrappedLine.self, Blockquote.self, Paragraph.self,
    ]

    init(lines: LineWindow, builder: DocumentBuilder) {
        self.lines = lines
        self.builder = builder
    }

    /// Markdown pages head their entries with `#` headings that start with a code.
    static func looksLike(_ lines: ArraySlice<SourceLine>) -> Bool {
        lines.contains { line in
            guard let heading = MarkdownText.heading(line.text) else { return false }
            return CodeLine(InlineMarkup.clean(heading.text)[...], requireMinus: false) != nil
        }
    }

    mutating func read(at index: Int) -> Int {
        let next = recognize(at: index)
        if !lines[index].isBlank { lastWasMessage = builder.kind(ofLine: lines[next - 1].number) == .message }
        return next
    }

    /// A bullet or paragraph, by the rules every format shares (`DocumentBuilder.item`).
    mutating func readItem(_ text: Substring, line: SourceLine) {
        builder.item(InlineMarkup.clean(text), line: line.number, inEntry: inEntry)
        if inEntry, text.utf8.contains(UInt8(ascii: "#")) { builder.links(PageAnchors.links(in: text), line: line.number) }
    }
}
