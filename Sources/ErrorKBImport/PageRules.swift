import ErrorKBModel
import ErrorKBSupport

/// The rules for headings, listed codes and code-like lines, the same in every format that has
/// them (markdown, HTML).
extension DocumentBuilder {
    /// What a heading turned out to be.
    enum HeadingRole { case entry, skipped, title, section }

    /// A heading: an entry when it starts with a code (invisible characters removed: the
    /// crypto-loan page ends every heading with U+200B, and 15 of its codes have no name), else
    /// the title (the first heading, which pages often repeat) or a section. A heading that
    /// looks like a code but cannot be read as one is skipped and reported, and so are the lines
    /// under it. "## Messages for -1010 ERROR_MSG_RECEIVED, -2010 …" lists the codes its table
    /// explains.
    mutating func heading(_ raw: String, line: Int) -> HeadingRole {
        let text = raw.removingInvisibles().trimmingWhitespace()
        if let code = CodeLine(text[...], requireMinus: false) {
            headingRead()
            codeLine(code, line: line)
            return .entry
        }
        if CodeLine.overflows(text[...]) {
            skip(line, "code out of 64-bit range; entry skipped")
            return .skipped
        }
        if CodeLine.looksLikeCode(text[...]) {
            skip(line, "a code heading that is not a code and a name; entry skipped: \(text.prefix(200))")
            return .skipped
        }
        if document.sections.isEmpty && entryCount == 0 && (document.title == nil || document.title == text) {
            headingRead()
            setTitle(text, line: line)
            return .title
        }
        beginSection(text, line: line, slug: PageAnchors.slug(text))
        for code in CodeMentions.codes(in: text) { listCode(code, line: line) }
        return .section
    }

    /// A list item or paragraph: a message under an entry; elsewhere a listed code (`-1010
    /// NAME`, backticks allowed: see `listedCode`) or prose. Under a code heading that was
    /// skipped it is skipped too, and reported.
    mutating func item(_ text: String, line: Int, inEntry: Bool) {
        if inEntry {
            message(text, line: line)
        } else if underSkippedCode {
            skipUnderSkippedCode(line)
        } else if let code = CodeLine(text.replacingOccurrences(of: "`", with: "")[...], requireMinus: true) {
            listedCode(code, line: line)
        } else {
            mark(line, .prose)
        }
    }

    /// A list item or paragraph outside an entry that is a code and a name (the wallet page's
    /// `-1010 ERROR_MSG_RECEIVED`, `-2010 NEW_ORDER_REJECTED` under Order Rejection Issues): a
    /// mention of the entry with that code and name, or, when the page defines it nowhere
    /// before, an entry of its own with no messages (the seed's -1010). The caller reads what
    /// follows as prose, not as its messages.
    mutating func listedCode(_ code: CodeLine, line: Int) {
        codeLine(code, line: line)
    }

    /// A line under a code heading that was skipped: skipped too, and reported.
    mutating func skipUnderSkippedCode(_ line: Int) {
        mark(line, .skipped)
        warn(line, "under a code heading that was skipped; line skipped")
    }

    /// `kb build` checks its own work: a line (or an HTML block) that starts with a code but was
    /// read as something other than an entry, a mention or a table row is reported. A table of
    /// contents may repeat the page's entries; it is checked against them.
    mutating func checkCodeLike(_ text: Substring, line: Int, readAs kind: LineKind) {
        switch kind {
        case .entry, .mention, .tableRow, .skipped, .jsonExample, .frontMatter, .unexplained: return
        default: break
        }
        guard CodeLine.looksLikeCode(text) else { return }
        if kind == .toc, let code = CodeLine(text.trimmingWhitespace(), requireMinus: false), hasEntry(code) { return }
        warn(line, "starts with a code but was read as \(kind.rawValue): \(text.trimmingWhitespace().prefix(200))")
    }
}
