import ArgumentParser
import ErrorKB

extension KB {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Search names, messages and table rows in English and Chinese.",
            discussion: "English words match as prefixes (withdraw finds CAPITAL_WITHDRAW_*), Chinese as any substring (余额, 币). All terms must match. A code puts its own entries first." + Examples.search)

        // Negative codes and '-' look like options, so unrecognized dashed words belong to the query.
        @Argument(parsing: .allUnrecognized, help: "Words, Chinese text or a code.")
        var query: [String] = []

        @Option(help: "Only hits with messages in this language: en or zh.")
        var lang: MessageLanguage?

        // Unconditional, so that `--limit -1` is told it must be at least 1 rather than that it has no value.
        @Option(parsing: .unconditional, help: "At most this many hits.")
        var limit = 20

        @Flag(help: "Every entry and table row found, rather than one result per meaning.")
        var all = false

        @OptionGroup var filter: DomainFilter
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        /// The query's words as given (see `ArgumentRuns`).
        private var words: [String] { ArgumentRuns.unfold(query) }

        func validate() throws {
            try UsageHints.checkOptions(words, of: Self.self, terminatorHint: "to search for a word that starts with -, put it after --")
            if words.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { throw ValidationError("give something to search for") }
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let text = words.filter { $0 != "--" }.joined(separator: " ")
            var options = SearchOptions(domain: filter.domain, lang: lang, limit: limit)
            options.grouped = !all
            let results = try database.open(filter).searchResults(text, options: options)
            if output.format == .table {
                for line in ExpansionNote.lines(results.expansions) { Diagnostics.note(line) }
            }
            if results.partial, !results.hits.isEmpty, output.format == .table {
                Diagnostics.note("nothing has every word of '\(text)'; "
                                 + (results.hits.contains { $0.via != nil } ? "besides those found as other words, the hits have some of them" : "these have some of them"))
            }
            // JSON is one document: the hits with the total (`{"hits": [...], "total": 56, ...}`).
            try output.emit(results.hits, document: results) { try TableRenderer().render($0) }
            if results.hits.isEmpty { throw NothingFound("nothing matches '\(text)'") }
            if results.total > results.hits.count, output.format == .table {
                Diagnostics.note("\(results.hits.count) of \(results.totalIsCapped ? "more than " : "")\(results.total) shown; --limit to see more")
            }
        }
    }
}

extension MessageLanguage: ExpressibleByArgument {}
