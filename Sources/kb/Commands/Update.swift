import ArgumentParser
import ErrorKB
import ErrorKBFetch

extension KB {
    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update",
            abstract: "Fetch each document's page again and add what changed as a new version.",
            discussion: """
                Fetches the source URL of every document in --db (documents read from a file without a URL are listed as no_url). \
                A page is asked for with a conditional request (If-None-Match, If-Modified-Since) when its ETag or Last-Modified \
                is stored; a 304, or the same bytes (SHA-256) again, leaves it as it is. A changed page becomes a new version by \
                the rules of kb add, and its changes are printed as kb diff prints them. When nothing changed the file is not \
                written. A page that cannot be fetched (no connection, an HTTP error, a timeout, a response over 16 MiB, a page \
                with no error codes) is an error naming its URL, and nothing is written (with --keep-going, the other pages are).
                """ + Examples.update)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var fetch: FetchOptions
        @OptionGroup var output: OutputOptions

        @Flag(help: "Write the pages that could be fetched even when others could not (exit status 3 all the same).")
        var keepGoing = false

        func validate() throws {
            if try database.path() == nil { throw ValidationError("give --db PATH (or set KB_DB)") }
            try output.refuseRows(for: "update")
        }

        func run() throws {
            let results = try KnowledgeBaseUpdater.update(database.path()!, fetcher: fetch.fetcher, keepGoing: keepGoing)
            try output.summaryRenderer.render(results)
            let failed = results.filter { $0.action == .failed }
            for result in failed { Diagnostics.note(result.error ?? result.source) }
            if !failed.isEmpty { throw DataError("\(failed.count) of \(results.count) pages could not be fetched; the others were written") }
        }
    }
}
