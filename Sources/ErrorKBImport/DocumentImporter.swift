import ErrorKBModel
import ErrorKBSupport
import Foundation

/// Turns the bytes of a documentation page into an `ImportedDocument`. The format is told from
/// the content; domain and locale come from the flags, else from what the page states (its
/// source URL, `<html lang>`). A file may hold several pages (a bilingual file holds two): each
/// is a document of its own (`PageBoundaries`).
public enum DocumentImporter {
    /// Reads every page of a file into memory (a page, a diff). `kb build` streams files instead.
    /// `source` gives (or overrides) the first page's URL; later pages take theirs from their own
    /// headings' links, on its host.
    public static func importPages(at path: String, domain: String? = nil, locale: String? = nil, source: String? = nil) throws -> [ImportedDocument] {
        try checkReadable(path)
        return try importPages(.file(path: path), fileName: path, domain: domain, locale: locale, source: source,
                               manifest: try PageManifest.origin(of: path))
    }

    /// Every page of a document held in memory; see `importPages(at:)`.
    public static func importPages(_ data: Data, fileName: String, domain: String? = nil, locale: String? = nil,
                                   source: String? = nil) throws -> [ImportedDocument] {
        try importPages(.memory(data), fileName: fileName, domain: domain, locale: locale, source: source)
    }

    /// Reads a file that holds one page. Throws `ImportError.severalPages` for a file that holds
    /// more (use `importPages`), so that none is dropped unseen.
    public static func importFile(at path: String, domain: String? = nil, locale: String? = nil, source: String? = nil) throws -> ImportedDocument {
        try single(importPages(at: path, domain: domain, locale: locale, source: source), fileName: path)
    }

    /// A document of one page held in memory; see `importFile`. `source` gives (or overrides)
    /// the document's source URL, which is also its identity.
    public static func importData(_ data: Data, fileName: String, domain: String? = nil, locale: String? = nil,
                                  source: String? = nil) throws -> ImportedDocument {
        try single(importPages(data, fileName: fileName, domain: domain, locale: locale, source: source), fileName: fileName)
    }

    private static func single(_ pages: [ImportedDocument], fileName: String) throws -> ImportedDocument {
        guard pages.count == 1 else { throw ImportError.severalPages(file: fileName, firstLines: pages.map(\.parsed.firstLine)) }
        return pages[0]
    }

    /// Reads each page of a document into memory, `chunkSize` bytes at a time.
    package static func importPages(_ bytes: ByteSource, fileName: String, domain: String?, locale: String?, source: String?,
                                    manifest: PageManifest.Origin? = nil, chunkSize: Int = LineReader.defaultChunkSize) throws -> [ImportedDocument] {
        var documents: [ImportedDocument] = []
        for page in try PageBoundaries.scan(bytes, fileName: fileName) {
            let collector = DocumentCollector()
            var context = PageContext(page: page, in: bytes, firstPage: documents.first)
            context.manifest = manifest
            var document = try read(context, fileName: fileName, domain: domain, locale: locale,
                                    source: context.isFirst ? source : nil, into: collector, chunkSize: chunkSize)
            document.parsed.entries = collector.entries
            document.parsed.mentions = collector.mentions
            document.parsed.tableRows = collector.tableRows
            documents.append(document)
        }
        for index in documents.indices { documents[index].pagesInFile = documents.count }
        return documents
    }

