import ArgumentParser
import ErrorKB

extension KB {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Search names, messages and table rows in English and Chinese.",
            discussion: "English words match as prefixes (withdraw finds CAPITAL_WITHDRAW_*), Chinese as any substring (余额, 币). All terms must match. A code puts its own entries first.")

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

        /// The options `kb search` takes: a dashed word before `--` that is none of them is a
        /// mistyped option, not text.
        static let optionNames = ["--lang", "--limit", "--all", "--domain", "--db", "--format", "--help", "--version"]

        func validate() throws {
            if let option = words.prefix(while: { $0 != "--" }).first(where: UnknownOption.looksLikeOption) {
                throw ValidationError(UnknownOption.message(option, known: Self.optionNames) + "; to search for it, put -- before it")
            }
            if words.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) { throw ValidationError("give something to search for") }
            if limit < 1 { throw ValidationError("--limit must be at least 1") }
        }

        func run() throws {
            let text = words.filter { $0 != "--" }.joined(separator: " ")
            var options = SearchOptions(domain: filter.domain, lang: lang, limit: limit)
            options.grouped = !all
            let results = try database.open(filter).searchResults(text, options: options)
            guard !results.hits.isEmpty else { throw NothingFound("nothing matches '\(text)'") }
            if results.partial, output.format == .table { Diagnostics.note("nothing has every word of '\(text)'; these have some of them") }
            try output.renderer.render(results)
            if results.total > results.hits.count, output.format == .table {
                Diagnostics.note("\(results.hits.count) of \(results.totalIsCapped ? "more than " : "")\(results.total) shown; --limit to see more")
            }
        }
    }
}

extension MessageLanguage: ExpressibleByArgument {}
