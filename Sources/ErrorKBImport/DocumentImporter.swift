import ErrorKBModel
import ErrorKBSupport
import Foundation

/// Turns the bytes of a documentation page into an `ImportedDocument`. The format is told from
/// the content; domain and locale come from the flags, else from the page's source URL.
public enum DocumentImporter {
    /// Reads a whole file into memory (a page, a diff). `kb build` streams files instead.
    public static func importFile(at path: String, domain: String? = nil, locale: String? = nil, source: String? = nil) throws -> ImportedDocument {
        try checkReadable(path)
        return try importBytes(.file(path: path), fileName: path, domain: domain, locale: locale, source: source)
    }

    /// `source` gives (or overrides) the document's source URL, which is also its identity.
    public static func importData(_ data: Data, fileName: String, domain: String? = nil, locale: String? = nil,
                                  source: String? = nil) throws -> ImportedDocument {
        try importBytes(.memory(data), fileName: fileName, domain: domain, locale: locale, source: source)
    }

    /// Reads a document into memory, `chunkSize` bytes at a time.
    static func importBytes(_ bytes: ByteSource, fileName: String, domain: String?, locale: String?, source: String?,
                            chunkSize: Int = LineReader.defaultChunkSize) throws -> ImportedDocument {
        let collector = DocumentCollector()
        var document = try read(bytes, fileName: fileName, domain: domain, locale: locale, source: source, into: collector, chunkSize: chunkSize)
        document.parsed.entries = collector.entries
        document.parsed.mentions = collector.mentions
        document.parsed.tableRows = collector.tableRows
        return document
    }

    /// Fails unless `path` names a regular file (through any symlinks): a directory, a FIFO or a
    /// device is refused without being opened, so nothing blocks.
    package static func checkReadable(_ path: String) throws {
        let status: FileStatus?
        do { status = try FileStatus.of(path) } catch let failure as FileStatus.Failure {
            throw ImportError.unreadable(file: path, reason: failure.reason)
        }
        guard let status else { throw ImportError.unreadable(file: path, reason: "no such file") }
        if status.kind != .regular { throw ImportError.unreadable(file: path, reason: "it is \(status.kind.noun), not a regular file") }
    }

    /// Reads a document line by line, handing entries, mentions and table rows to `sink` as each
    /// becomes final; memory does not grow with the document. The sink's work is kept only if
    /// this returns: on a throw (not UTF-8, no origin) the caller drops what the sink received.
    package static func read(_ bytes: ByteSource, fileName: String, domain: String?, locale: String?, source: String?,
                     into sink: DocumentSink, chunkSize: Int = LineReader.defaultChunkSize) throws -> ImportedDocument {
        for (flag, value) in [("domain", domain), ("locale", locale)] {
            if let value, !isValidName(value) { throw ImportError.invalidOverride(file: fileName, flag: flag, value: value) }
        }
        let reader: LineReader
        do {
            reader = try LineReader(bytes, fileName: fileName, chunkSize: chunkSize)
        } catch let failure as LineReader.Failure {
            throw ImportError.unreadable(file: failure.path, reason: failure.reason)
        }
        let lines = LineWindow(reader)
        var parser = parser(for: lines, sink: sink)
        var parsed = parser.parse(lineCount: { reader.lineCount })
        if let error = lines.error { throw error }
        // NUL bytes are not part of what is parsed; each such line is reported.
        parsed.warnings = lines.nulLines.map { .init(line: $0, message: "NUL bytes removed") } + parsed.warnings
        if let source { parsed.sourceURL = source }
        let counts = (entries: parser.builder.entryCount, messages: parser.builder.messageCount, rows: parser.builder.tableRowCount)
        let fromURL: (domain: String?, locale: String?) = parsed.sourceURL.map(DocumentOrigin.parse(url:)) ?? (nil, nil)
        // A document with nothing to attribute (no entries, no table rows) needs no origin.
        let isEmpty = counts.entries == 0 && counts.rows == 0
        let resolvedDomain = domain ?? fromURL.domain ?? (isEmpty ? "" : nil)
        let resolvedLocale = locale ?? fromURL.locale ?? (isEmpty ? "" : nil)
        guard let resolvedDomain, let resolvedLocale else {
            let missing = [resolvedDomain == nil ? "domain" : nil, resolvedLocale == nil ? "locale" : nil].compactMap { $0 }
            throw ImportError.unknownOrigin(file: fileName, missing: missing)
        }
        return ImportedDocument(
            fileName: SystemPath.display(SystemPath.lastComponent(fileName)),
            origin: DocumentOrigin(domain: resolvedDomain, locale: resolvedLocale),
            sha256: reader.sha256(), size: reader.size, lineCount: reader.lineCount, parsed: parsed,
            entryCount: counts.entries, messageCount: counts.messages, tableRowCount: counts.rows)
    }

    /// The parser of the document's format, told from its start: markdown when code headings say
    /// so; a page of tables only is markdown too, unless it has the scraped form's bare code lines;
    /// else scraped text. (A new page format adds its parser here, and a `DocumentFormat` case.)
    private static func parser(for lines: LineWindow, sink: DocumentSink) -> any DocumentParser {
        let head = lines.prefix(formatLines)
        let markdown = MarkdownParser.looksLike(head)
            || (!ScrapedTextParser.looksLike(head) && head.contains { MarkdownText.heading($0.text) != nil || PipeTable.isSeparator($0.text) })
        if markdown { return MarkdownParser(lines: lines, builder: DocumentBuilder(format: .markdown, sink: sink)) }
        return ScrapedTextParser(lines: lines, builder: DocumentBuilder(format: .scrapedText, sink: sink))
    }

    /// How many lines from the start tell the format.
    static let formatLines = 20_000

    static func isValidName(_ value: String) -> Bool {
        !value.isEmpty && value.count <= 100 && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
