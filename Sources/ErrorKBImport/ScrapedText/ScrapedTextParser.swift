import ErrorKBModel

/// Reads a documentation page that was scraped to plain text (the wallet page's shape):
///
///     10xx -常规服务器或网络问题          section: starts with a code range
///     -1000 UNKNOWN                       entry: a code line, the name verbatim or absent
///     处理请求时发生未知错误。             message lines, directly under the code line
///     过滤器故障                          a section heading that introduces a table
///     报错信息<TAB>描述                   table header
///     "Filter failure: LOT_SIZE"<TAB>…    table rows; a cell may run over several lines
///     上一页 / … / 下一页 / …              pagination, then the page's table of contents
///
/// Everything before the first section or code line is page furniture (title, source,
/// navigation, the JSON example, intro prose).
struct ScrapedTextParser: DocumentParser {
    let lines: LineWindow
    var builder: DocumentBuilder
    var state = State.preamble
    /// Whether the preamble has shown its JSON example (text after it is prose, not navigation).
    var sawExample = false
    /// The section titles, which the table of contents after the pagination repeats.
    var sectionTitles: Set<Substring> = []

    enum State {
        case preamble
        /// After a heading or prose, before any code line.
        case sectionStart
        /// After a code line, before its first message; `spaced` once a blank line was seen.
        case awaitingMessage(spaced: Bool)
        /// In an entry's message block; a spaced block started with a blank line.
        case messages(spaced: Bool)
        /// After the blank line that ended a message block.
        case afterBlock
        case table
        case footer
    }

    /// The order says which kind a line is when several could read it: after the pagination
    /// everything is footer; the preamble's furniture comes before the body's kinds; a section's
    /// code range, a code line and a table before plain text, which reads any line.
    static let recognizers: [any LineRecognizer<ScrapedTextParser>.Type] = [
        FooterLine.self, Spacing.self, PreambleLine.self, Pagination.self, SectionLine.self, EntryLine.self,
        OutOfRangeCodeLine.self, TableHeader.self, TableRowLine.self, TextLine.self,
    ]

    init(lines: LineWindow, builder: DocumentBuilder) {
        self.lines = lines
        self.builder = builder
    }

    /// A scraped page has code lines at the start of a line and no markdown code headings.
    static func looksLike(_ lines: ArraySlice<SourceLine>) -> Bool {
        lines.contains { CodeLine($0.text, requireMinus: true) != nil && !$0.text.hasPrefix("#") }
    }

    mutating func read(at index: Int) -> Int { recognize(at: index) }

    /// A line of text that opens a section.
    mutating func heading(_ text: String, _ line: SourceLine) {
        builder.beginSection(text, line: line.number)
        state = .sectionStart
    }

    var isInTable: Bool {
        if case .table = state { return true }
        return false
    }

    func nextNonBlankIsCodeLine(after index: Int) -> Bool {
        guard let next = lines.firstIndex(from: index + 1, where: { !$0.isBlank }) else { return false }
        return CodeLine(lines[next].trimmed, requireMinus: true) != nil
    }
}
