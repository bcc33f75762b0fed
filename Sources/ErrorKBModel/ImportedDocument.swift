/// A document read from disk or from the embedded seed corpus. Read into memory (`parsed` holds
/// every entry), or streamed into a database (`parsed` holds the header facts, sections, line
/// kinds and warnings; the counts say what went to the database).
public struct ImportedDocument: Sendable {
    public var fileName: String
    public var origin: DocumentOrigin
    public var sha256: String
    public var size: Int
    public var lineCount: Int
    public var parsed: ParsedDocument
    public var entryCount: Int
    public var messageCount: Int
    public var tableRowCount: Int

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

    /// What makes two files versions of one document: domain, locale, and the source URL (the
    /// file name when there is none).
    public var identity: String {
        "\(origin.domain) \(origin.locale) " + (parsed.sourceURL ?? "file:\(fileName)")
    }

    /// Whether it has nothing to attribute to a domain (no entries, no table rows).
    public var isEmpty: Bool { entryCount == 0 && tableRowCount == 0 }
}
