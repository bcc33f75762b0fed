import ErrorKBModel
import ErrorKBSupport

/// Collects what a parser reads and hands each item to a `DocumentSink` once it is final, and
/// owns the rules that do not depend on the page format: when a code line is an entry or a
/// mention, which codes a table explains, and what a message says about other codes. It keeps
/// only what may still change (the last entry, the current section's table rows) and what the
/// rules need, so memory stays small however long the document.
struct DocumentBuilder {
    /// The document's header facts, sections, line kinds and warnings (entries, mentions and
    /// table rows go to the sink).
    private(set) var document: ParsedDocument
    private let sink: DocumentSink
    /// Entries not yet handed to the sink: the last one, which may still take messages.
    private var entries: [ParsedDocument.Entry] = []
    private var emittedEntries = 0
    /// The last code line, while it has no message yet: it may still turn out to be a mention.
    private var open: Int?
    /// The first entry of each code and name, by index (the name as a 64-bit FNV-1a digest).
    private var firstEntryByCodeAndName: [CodeKey: Int32] = [:]
    /// The current section's codes (listed, defined or mentioned) and table rows: its rows
    /// explain its codes, so they are final when the section ends.
    private var sectionCodes: [(line: Int, code: Int64)] = []
    private var sectionTableRows: [ParsedDocument.TableRow] = []
    private var emittedTableRows = 0
    /// HTML anchors read since the last heading: the next section takes them.
    private var pendingAnchors: [String] = []
    private(set) var messageCount = 0
    private(set) var tableRowCount = 0
    /// Text of lines that were unexplained when the parser moved past them (at most `maxUnexplained`).
    private var unexplainedText: [Int: String] = [:]
    static let maxUnexplained = 10_000
    /// After a code heading that could not be read as an entry, until the next heading: the
    /// lines under it are skipped and reported, never filed as prose.
    private(set) var underSkippedCode = false
    /// The path a page's headings link to (Docusaurus's "direct link" anchors name the page's
    /// own URL): the page's URL when it states none.
    var pageLink: String?
    /// The first line of the document in its file.
    private let firstLine: Int

    private struct CodeKey: Hashable { let code: Int64; let name: UInt64 }

    init(format: DocumentFormat, sink: DocumentSink, firstLine: Int = 1) {
        document = ParsedDocument(format: format)
        document.firstLine = firstLine
        self.firstLine = firstLine
        self.sink = sink
    }

    var currentSection: Int? { document.sections.isEmpty ? nil : document.sections.count - 1 }
    /// Entries so far (mentions excluded).
    var entryCount: Int { emittedEntries + entries.count }

    func kind(ofLine line: Int) -> LineKind {
        line - firstLine < document.lineKinds.count ? document.lineKinds[line - firstLine] : .unexplained
    }

    mutating func mark(_ line: Int, _ kind: LineKind) {
        let index = line - firstLine
        if index >= document.lineKinds.count {
            document.lineKinds.append(contentsOf: repeatElement(.unexplained, count: index + 1 - document.lineKinds.count))
        }
        document.lineKinds[index] = kind
    }

    mutating func mark(_ lines: ClosedRange<Int>, _ kind: LineKind) {
        for line in lines { mark(line, kind) }
    }

    /// The parser has moved past `line`: keep its text if nothing explained it, and report it
    /// if it starts with a code but was not read as one (see `checkCodeLike`).
    mutating func released(_ line: SourceLine) {
        let kind = kind(ofLine: line.number)
        if kind == .unexplained {
            if unexplainedText.count < Self.maxUnexplained { unexplainedText[line.number] = String(line.text.prefix(500)) }
        } else {
            checkCodeLike(line.text, line: line.number, readAs: kind)
        }
    }

    mutating func warn(_ line: Int, _ message: String) {
        document.warnings.append(.init(line: line, message: message))
    }

    /// A line that looks like an entry but cannot be one (its code does not fit in 64 bits).
    mutating func skip(_ line: Int, _ message: String) {
        closeOpenEntry()
        mark(line, .skipped)
        warn(line, message)
        underSkippedCode = true
    }

