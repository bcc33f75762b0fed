/// Collects what a parser reads into a `ParsedDocument`, and owns the rules that do not depend
/// on the page format: when a code line is an entry or a mention, which codes a table explains,
/// and what a message says about other codes.
struct DocumentBuilder {
    private(set) var document: ParsedDocument
    /// The last code line, while it has no message yet: it may still turn out to be a mention.
    private var open: Int?
    private var firstEntryByCodeAndName: [CodeKey: Int] = [:]
    private var listedCodes: [Int: [(line: Int, code: Int64)]] = [:]

    private struct CodeKey: Hashable { let code: Int64; let name: String? }

    init(format: DocumentFormat, lineCount: Int) {
        document = ParsedDocument(format: format)
        document.lineKinds = Array(repeating: .unexplained, count: lineCount)
    }

    var currentSection: Int? { document.sections.isEmpty ? nil : document.sections.count - 1 }
    var hasOpenEntry: Bool { open != nil }
    /// The entry that a message line would belong to.
    var lastEntry: ParsedDocument.Entry? { document.entries.last }

    mutating func mark(_ line: Int, _ kind: LineKind) {
        document.lineKinds[line - 1] = kind
    }

    mutating func mark(_ lines: ClosedRange<Int>, _ kind: LineKind) {
        for line in lines { mark(line, kind) }
    }

    mutating func warn(_ line: Int, _ message: String) {
        document.warnings.append(.init(line: line, message: message))
    }

    /// A line that looks like an entry but cannot be one (its code does not fit in 64 bits).
    mutating func skip(_ line: Int, _ message: String) {
        closeOpenEntry()
        mark(line, .skipped)
        warn(line, message)
    }

    mutating func setTitle(_ title: String, line: Int, kind: LineKind = .title) {
        if document.title == nil { document.title = title }
        mark(line, kind)
    }

    mutating func setSource(_ url: String, line: Int, kind: LineKind = .source) {
        if document.sourceURL == nil { document.sourceURL = url }
        mark(line, kind)
    }

    /// A code a section lists without defining it (in its heading, or as a list item): the
    /// section's table rows explain it.
    mutating func listCode(_ code: Int64, line: Int) {
        guard let section = currentSection else { return }
        listedCodes[section, default: []].append((line, code))
    }

    mutating func beginSection(_ title: String, line: Int) {
        closeOpenEntry()
        let label = RangeLabel.prefix(of: title[...]).map(String.init)
        document.sections.append(.init(title: title, rangeLabel: label, line: line))
        mark(line, .section)
    }

    mutating func codeLine(_ code: CodeLine, line: Int) {
        closeOpenEntry()
        document.entries.append(.init(code: code.code, name: code.name, section: currentSection, line: line))
        open = document.entries.count - 1
        mark(line, .entry)
    }

    /// Adds a message to the last entry. Returns false when there is no entry to take it.
    @discardableResult
    mutating func message(_ text: String, line: Int) -> Bool {
        guard !document.entries.isEmpty else { return false }
        let index = document.entries.count - 1
        if open == index { confirmEntry(index) }
        let message = ParsedDocument.Message(text: text, lang: MessageLanguage(of: text), line: line)
        document.entries[index].messages.append(message)
        if let replaced = Self.replacedCode(in: text) {
            document.entries[index].relations.append(.init(relation: "replaces", code: replaced, line: line))
        }
        mark(line, .message)
        return true
    }

    /// Joins a wrapped line onto the last message.
    mutating func continueMessage(_ text: String, line: Int) {
        guard let entry = document.entries.indices.last, let last = document.entries[entry].messages.indices.last else { return }
        document.entries[entry].messages[last].text += " " + text
        mark(line, .message)
    }

    mutating func reason(message: String, description: String, line: Int, lastLine: Int? = nil) {
        closeOpenEntry()
        document.reasons.append(.init(message: message, description: description,
                                      section: currentSection, line: line, lastLine: lastLine ?? line))
        mark(line, .tableRow)
    }

    /// Continues the last row's description on another line (a cell over several lines).
    mutating func continueReason(_ text: String, line: Int) {
        guard let index = document.reasons.indices.last else { return }
        let old = document.reasons[index].description
        document.reasons[index].description = old.isEmpty ? text : old + "\n" + text
        document.reasons[index].lastLine = line
        for blank in document.reasons[index].line...line where document.lineKinds[blank - 1] == .blank {
            mark(blank, .tableRow)
        }
        mark(line, .tableRow)
    }

    mutating func finish() -> ParsedDocument {
        closeOpenEntry()
        assignReasonCodes()
        return document
    }

    // MARK: - Rules

    private mutating func confirmEntry(_ index: Int) {
        let entry = document.entries[index]
        let key = CodeKey(code: entry.code, name: entry.name)
        if firstEntryByCodeAndName[key] == nil { firstEntryByCodeAndName[key] = index }
        open = nil
    }

    /// A code line that got no message and repeats an earlier entry's code and name is a
    /// reference to that entry (a list of codes that a table explains), not a new entry.
    private mutating func closeOpenEntry() {
        guard let index = open else { return }
        open = nil
        let entry = document.entries[index]
        let key = CodeKey(code: entry.code, name: entry.name)
        if let earlier = firstEntryByCodeAndName[key] {
            document.entries.removeLast()
            document.mentions.append(.init(code: entry.code, name: entry.name, section: entry.section,
                                           entry: earlier, line: entry.line))
            mark(entry.line, .mention)
        } else {
            firstEntryByCodeAndName[key] = index
        }
    }

    /// The codes a section lists (entries and mentions, in line order) are the codes its table rows explain.
    private mutating func assignReasonCodes() {
        guard !document.reasons.isEmpty else { return }
        var listed = listedCodes
        for entry in document.entries { if let s = entry.section { listed[s, default: []].append((entry.line, entry.code)) } }
        for mention in document.mentions { if let s = mention.section { listed[s, default: []].append((mention.line, mention.code)) } }
        for index in document.reasons.indices {
            guard let section = document.reasons[index].section, let codes = listed[section] else { continue }
            var seen: Set<Int64> = []
            document.reasons[index].codes = codes.sorted { $0.line < $1.line }.map(\.code).filter { seen.insert($0).inserted }
        }
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
