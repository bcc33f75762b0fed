/// A document read from disk or from the embedded seed corpus. Read into memory (`parsed` holds
/// every entry), or streamed into a database (`parsed` holds the header facts, sections, line
/// kinds and warnings; the counts say what went to the database).
public struct ImportedDocument: Sendable {
    /// The file name (no folder).
    public var fileName: String
    /// Its domain and locale.
    public var origin: DocumentOrigin
    /// Hex SHA-256 of the bytes as read.
    public var sha256: String
    /// Size in bytes.
    public var size: Int
    /// Lines in the document.
    public var lineCount: Int
    /// What was read (see above for a streamed document).
    public var parsed: ParsedDocument
    /// Entries read (mentions excluded).
    public var entryCount: Int
    /// Messages read.
    public var messageCount: Int
    /// Message-keyed table rows read.
    public var tableRowCount: Int
    /// How the bytes came over HTTP (`kb add URL`, `kb update`); nil for a file.
    public var fetch: FetchState?
    /// How many pages the file holds (a bilingual file holds two); this one starts at
    /// `parsed.firstLine`. Digest, size and line count are this page's.
    public var pagesInFile = 1

    package init(fileName: String, origin: DocumentOrigin, sha256: String, size: Int, lineCount: Int, parsed: ParsedDocument,
                 entryCount: Int, messageCount: Int, tableRowCount: Int) {
        self.fileName = fileName
        self.origin = origin
        self.sha256 = sha256
        self.size = size
        self.lineCount = lineCount
        self.parsed = parsed
        self.entryCount = entryCount
        self.messageCount = messageCount
        self.tableRowCount = tableRowCount
    }

    /// What makes two documents versions of one page: the same domain and locale, and the same
    /// source URL; without a URL, the same title once a closing date is removed (the oldest spot
    /// page is `Error codes for Binance (2019-09-25)`); without either, the same file name.
    public var identity: String {
        let page = parsed.sourceURL ?? parsed.title.map { "title:" + PageTitle.withoutDate($0) } ?? "file:\(fileName)"
        return "\(origin.domain) \(origin.locale) " + page
    }

    /// The file name, and for one page of a file that holds several, which lines: for messages.
    public var name: String {
        pagesInFile == 1 ? fileName : "\(fileName) (lines \(parsed.firstLine)–\(parsed.firstLine + lineCount - 1))"
    }

    /// What identifies the page in messages: its URL, else its title, else its file.
    public var identityDescription: String {
        if let url = parsed.sourceURL { return "source \(url)" }
        if let title = parsed.title { return "title \"\(PageTitle.withoutDate(title))\"" }
        return "file name"
    }

    /// Whether it has nothing to attribute to a domain (no entries, no table rows).
    public var isEmpty: Bool { entryCount == 0 && tableRowCount == 0 }
}