    mutating func setTitle(_ title: String, line: Int, kind: LineKind = .title) {
        if document.title == nil {
            document.title = title
            if document.date == nil { document.date = PageTitle.date(in: title) }
        }
        mark(line, kind)
    }

    /// A date the page states for itself (front matter's `updated_at: 2026-01-15T23:46:40`).
    mutating func setDate(_ text: Substring) {
        guard let date = PageTitle.isoDate(at: text) else { return }
        document.date = date
    }

    /// The locale the page states for itself (`<html lang="zh-CN">`).
    mutating func setLocale(_ locale: String) {
        if document.locale == nil { document.locale = locale }
    }

    mutating func setSource(_ url: String, line: Int, kind: LineKind = .source) {
        if document.sourceURL == nil { document.sourceURL = url }
        mark(line, kind)
    }

    /// A code a section lists without defining it (in its heading, or as a list item): the
    /// section's table rows explain it.
    mutating func listCode(_ code: Int64, line: Int) {
        guard currentSection != nil else { return }
        sectionCodes.append((line, code))
    }

    /// An HTML anchor on a line of its own: it names the heading that follows.
    mutating func anchor(_ id: String) {
        pendingAnchors.append(id)
    }

    /// A heading that is not a section (an entry's) takes no anchors: they were its own.
    mutating func headingRead() {
        pendingAnchors.removeAll()
    }

    mutating func beginSection(_ title: String, line: Int, slug: String? = nil) {
        closeOpenEntry()
        underSkippedCode = false
        endSection()
        let label = RangeLabel.prefix(of: title[...]).map(String.init)
        var anchors = pendingAnchors
        pendingAnchors.removeAll()
        if let slug, !slug.isEmpty, !anchors.contains(slug) { anchors.append(slug) }
        let section = ParsedDocument.Section(title: title, rangeLabel: label, line: line, anchors: anchors)
        document.sections.append(section)
        sink.section(section, index: document.sections.count - 1)
        mark(line, .section)
    }

    mutating func codeLine(_ code: CodeLine, line: Int) {
        closeOpenEntry()
        underSkippedCode = false
        // Every earlier entry is final now.
        for entry in entries { sink.entry(entry, index: emittedEntries); emittedEntries += 1 }
        entries.removeAll(keepingCapacity: true)
        entries.append(.init(code: code.code, name: code.name, section: currentSection, line: line))
        open = entryCount - 1
        if currentSection != nil { sectionCodes.append((line, code.code)) }
        mark(line, .entry)
    }

    /// Adds a message to the last entry. Returns false when there is no entry to take it.
    @discardableResult
    mutating func message(_ text: String, line: Int) -> Bool {
        guard !entries.isEmpty else { return false }
        let index = entryCount - 1
        if open == index { confirmEntry(index) }
        let message = ParsedDocument.Message(text: text, lang: MessageLanguage(of: text), line: line)
        entries[entries.count - 1].messages.append(message)
        messageCount += 1
        if let replaced = Self.replacedCode(in: text) {
            entries[entries.count - 1].relations.append(.init(relation: "replaces", code: replaced, line: line))
        }
        mark(line, .message)
        return true
    }

    /// Links from the last entry's message on `line` to parts of the page (`#filter-failures`).
    mutating func links(_ anchors: [String], line: Int) {
        guard !entries.isEmpty else { return }
        for anchor in anchors { entries[entries.count - 1].links.append(.init(anchor: anchor, line: line)) }
    }

    /// Joins a wrapped line onto the last message.
    mutating func continueMessage(_ text: String, line: Int) {
        guard let entry = entries.indices.last, let last = entries[entry].messages.indices.last else { return }
        entries[entry].messages[last].text += " " + text
        mark(line, .message)
    }

    mutating func tableRow(message: String, description: String, line: Int, lastLine: Int? = nil) {
        closeOpenEntry()
        sectionTableRows.append(.init(message: message, description: description,
                                    section: currentSection, line: line, lastLine: lastLine ?? line))
        tableRowCount += 1
        mark(line, .tableRow)
    }

