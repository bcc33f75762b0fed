/// Reads an error-code page written in markdown, whatever its dialect:
///
///     ---\nurl: https://…\n---             front matter: its url gives the source
///     # Error codes for Binance           title: the first heading (repeated later, still the title)
///     ## 10xx - General issues            section: a heading without a leading code
///     ### \-1000 UNKNOWN                  entry: a heading (## to ####) that starts with a code
///      * An unknown error occurred…       messages: bullets (` * `, `- `, `-   `) or paragraphs;
///        wrapped onto the next line       an indented line continues the message
///     Error message | Description         a pipe table of message-keyed rows
///     <a id="other-errors"></a>           anchors, dropped
///     > Source: <https://…>               source
struct MarkdownParser: DocumentParser {
    let lines: LineWindow
    var builder: DocumentBuilder
    /// Whether the lines being read belong to an entry (after its heading, before the next heading).
    private var inEntry = false
    private var lastWasMessage = false

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
        let line = lines[index]
        var next = index + 1
        defer { if !line.isBlank { lastWasMessage = builder.kind(ofLine: lines[next - 1].number) == .message } }
        if line.isBlank {
            builder.mark(line.number, .blank)
        } else if index == 0, line.trimmed == "---", let end = readFrontMatter() {
            next = end + 1
        } else if MarkdownText.isFence(line.text) {
            let end = lines.firstIndex(from: index + 1, where: { MarkdownText.isFence($0.text) }) ?? lines.lastIndex
            builder.mark(line.number...lines[end].number, .jsonExample)
            next = end + 1
        } else if InlineMarkup.isAnchorLine(line.text) {
            builder.mark(line.number, .anchor)
        } else if let url = SourceURLLine.url(in: line.text) {
            // The source line closes the page: nothing after it belongs to an entry.
            builder.setSource(url, line: line.number)
            inEntry = false
        } else if let heading = MarkdownText.heading(line.text) {
            readHeading(InlineMarkup.clean(heading.text), line: line)
        } else if PipeTable.startsTable(lines, at: index) {
            next = readTable(at: index)
            inEntry = false
        } else if let bullet = MarkdownText.bullet(line.text) {
            readItem(bullet, line: line)
        } else if line.text.first == " " && lastWasMessage {
            // A long message wrapped onto an indented next line.
            builder.continueMessage(InlineMarkup.clean(line.trimmed), line: line.number)
        } else if line.trimmed.hasPrefix(">") {
            builder.mark(line.number, Self.leadsInToExample(lines, after: index) ? .jsonExample : .prose)
        } else {
            readItem(line.trimmed, line: line)
        }
        return next
    }

    /// YAML front matter between `---` lines at the top; `url:` is the source, `title:` the title.
    private mutating func readFrontMatter() -> Int? {
        guard let end = lines.firstIndex(from: 1, where: { $0.trimmed == "---" }) else { return nil }
        builder.mark(lines[0].number...lines[end].number, .frontMatter)
        for index in 1..<end {
            let line = lines[index]
            let text = line.trimmed
            guard let colon = text.firstIndex(of: ":") else { continue }
            var value = text[text.index(after: colon)...].trimmingWhitespace()
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            switch text[..<colon].trimmingWhitespace() {
            case "url", "source_url": builder.setSource(String(value), line: line.number, kind: .frontMatter)
            case "title": builder.setTitle(String(value), line: line.number, kind: .frontMatter)
            default: break
            }
        }
        return end
    }

    private mutating func readHeading(_ text: String, line: SourceLine) {
        if let code = CodeLine(text[...], requireMinus: false) {
            builder.codeLine(code, line: line.number)
            inEntry = true
            return
        }
        inEntry = false
        if CodeLine.overflows(text[...]) {
            return builder.skip(line.number, "code out of 64-bit range; entry skipped")
        }
        let document = builder.document
        if document.sections.isEmpty && builder.entryCount == 0 && (document.title == nil || document.title == text) {
            // The first heading is the title; pages often repeat it.
            builder.setTitle(text, line: line.number)
        } else {
            builder.beginSection(text, line: line.number)
            // "## Messages for -1010 ERROR_MSG_RECEIVED, -2010 …": the codes its table explains.
            for code in CodeMentions.codes(in: text) { builder.listCode(code, line: line.number) }
        }
    }

    /// A bullet or paragraph: a message under an entry; elsewhere a listed code (`-1010 NAME`) or prose.
    private mutating func readItem(_ text: Substring, line: SourceLine) {
        let clean = InlineMarkup.clean(text)
        if inEntry {
            builder.message(clean, line: line.number)
        } else if let code = CodeLine(clean.replacingOccurrences(of: "`", with: "")[...], requireMinus: true) {
            builder.listCode(code.code, line: line.number)
            builder.mark(line.number, .mention)
        } else {
            builder.mark(line.number, .prose)
        }
    }

    /// Reads a pipe table from its header; returns the index after its last line.
    private mutating func readTable(at index: Int) -> Int {
        // Message-keyed tables have two columns (message | description); others are not error data.
        let keyed = PipeTableRow.cells(lines[index].text).filter { !$0.allSatisfy(\.isWhitespace) }.count == 2
        builder.mark(lines[index].number...lines[index + 1].number, keyed ? .tableHeader : .otherTable)
        let leadingPipe = lines[index].trimmed.hasPrefix("|")
        var i = index + 2
        while lines.has(i), !lines[i].isBlank, lines[i].text.containsByte(UInt8(ascii: "|")), MarkdownText.heading(lines[i].text) == nil {
            var end = i
            var text = String(lines[i].text)
            // With leading pipes a row ends with a pipe; until then its last cell runs on.
            while leadingPipe, !text.trimmingWhitespace().hasSuffix("|"), lines.has(end + 1),
                  MarkdownText.heading(lines[end + 1].text) == nil {
                end += 1
                text += "\n" + lines[end].text
            }
            let cells = PipeTableRow.cells(text[...])
            let description = cells.count > 1 ? InlineMarkup.clean(cells[1]) : ""
            for message in keyed ? PipeTable.messages(inCell: cells[0]) : [] {
                builder.tableRow(message: message, description: description, line: lines[i].number, lastLine: lines[end].number)
            }
            builder.mark(lines[i].number...lines[end].number, keyed ? .tableRow : .otherTable)
            i = end + 1
        }
        return i
    }

    private static func leadsInToExample(_ lines: LineWindow, after index: Int) -> Bool {
        guard let next = lines.firstIndex(from: index + 1, where: { !$0.isBlank }) else { return false }
        return MarkdownText.isFence(lines[next].text)
    }
}

/// Codes a heading or sentence mentions: "-1010 ERROR_MSG_RECEIVED, -2010 …" → [-1010, -2010].
enum CodeMentions {
    static func codes(in text: String) -> [Int64] {
        var codes: [Int64] = []
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            let before: Character? = i > 0 ? characters[i - 1] : nil
            if characters[i] == "-" || characters[i] == "\u{2212}", before.map({ !($0.isLetter || $0.isNumber) }) ?? true {
                var j = i + 1
                while j < characters.count, characters[j].isASCII, characters[j].isNumber { j += 1 }
                let after: Character? = j < characters.count ? characters[j] : nil
                if j > i + 1, j - i <= 10, after.map({ !($0.isLetter || $0.isNumber) }) ?? true, let code = Int64(String(characters[(i + 1)..<j])) {
                    codes.append(-code)
                }
                i = j
            } else {
                i += 1
            }
        }
        return codes
    }
}
