import ArgumentParser
import ErrorKB

extension KB {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show every meaning of a code or name, in every domain.",
            discussion: "Accepts -1121, 1121, −1121, －１１２１ (any minus sign or dash, full-width digits) and names in any case (bad_symbol). Text that is neither a code nor a name is a usage error that gives the kb search to run instead." + Examples.show)

        // Negative codes look like options, so unrecognized dashed words are taken as the key.
        @Argument(parsing: .allUnrecognized, help: "A code (-1121) or a name (BAD_SYMBOL).")
        var words: [String] = []

        @OptionGroup var filter: DomainFilter
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        private var key: String { ArgumentRuns.unfold(words).joined(separator: " ") }

        func validate() throws {
            try UsageHints.checkOptions(ArgumentRuns.unfold(words), of: Self.self)
            if words.count > 1, words.contains(where: { $0.hasPrefix("-") }) {
                throw ValidationError("give one code or name, not '\(key)'")
            }
            if LookupKey(key) == nil { throw ValidationError("give a code such as -1121 or a name such as BAD_SYMBOL") }
        }

        /// The search for what was asked, as a command line.
        private var searchHint: String { "kb search " + ArgumentRuns.unfold(words).map(UsageHints.shellWord).joined(separator: " ") }

        func run() throws {
            // Text people search for, not a key: said in one line, with the search to run.
            if let lookup = LookupKey(key), case .name = lookup, !lookup.isNameLike {
                throw UsageError("'\(key)' is neither a code (-1121) nor a name (BAD_SYMBOL); to search the text: \(searchHint)")
            }
            let entries = try database.open(filter).lookup(LookupKey(key)!, domain: filter.domain)
            try output.emit(entries) { try TableRenderer().render($0) }
            if entries.isEmpty {
                let hint = UsageHints.isCode(key) ? "" : "; to search names and messages: \(searchHint)"
                throw NothingFound("no entry for '\(key)'" + (filter.domain.map { " in domain \($0)" } ?? "") + hint)
            }
        }
    }
}