    /// Whether `path` names a `MANIFEST.md`: the table of its folder's pages (see `PageManifest`),
    /// read with each of them, not a page itself.
    public static func isManifest(_ path: String) -> Bool {
        SystemPath.lastComponent(path) == PageManifest.fileName
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

    /// Reads a document (one page of a file) line by line, handing entries, mentions and table
    /// rows to `sink` as each becomes final; memory does not grow with the document. The sink's
    /// work is kept only if this returns: on a throw (not UTF-8, no origin) the caller drops what
    /// the sink received.
    package static func read(_ page: PageContext, fileName: String, domain: String?, locale: String?, source: String?,
                             into sink: DocumentSink, chunkSize: Int = LineReader.defaultChunkSize) throws -> ImportedDocument {
        for (flag, value) in [("domain", domain), ("locale", locale)] {
            if let value, !isValidName(value) { throw ImportError.invalidOverride(file: fileName, flag: flag, value: value) }
        }
        let reader: LineReader
        do {
            reader = try LineReader(page.bytes, fileName: fileName, chunkSize: chunkSize, firstLine: page.firstLine)
        } catch let failure as LineReader.Failure {
            throw ImportError.unreadable(file: failure.path, reason: failure.reason)
        }
        let lines = LineWindow(reader)
        var parser = documentReader(for: lines, sink: sink, firstLine: page.firstLine)
        var parsed = parser.parse(lineCount: { reader.lineCount })
        if let error = lines.error { throw error }
        // NUL bytes are not part of what is parsed; each such line is reported.
        parsed.warnings = lines.nulLines.map { .init(line: $0, message: "NUL bytes removed") } + parsed.warnings
        if let source { parsed.sourceURL = source }
        if parsed.sourceURL == nil, page.isFirst { parsed.sourceURL = page.manifest?.source }
        // A page that states no date has its copy's, when its MANIFEST.md gives one.
        if parsed.date == nil { parsed.date = page.manifest?.date }
        // A page that states no URL but whose headings link to it (a bilingual file's second page).
        if parsed.sourceURL == nil, let path = parser.builder.pageLink {
            parsed.sourceURL = DirectLink.url(path: path, base: page.baseURL)
        }
        let counts = (entries: parser.builder.entryCount, messages: parser.builder.messageCount, rows: parser.builder.tableRowCount)
        let fromURL: (domain: String?, locale: String?) = parsed.sourceURL.map(DocumentOrigin.parse(url:)) ?? (nil, nil)
        // A document with nothing to attribute (no entries, no table rows) needs no origin.
        let isEmpty = counts.entries == 0 && counts.rows == 0
        let resolvedDomain = domain ?? fromURL.domain ?? page.manifest?.domain ?? (isEmpty ? "" : nil)
        let resolvedLocale = locale ?? parsed.locale ?? fromURL.locale ?? page.manifest?.locale ?? (isEmpty ? "" : nil)
        guard let resolvedDomain, let resolvedLocale else {
            let missing = [resolvedDomain == nil ? "domain" : nil, resolvedLocale == nil ? "locale" : nil].compactMap { $0 }
            throw ImportError.unknownOrigin(file: page.isFirst ? fileName : "\(fileName):\(page.firstLine)", missing: missing)
        }
        return ImportedDocument(
            fileName: SystemPath.display(SystemPath.lastComponent(fileName)),
            origin: DocumentOrigin(domain: resolvedDomain, locale: resolvedLocale),
            sha256: reader.sha256(), size: reader.size, lineCount: reader.lineCount, parsed: parsed,
            entryCount: counts.entries, messageCount: counts.messages, tableRowCount: counts.rows)
    }

    /// The reader of the document's format, told from its start: HTML when it opens as HTML does;
    /// markdown when code headings say so; a page of tables only is markdown too, unless it has
    /// the scraped form's bare code lines; else scraped text. (A new page format adds its reader
    /// here, and a `DocumentFormat` case.)
    private static func documentReader(for lines: LineWindow, sink: DocumentSink, firstLine: Int) -> any DocumentReader {
        let head = lines.prefix(formatLines)
        if HTMLPageReader.looksLike(head) {
            return HTMLPageReader(lines: lines, builder: DocumentBuilder(format: .html, sink: sink, firstLine: firstLine))
        }
        let markdown = MarkdownParser.looksLike(head)
            || (!ScrapedTextParser.looksLike(head) && head.contains { MarkdownText.heading($0.text) != nil || PipeTable.isSeparator($0.text) })
        if markdown { return MarkdownParser(lines: lines, builder: DocumentBuilder(format: .markdown, sink: sink, firstLine: firstLine)) }
        return ScrapedTextParser(lines: lines, builder: DocumentBuilder(format: .scrapedText, sink: sink, firstLine: firstLine))
    }

    /// How many lines from the start tell the format.
    static let formatLines = 20_000

    static func isValidName(_ value: String) -> Bool {
        !value.isEmpty && value.count <= 100 && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}

/// Which page of its file a document is, and what it may take from the file's first page.
package struct PageContext: Sendable {
    package var firstLine = 1
    /// The page's bytes.
    package var bytes: ByteSource
    /// The first page's URL: later pages' links are on its host.
    package var baseURL: String?
    /// What a MANIFEST.md beside the file says of it (see `PageManifest`).
    package var manifest: PageManifest.Origin?
    package var isFirst: Bool { firstLine == 1 }

    /// A whole file (its only page).
    package init(bytes: ByteSource) { self.bytes = bytes }

    /// The page `page` of `bytes`, after `firstPage` (nil for the first).
    package init(page: PageBoundaries.Page, in bytes: ByteSource, firstPage: ImportedDocument?) {
        firstLine = page.firstLine
        self.bytes = page.length.map { bytes.slice(offset: page.offset, length: $0) } ?? bytes
        baseURL = firstPage?.parsed.sourceURL
    }
}
