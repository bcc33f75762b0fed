import ErrorKBModel
import ErrorKBSupport

/// Reads an error-code page as the site serves it (`curl -o page.html …/docs/…/error-code`):
///
///     <html lang="zh-CN">                          the page's locale
///     <link rel="canonical" href="https://…">      its URL
///     <nav>, <aside>, .tableOfContents, <footer>   page chrome, counted as such
///     <h1>错误代码</h1>                              title
///     <h2>10xx - …</h2>                            section
///     <h3>-1000 UNKNOWN<a class="hash-link">​</a></h3>   entry (invisible characters removed)
///     <ul><li>处理请求时发生未知错误。</li></ul>       messages (`<li><p>…</p></li>` is one)
///     <p>…</p>                                     a message under an entry, else prose
///     <table>…<tr><td>"Filter failure: …"</td><td>…</td></tr>   message-keyed table rows
///
/// libxml2 parses the HTML (`HTMLEvents`); this reader gives each element its meaning
/// (`HTMLRole`) by the rules every format shares (`DocumentBuilder.heading`, `.item`). Lines are
/// the HTML source's: each is counted by the most telling thing it holds (content, then chrome,
/// then markup), since one line may hold the last message, the table of contents and the footer.
struct HTMLPageReader: DocumentReader {
    let lines: LineWindow
    var builder: DocumentBuilder
    private let events = HTMLEvents()
    private var stack: [OpenElement] = []
    /// The line where the previous event ended: the next one starts there.
    private var lastLine: Int
    private var inEntry = false
    /// Whether the open table's rows are message-keyed (two columns).
    private var keyedTable = false
    private var row: Row?
    /// Code-like text in the chrome (a table of contents), checked against the entries at the end.
    private var chromeCodes: [(text: String, line: Int)] = []
    private var openGraphURL: String?
    /// Lines holding text outside any block or chrome: unexplained, unless content shares them.
    private var strayLines: Set<Int> = []
    /// The number of the document's first line (index 0).
    private let firstNumber: Int

    private struct OpenElement {
        let name: String
        let role: HTMLRole
        let line: Int
        /// The chrome kind of this element or the nearest chrome element around it.
        let chrome: LineKind?
        /// The text of a block (or of a chrome item, for the code check), and the lines it is on.
        var block: Block?
    }

    private struct Block {
        /// Text as read; U+2028 stands for a `<br>`.
        var text = ""
        var lines: [Int] = []
    }

    private struct Row {
        let line: Int
        var cells: [(text: String, header: Bool)] = []
        var lines: [Int] = []
    }

    init(lines: LineWindow, builder: DocumentBuilder) {
        self.lines = lines
        self.builder = builder
        firstNumber = builder.document.firstLine
        lastLine = firstNumber
    }

    /// An HTML page opens with a doctype or an `<html>` tag.
    static func looksLike(_ lines: ArraySlice<SourceLine>) -> Bool {
        guard let first = lines.first(where: { !$0.isBlank }) else { return false }
        let start = first.trimmed.prefix(15).lowercased()
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
    }

    mutating func parse(lineCount: () -> Int) -> ParsedDocument {
        var index = 0
        while lines.has(index) {
            let line = lines[index]
            if line.isBlank { note(line.number, .blank) }
            handle(events.feed(line.text.utf8 + [0x0A]))
            index += 1
            release(below: index)
        }
        handle(events.finish())
        if builder.document.sourceURL == nil, let openGraphURL { builder.setSource(openGraphURL, line: 0, kind: .markup) }
        for (text, line) in chromeCodes {
            if let code = CodeLine(text[...], requireMinus: false), builder.hasEntry(code) { continue }
            builder.warn(line, "starts with a code but is page chrome, and no entry has it: \(text.prefix(200))")
        }
        lines.release(below: index) { builder.released($0) }
        return builder.finish(lineCount: lineCount())
    }

    /// Lets go of the lines nothing can mark any more: before the last event and before any
    /// open block (whose kind is known when it closes).
    private mutating func release(below index: Int) {
        let pending = min(stack.lazy.filter { $0.block != nil }.map(\.line).min() ?? lastLine, row?.line ?? lastLine)
        let safe = min(index, min(lastLine, pending) - firstNumber)
        lines.release(below: safe) { builder.released($0) }
    }

    // MARK: - Events

    private mutating func handle(_ events: [HTMLEvents.Event]) {
        for event in events {
            switch event {
            case .open(let name, let attributes, let line):
                cover(through: line)
                open(name, attributes, line: line)
            case .close(let name, let line):
                cover(through: line)
                close(name, line: line)
            case .text(let text, _):
                read(text)
            case .other(let line):
                cover(through: line)
            }
        }
    }

    /// The lines a tag (or comment) spans: markup, or the chrome it is in.
    private mutating func cover(through line: Int) {
        let kind = stack.last?.chrome ?? .markup
        for covered in min(lastLine, line)...line { note(covered, kind) }
        lastLine = line
    }

