import ArgumentParser
import ErrorKB
import ErrorKBFetch
import ErrorKBSupport
import Foundation

/// How a command that reads documents (build, add, diff) learns each one's domain, locale and
/// source when the document's own URL does not say, or should be overridden.
struct DocumentOptions: ParsableArguments {
    @Option(help: "The API product of every DOC (overrides its source URL).", completion: Completions.domains)
    var domain: String?

    @Option(help: "The locale of every DOC, e.g. en, zh-CN (overrides its source URL).")
    var locale: String?

    @Option(help: "The source URL of every DOC (of a file's first page), when it names none; with domain and locale, its identity across versions.")
    var source: String?

    @Option(name: .customLong("origin"), help: ArgumentHelp(
        "Domain and locale for the DOCs whose file name matches GLOB, e.g. 'spot-errors.zh-CN*=spot/zh-CN' (repeatable).",
        valueName: "GLOB=DOMAIN/LOCALE"))
    var origins: [String] = []

    func validate() throws { _ = try parsedOrigins() }

    private func parsedOrigins() throws -> [(glob: String, domain: String, locale: String)] {
        try origins.map { origin in
            let parts = origin.split(separator: "=", maxSplits: 1)
            let value = parts.count == 2 ? parts[1].split(separator: "/") : []
            guard parts.count == 2, value.count == 2 else {
                throw ValidationError("--origin '\(origin)' is not GLOB=DOMAIN/LOCALE")
            }
            return (String(parts[0]), String(value[0]), String(value[1]))
        }
    }

    /// The files given that are pages: a MANIFEST.md among them (`kb build seed/*`) is its
    /// folder's table of pages, read with each page, so it is left out and said so. Only
    /// manifests is a usage error, not a build of the built-in corpus.
    func pages(_ files: [String]) throws -> [String] {
        let pages = files.filter { !DocumentImporter.isManifest($0) }
        for file in files where DocumentImporter.isManifest(file) {
            Diagnostics.note("\(file): the table of its folder's pages, read with each of them; not imported as a page")
        }
        if pages.isEmpty && !files.isEmpty { throw UsageError("no document to import: only MANIFEST.md given") }
        return pages
    }

    /// Imports each page of a file into memory with the flags that apply to it.
    func importPages(_ path: String) throws -> [ImportedDocument] {
        let (domain, locale) = try origin(of: path)
        return try DocumentImporter.importPages(at: path, domain: domain, locale: locale, source: source)
    }

    /// Fetches a page and imports it with the flags that apply to it (`--origin` globs match the
    /// URL's last path component).
    func importPage(_ url: String, fetcher: PageFetcher) throws -> ImportedDocument {
        let (domain, locale) = try origin(of: url)
        guard case .page(let document) = try fetcher.fetch(url, domain: domain, locale: locale) else {
            preconditionFailure("an unconditional fetch is never 'not modified'")
        }
        return document
    }

    /// A file for `kb build` to stream, with the flags that apply to it.
    func input(_ path: String) throws -> DocumentInput {
        let (domain, locale) = try origin(of: path)
        return .file(path: path, domain: domain, locale: locale, source: source)
    }

    /// What a document or a database says, by content (a database is told by its SQLite header).
    func snapshot(_ path: String) throws -> ContentSnapshot {
        let path = try Paths.expand(path)
        if Self.isDatabase(path) { return try ContentSnapshot(KnowledgeBase.open(path: path)) }
        return ContentSnapshot(try importPages(path))
    }

    /// --domain/--locale, else the first --origin whose glob matches the file name, else the
    /// document's URL (nil).
    private func origin(of path: String) throws -> (domain: String?, locale: String?) {
        let name = SystemPath.lastComponent(path)
        let origin = try parsedOrigins().first { origin in
            SystemPath.withCString(origin.glob) { glob in SystemPath.withCString(name) { fnmatch(glob, $0, 0) == 0 } }
        }
        return (domain ?? origin?.domain, locale ?? origin?.locale)
    }

    /// Whether `path` is a regular file with SQLite's header. Anything else is left to the
    /// importer, which refuses it without opening it (a FIFO would block).
    private static func isDatabase(_ path: String) -> Bool {
        guard let fd = try? SystemFile.openForReading(path, regularOnly: true) else { return false }
        defer { close(fd) }
        var header = [UInt8](repeating: 0, count: 16)
        return header.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 16, 0) } == 16 && header == Array("SQLite format 3\u{0}".utf8)
    }
}
