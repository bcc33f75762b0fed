import Foundation

/// A document read from disk or from the embedded seed corpus, ready to be stored.
public struct ImportedDocument: Sendable {
    public var fileName: String
    public var origin: DocumentOrigin
    public var rawText: String
    public var sha256: String
    public var size: Int
    public var lineCount: Int
    public var parsed: ParsedDocument

    /// What makes two files versions of one document: domain, locale, and the source URL (the
    /// file name when there is none).
    public var identity: String {
        "\(origin.domain) \(origin.locale) " + (parsed.sourceURL ?? "file:\(fileName)")
    }
}

/// Turns the bytes of a documentation page into an `ImportedDocument`. The format is told from
/// the content; domain and locale come from the flags, else from the page's source URL.
public enum DocumentImporter {
    public static func importFile(at path: String, domain: String? = nil, locale: String? = nil, source: String? = nil) throws -> ImportedDocument {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError.unreadable(file: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw ImportError.unreadable(file: path, reason: "it is a directory") }
        let type = (try? FileManager.default.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
        if type != .typeRegular { throw ImportError.unreadable(file: path, reason: "not a regular file") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ImportError.unreadable(file: path, reason: (error as NSError).localizedDescription)
        }
        return try importData(data, fileName: path, domain: domain, locale: locale, source: source)
    }

    /// `source` gives (or overrides) the document's source URL, which is also its identity.
    public static func importData(_ data: Data, fileName: String, domain: String? = nil, locale: String? = nil,
                                  source: String? = nil) throws -> ImportedDocument {
        for (flag, value) in [("domain", domain), ("locale", locale)] {
            if let value, !isValidName(value) { throw ImportError.invalidOverride(file: fileName, flag: flag, value: value) }
        }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw ImportError.notUTF8(file: fileName, line: firstInvalidLine(bytes))
        }
        // NUL bytes are kept in the raw text but not in what is parsed from it: SQLite and its
        // clients read text as C strings, which end at a NUL. Each such line is reported.
        var parseable = text
        var nulLines: [Int] = []
        if text.utf8.contains(0) {
            nulLines = SourceLine.split(text).filter { $0.text.utf8.contains(0) }.map(\.number)
            parseable = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{0}" }))
        }
        let lines = SourceLine.split(parseable)
        var parsed = parse(lines)
        parsed.warnings = nulLines.map { .init(line: $0, message: "NUL bytes removed") } + parsed.warnings
        if let source { parsed.sourceURL = source }
        let fromURL: (domain: String?, locale: String?) = parsed.sourceURL.map(DocumentOrigin.parse(url:)) ?? (nil, nil)
        // A document with nothing to attribute (no entries, no table rows) needs no origin.
        let isEmpty = parsed.entries.isEmpty && parsed.reasons.isEmpty
        let resolvedDomain = domain ?? fromURL.domain ?? (isEmpty ? "" : nil)
        let resolvedLocale = locale ?? fromURL.locale ?? (isEmpty ? "" : nil)
        guard let resolvedDomain, let resolvedLocale else {
            let missing = [resolvedDomain == nil ? "domain" : nil, resolvedLocale == nil ? "locale" : nil].compactMap { $0 }
            throw ImportError.unknownOrigin(file: fileName, missing: missing)
        }
        return ImportedDocument(
            fileName: (fileName as NSString).lastPathComponent,
            origin: DocumentOrigin(domain: resolvedDomain, locale: resolvedLocale),
            rawText: text, sha256: SHA256.hex(of: data), size: data.count,
            lineCount: lines.count, parsed: parsed)
    }

    /// Chooses the reader by content: markdown code headings, else scraped-text code lines.
    public static func parse(_ lines: [SourceLine]) -> ParsedDocument {
        // Markdown when code headings say so; a page of tables only is markdown too, unless it has
        // the scraped form's bare code lines.
        let markdown = MarkdownParser.looksLike(lines)
            || (!ScrapedTextParser.looksLike(lines) && lines.contains { MarkdownText.heading($0.text) != nil || PipeTable.isSeparator($0.text) })
        let format: any DocumentParser.Type = markdown ? MarkdownParser.self : ScrapedTextParser.self
        var parser = format.init(lines: lines)
        return parser.parse()
    }

    static func isValidName(_ value: String) -> Bool {
        !value.isEmpty && value.count <= 100 && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    private static func firstInvalidLine(_ bytes: Data) -> Int {
        var line = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.endIndex,
                  String(data: bytes[index..<index + length], encoding: .utf8) != nil else { return line }
            if byte == 0x0A { line += 1 }
            index += length
        }
        return line
    }
}