    /// Continues the last row's description on another line (a cell over several lines).
    mutating func continueTableRow(_ text: String, line: Int) {
        guard let index = sectionTableRows.indices.last else { return }
        let old = sectionTableRows[index].description
        sectionTableRows[index].description = old.isEmpty ? text : old + "\n" + text
        sectionTableRows[index].lastLine = line
        for blank in sectionTableRows[index].line...line where kind(ofLine: blank) == .blank {
            mark(blank, .tableRow)
        }
        mark(line, .tableRow)
    }

    /// Ends the document: every line up to `lineCount` has a kind, and every item is handed over.
    mutating func finish(lineCount: Int) -> ParsedDocument {
        closeOpenEntry()
        for entry in entries { sink.entry(entry, index: emittedEntries); emittedEntries += 1 }
        entries.removeAll()
        endSection()
        if lineCount > document.lineKinds.count {
            document.lineKinds.append(contentsOf: repeatElement(.unexplained, count: lineCount - document.lineKinds.count))
        }
        document.unexplained = document.unexplainedLines.map { .init(line: $0, message: unexplainedText[$0] ?? "") }
        return document
    }

    // MARK: - Rules

    private mutating func confirmEntry(_ index: Int) {
        let entry = entries[entries.count - 1]
        let key = CodeKey(code: entry.code, name: Self.digest(entry.name))
        if firstEntryByCodeAndName[key] == nil { firstEntryByCodeAndName[key] = Int32(truncatingIfNeeded: index) }
        open = nil
    }

    /// A code line that got no message and repeats an earlier entry's code and name is a
    /// reference to that entry (a list of codes that a table explains), not a new entry.
    private mutating func closeOpenEntry() {
        guard let index = open else { return }
        open = nil
        let entry = entries[entries.count - 1]
        let key = CodeKey(code: entry.code, name: Self.digest(entry.name))
        if let earlier = firstEntryByCodeAndName[key] {
            entries.removeLast()
            sink.mention(.init(code: entry.code, name: entry.name, section: entry.section, entry: Int(earlier), line: entry.line))
            mark(entry.line, .mention)
        } else {
            firstEntryByCodeAndName[key] = Int32(truncatingIfNeeded: index)
        }
    }

    /// The section's table rows explain the codes it lists (entries and mentions, in line
    /// order); they are handed over when it ends.
    private mutating func endSection() {
        var seen: Set<Int64> = []
        let codes = currentSection == nil ? [] : sectionCodes.sorted { $0.line < $1.line }.map(\.code).filter { seen.insert($0).inserted }
        for var row in sectionTableRows {
            row.codes = codes
            sink.tableRow(row, index: emittedTableRows)
            emittedTableRows += 1
        }
        sectionTableRows.removeAll()
        sectionCodes.removeAll()
    }

    /// Whether an entry with this code and name was read (the last one included).
    func hasEntry(_ code: CodeLine) -> Bool {
        firstEntryByCodeAndName[CodeKey(code: code.code, name: Self.digest(code.name))] != nil
            || entries.last.map { $0.code == code.code && $0.name == code.name } == true
    }

    /// FNV-1a of a name's UTF-8 bytes (nil has its own value): a compact key for the rule above.
    private static func digest(_ name: String?) -> UInt64 {
        guard let name else { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash | 1
    }

    /// "替换错误代码-1999", "Replaces error code -1999" → -1999.
    static func replacedCode(in text: String) -> Int64? {
        // Cheap test first: this runs for every message.
        guard text.containsBytes("替换") || text.containsBytes("eplace") else { return nil }
        let lowered = text.lowercased()
        for marker in ["替换错误代码", "replaces error code", "replaced error code"] {
            guard let range = lowered.range(of: marker) else { continue }
            let rest = lowered[range.upperBound...].trimmingWhitespace()
            let token = rest.prefix(while: { $0 == "-" || $0.isNumber })
            if let code = Int64(token), code != 0 { return code }
        }
        return nil
    }
}
