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
    private var state = State.preamble
    private var preamble = PagePreamble()
    private var sectionTitles: Set<Substring> = []

    private enum State {
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

    init(lines: LineWindow, builder: DocumentBuilder) {
        self.lines = lines
        self.builder = builder
    }

    /// A scraped page has code lines at the start of a line and no markdown code headings.
    static func looksLike(_ lines: ArraySlice<SourceLine>) -> Bool {
        lines.contains { CodeLine($0.text, requireMinus: true) != nil && !$0.text.hasPrefix("#") }
    }

    mutating func read(at index: Int) -> Int {
        let line = lines[index]
        let text = line.trimmed
        if case .footer = state { return readFooter(at: index) }
        if line.isBlank { readBlank(line); return index + 1 }
        if case .preamble = state, let next = preamble.read(lines, at: index, into: &builder) { return next }
        if Pagination.starts(lines, at: index) {
            state = .footer
            sectionTitles = Set(builder.document.sections.map { Substring($0.title) })
            builder.mark(line.number...lines[index + 3].number, .footer)
            return index + 4
        }
        if RangeLabel.prefix(of: text) != nil {
            builder.beginSection(String(text), line: line.number)
            state = .sectionStart
        } else if let code = CodeLine(text, requireMinus: true) {
            builder.codeLine(code, line: line.number)
            state = .awaitingMessage(spaced: false)
        } else if text.hasPrefix("-"), CodeLine.overflows(text) {
            builder.skip(line.number, "code out of 64-bit range; entry skipped")
            state = .sectionStart
        } else if TabTable.isHeader(line.text) {
            builder.mark(line.number, .tableHeader)
            state = .table
        } else if let row = TabTable.row(line.text) {
            builder.tableRow(message: row.message, description: row.description, line: line.number)
            state = .table
        } else {
            readText(line, at: index)
        }
        return index + 1
    }

    private mutating func readBlank(_ line: SourceLine) {
        builder.mark(line.number, .blank)
        switch state {
        case .awaitingMessage: state = .awaitingMessage(spaced: true)
        case .messages: state = .afterBlock
        default: break
        }
    }

    /// A line that is not a code, range, table or blank line: a message, a heading or prose.
    private mutating func readText(_ line: SourceLine, at index: Int) {
        let text = String(line.trimmed)
        let next = lines.has(index + 1) ? lines[index + 1] : nil
        // A table is always introduced by its heading.
        if let next, TabTable.isHeader(next.text) {
            return heading(text, line)
        }
        // A line ending with a colon leads in to what follows; messages never do.
        // (In a table it may be part of a cell: "The rules are:".)
        if text.hasSuffix(":") || text.hasSuffix("："), !isInTable {
            builder.mark(line.number, .prose)
            state = .sectionStart
            return
        }
        switch state {
        case .awaitingMessage(let spaced):
            builder.message(text, line: line.number)
            state = .messages(spaced: spaced)
        case .messages(spaced: true):
            builder.message(text, line: line.number)
        case .messages(spaced: false):
            // Messages sit directly under their code line; a line followed by a blank opens a section.
            if next?.isBlank ?? true { heading(text, line) } else { builder.message(text, line: line.number) }
        case .table:
            // Text after table rows continues the last cell, unless code lines follow it.
            if nextNonBlankIsCodeLine(after: index) { heading(text, line) }
            else { builder.continueTableRow(cleanCell(text), line: line.number) }
        case .afterBlock:
            if next?.isBlank ?? true || nextNonBlankIsCodeLine(after: index) { heading(text, line) }
        case .sectionStart:
            builder.mark(line.number, .prose)
        case .preamble, .footer:
            break
        }
    }

    private mutating func heading(_ text: String, _ line: SourceLine) {
        builder.beginSection(text, line: line.number)
        state = .sectionStart
    }

    private var isInTable: Bool {
        if case .table = state { return true }
        return false
    }

    private func nextNonBlankIsCodeLine(after index: Int) -> Bool {
        guard let next = lines.firstIndex(from: index + 1, where: { !$0.isBlank }) else { return false }
        return CodeLine(lines[next].trimmed, requireMinus: true) != nil
    }

    /// After the pagination: the table of contents repeats section titles and code lines.
    private mutating func readFooter(at index: Int) -> Int {
        let line = lines[index]
        let text = line.trimmed
        if line.isBlank {
            builder.mark(line.number, .blank)
        } else if text.hasPrefix("Copyright") || text.hasPrefix("©") {
            builder.mark(line.number, .footer)
        } else if CodeLine(text, requireMinus: true) != nil
                    || sectionTitles.contains(text) {
            builder.mark(line.number, .toc)
        }
        return index + 1
    }

    private func cleanCell(_ text: String) -> String { TabTable.clean(text[...]) }
}

/// The pagination block of a documentation page: "上一页", title, "下一页", title.
enum Pagination {
    static let previous: Set<Substring> = ["上一页", "Previous", "« Previous"]
    static let next: Set<Substring> = ["下一页", "Next", "Next »"]

    static func starts(_ lines: LineWindow, at index: Int) -> Bool {
        // 上 (E4), P, « (C2): nothing else can start the marker, so most lines stop here.
        guard let first = lines[index].text.utf8.first(where: { $0 != 0x20 }),
              first == 0xE4 || first == UInt8(ascii: "P") || first == 0xC2, lines.has(index + 3) else { return false }
        return previous.contains(lines[index].trimmed) && next.contains(lines[index + 2].trimmed)
    }
}
