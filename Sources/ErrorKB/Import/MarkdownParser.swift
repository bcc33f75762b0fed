/// Reads an error-code page written in markdown (the futures pages' shape):
///
///     ## Error Codes                      title: the first heading
///     ### 10xx - General Server issues    section: a heading without a code
///     #### \-1000 UNKNOWN                 entry: a heading that starts with a code
///     -   An unknown error occured…       messages: bullets (or paragraphs) under the entry
///     > Source: [https://…](https://…)    source
struct MarkdownParser: DocumentParser {
    let lines: [SourceLine]
    var builder: DocumentBuilder
    /// Whether the lines being read belong to an entry (after its heading, before the next heading).
    private var inEntry = false
    private var lastWasMessage = false

    init(lines: [SourceLine]) {
        self.lines = lines
        builder = DocumentBuilder(format: .markdown, lineCount: lines.count)
    }

    /// Markdown pages head their entries with `#` headings that start with a code.
    static func looksLike(_ lines: [SourceLine]) -> Bool {
        lines.contains { line in
            guard let heading = MarkdownText.heading(line.text) else { return false }
            return CodeLine(heading.text, requireMinus: false) != nil
        }
    }

    mutating func read(at index: Int) -> Int {
        let line = lines[index]
        defer { if !line.isBlank { lastWasMessage = builder.document.lineKinds[line.number - 1] == .message } }
        if line.isBlank {
            builder.mark(line.number, .blank)
            return index + 1
        }
        if MarkdownText.isFence(line.text) {
            let end = lines[(index + 1)...].firstIndex(where: { MarkdownText.isFence($0.text) }) ?? lines.count - 1
            builder.mark(line.number...lines[end].number, .jsonExample)
            return end + 1
        }
        if let url = MarkdownText.sourceURL(line.text) {
            builder.setSource(url, line: line.number)
        } else if let heading = MarkdownText.heading(line.text) {
            readHeading(heading.text, line: line)
        } else if let bullet = MarkdownText.bullet(line.text) {
            readMessage(bullet, line: line)
        } else if line.text.first == " " && lastWasMessage {
            // A long message wrapped onto an indented next line.
            continueMessage(line)
        } else if line.trimmed.hasPrefix(">") {
            builder.mark(line.number, Self.leadsInToExample(lines, after: index) ? .jsonExample : .prose)
        } else {
            readMessage(line.trimmed, line: line)
        }
        return index + 1
    }

    private mutating func readHeading(_ text: Substring, line: SourceLine) {
        let plain = MarkdownText.unescape(text)
        if let code = CodeLine(plain[...], requireMinus: false) {
            builder.codeLine(code, line: line.number)
            inEntry = true
        } else if builder.document.title == nil && builder.document.sections.isEmpty && builder.document.entries.isEmpty {
            builder.setTitle(plain, line: line.number)
            inEntry = false
        } else {
            builder.beginSection(plain, line: line.number)
            inEntry = false
        }
    }

    /// Text under an entry heading is a message; anywhere else it is prose.
    private mutating func readMessage(_ text: Substring, line: SourceLine) {
        if inEntry {
            builder.message(MarkdownText.unescape(text), line: line.number)
        } else {
            builder.mark(line.number, .prose)
        }
    }

    private mutating func continueMessage(_ line: SourceLine) {
        builder.continueMessage(MarkdownText.unescape(line.trimmed), line: line.number)
    }

    private static func leadsInToExample(_ lines: [SourceLine], after index: Int) -> Bool {
        guard let next = lines[(index + 1)...].first(where: { !$0.isBlank }) else { return false }
        return MarkdownText.isFence(next.text)
    }
}