    /// Text starts where the previous event ended: each of its lines that holds more than
    /// spaces goes to the block it is in, or is chrome; elsewhere it is left unexplained.
    private mutating func read(_ text: String) {
        var line = lastLine
        var textLines: [Int] = []
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 } else if !scalar.properties.isWhitespace, textLines.last != line { textLines.append(line) }
        }
        defer { lastLine = line }
        guard !textLines.isEmpty else { return }
        // Chrome inside a block (a code block's copy button) is not the block's text.
        if let blockIndex = stack.lastIndex(where: { $0.block != nil }),
           stack[blockIndex].chrome != nil || !stack[(blockIndex + 1)...].contains(where: { $0.chrome != nil }) {
            stack[blockIndex].block!.text += text
            stack[blockIndex].block!.lines += textLines.filter { stack[blockIndex].block!.lines.last != $0 }
        }
        if let chrome = stack.last?.chrome {
            for covered in textLines { note(covered, chrome) }
        } else if stack.last(where: { $0.block != nil }) == nil {
            if stack.contains(where: { $0.role == .link }) {
                for covered in textLines { note(covered, .navigation) }  // a bare link between blocks
            } else {
                // Text in no block the reader knows: reported, whatever tags share its line.
                for covered in textLines where Self.rank(builder.kind(ofLine: covered)) < 4 {
                    builder.mark(covered, .unexplained)
                    strayLines.insert(covered)
                }
            }
        }
    }

    private mutating func open(_ name: String, _ attributes: [String: String], line: Int) {
        let role = HTMLRole.of(name, attributes)
        let outerChrome = stack.last?.chrome
        readHead(name, attributes, line: line)
        var chrome = outerChrome
        if case .chrome(let kind) = role, outerChrome == nil || outerChrome == .markup { chrome = kind }
        let enclosing = stack.last(where: { $0.block != nil })?.role
        var element = OpenElement(name: name, role: role, line: line, chrome: chrome, block: nil)
        if chrome != nil {
            // Items of the chrome (a table of contents' links) are kept for the code check.
            if role == .item || role == .link, enclosing == nil { element.block = Block() }
        } else if role.startsBlock(inside: enclosing) {
            element.block = Block()
        }
        switch role {
        case .lineBreak:
            if let index = stack.lastIndex(where: { $0.block != nil }) { stack[index].block!.text += "\u{2028}" }
        case .table where chrome == nil:
            keyedTable = false
            inEntry = false
        case .row where chrome == nil:
            row = Row(line: line)
        default: break
        }
        stack.append(element)
    }

    private mutating func close(_ name: String, line: Int) {
        guard let index = stack.lastIndex(where: { $0.name == name }) else { return }
        while stack.count > index {
            let element = stack.removeLast()
            finish(element, line: line)
        }
    }

    /// What the document's head states: its locale, its URL.
    private mutating func readHead(_ name: String, _ attributes: [String: String], line: Int) {
        switch name {
        case "html":
            if let lang = attributes["lang"], DocumentOrigin.isLocale(lang) { builder.setLocale(lang) }
        case "link" where attributes["rel"]?.split(separator: " ").contains("canonical") == true:
            if let href = attributes["href"], href.hasPrefix("http") { builder.setSource(href, line: line) }
        case "meta" where attributes["property"] == "og:url":
            openGraphURL = attributes["content"]
        default: break
        }
    }

    // MARK: - Line kinds

    /// Marks a line with `kind` unless it already holds something more telling.
    private mutating func note(_ line: Int, _ kind: LineKind) {
        guard line >= builder.document.firstLine, !strayLines.contains(line) || Self.rank(kind) >= 4 else { return }
        if Self.rank(kind) > Self.rank(builder.kind(ofLine: line)) { builder.mark(line, kind) }
    }

    /// Content, then chrome, then markup, then blank.
    private static func rank(_ kind: LineKind) -> Int {
        switch kind {
        case .unexplained: return 0
        case .blank: return 1
        case .markup: return 2
        case .navigation, .toc, .footer: return 3
        case .prose, .jsonExample, .tableHeader, .otherTable, .title, .source, .rule, .anchor, .frontMatter: return 4
        case .section, .entry, .message, .mention, .tableRow, .skipped: return 5
        }
    }
}

extension HTMLPageReader {
    /// A closed element: a block hands its text to the builder.
    private mutating func finish(_ element: OpenElement, line: Int) {
        if element.role == .table, element.chrome == nil { inEntry = false }
        if element.role == .row, element.chrome == nil, let row { finish(row); self.row = nil }
        guard let block = element.block else { return }
        let text = HTMLText.clean(block.text)
        guard let first = block.lines.first, !text.isEmpty else { return }
        if element.chrome != nil {
            if CodeLine.looksLikeCode(text[...]) { chromeCodes.append((text, first)) }
            return
        }
        switch element.role {
        case .heading:
            inEntry = builder.heading(text, line: first) == .entry
        case .item, .paragraph:
            builder.item(text, line: first, inEntry: inEntry)
        case .quote:
            builder.mark(first, .prose)
        case .preformatted:
            builder.mark(first, .jsonExample)
        case .cell(let header):
            row?.cells.append((text, header))
            row?.lines += block.lines
            return
        default:
            return
        }
        let kind = builder.kind(ofLine: first)
        for other in block.lines.dropFirst() { note(other, kind) }
        builder.checkCodeLike(text[...], line: first, readAs: kind)
    }

    /// A table row: the header (its column count says whether rows are message-keyed), or a
    /// message-keyed row (`"Filter failure: LOT_SIZE"` → what it means), or another table's row.
    private mutating func finish(_ row: Row) {
        guard let first = row.lines.first else { return }
        let kind: LineKind
        if row.cells.allSatisfy(\.header) {
            keyedTable = row.cells.count == 2
            kind = keyedTable ? .tableHeader : .otherTable
        } else if keyedTable || row.cells.count == 2 {
            let description = row.cells.count > 1 ? TableCell.trimmingDebris(row.cells[1].text) : ""
            for message in TableCell.messages(in: row.cells[0].text) {
                builder.tableRow(message: message, description: description, line: first, lastLine: row.lines.last ?? first)
            }
            kind = .tableRow
        } else {
            kind = .otherTable
        }
        for line in row.lines { note(line, kind) }
        if kind == .otherTable { builder.checkCodeLike(row.cells.first?.text[...] ?? "", line: first, readAs: kind) }
    }
}
