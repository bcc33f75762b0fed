import ArgumentParser
import ErrorKB
import ErrorKBFetch

extension KB {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Import documents (files or page URLs) into an existing database, replacing older versions.",
            discussion: """
                A document replaces the one with the same domain, locale and source URL (without a URL, the same title once a \
                closing date such as (2019-09-25) is removed; without either, the same file name; --source gives a URL). Every \
                version stays in the document_versions table. A file that holds several pages (a bilingual file) adds each. An \
                http(s) URL is fetched (at most 16 MiB, --timeout seconds, 5 redirects) and is the page's source URL, so kb \
                update fetches it again; its domain and locale come from the URL unless --domain/--locale say. The file is \
                rewritten beside itself and renamed into place, so a failure leaves it as it was; a second writer of the same \
                file waits for the first.
                """ + Examples.add)

        @Argument(help: "Documents to import: files, or http(s) URLs of pages.", completion: .file())
        var documents: [String]

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var origin: DocumentOptions
        @OptionGroup var fetch: FetchOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if documents.isEmpty { throw ValidationError("give at least one document") }
            if try database.path() == nil { throw ValidationError("give --db PATH (or set KB_DB)") }
            if origin.source != nil, ArgumentRuns.unfold(documents).contains(where: Mirror.isHTTP) {
                throw ValidationError("--source names a file's page; a URL is its own source")
            }
            try output.refuseRows(for: "add")
        }

        func run() throws {
            // Every page is fetched and read before the file is touched; a file may hold several.
            let imported = try origin.pages(ArgumentRuns.unfold(documents)).flatMap {
                Mirror.isHTTP($0) ? [try origin.importPage($0, fetcher: fetch.fetcher)] : try origin.importPages(try Paths.expand($0))
            }
            let results = try KnowledgeBaseBuilder.add(imported, to: database.path()!)
            for document in imported {
                for warning in document.parsed.warnings { Diagnostics.note(file: document.fileName, line: warning.line, warning.message) }
            }
            for result in results {
                guard let dates = result.olderDate, let replaced = result.replaced else { continue }
                Diagnostics.note("\(result.file) states an older date (\(dates.new)) than \(replaced.file) (\(dates.replaced)), the version it "
                                 + "replaced; it is current all the same (the one added last is): add the newer page again to undo")
            }
            try output.summaryRenderer.render(results)
        }
    }
}
