import ArgumentParser
import ErrorKB

extension KB {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show every meaning of a code or name, in every domain.",
            discussion: "Accepts -1121, 1121, −1121, －１１２１ (any minus sign or dash, full-width digits), names as the pages write them, in any case and with spaces, _ or - alike (bad_symbol, 'Request Throttled', 无效的交易对), and a heading pasted from a page ('-1121 BAD_SYMBOL'). When nothing has that name, it gives the kb search to run instead." + Examples.show)

        // Negative codes look like options, so unrecognized dashed words are taken as the key.
        @Argument(parsing: .allUnrecognized, help: "A code (-1121) or a name (BAD_SYMBOL).")
        var words: [String] = []

        @OptionGroup var filter: DomainFilter
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        /// What was asked, as typed (without `--`).
        private var key: String { ArgumentRuns.words(words).joined(separator: " ") }

        func validate() throws {
            try UsageHints.checkOptions(ArgumentRuns.unfold(words), of: Self.self)
            guard let lookup = LookupKey(key) else { throw ValidationError("give a code such as -1121 or a name such as BAD_SYMBOL") }
            // `-1121 -2019`: two codes, not a heading.
            if case .heading(_, let name) = lookup, name.split(separator: " ").contains(where: { UsageHints.isCode(String($0)) }) {
                throw ValidationError("give one code or name, not '\(key)'")
            }
        }

        /// The search for what was asked, as a command line.
        private var searchHint: String { "kb search " + ArgumentRuns.words(words).map(UsageHints.shellWord).joined(separator: " ") }

        func run() throws {
            let lookup = LookupKey(key)!
            let entries = try database.open(filter).lookup(lookup, domain: filter.domain)
            try output.emit(entries) { try TableRenderer().render($0) }
            guard entries.isEmpty else { return }
            let domain = filter.domain.map { " in domain \($0)" } ?? ""
            switch lookup {
            case .code:
                throw NothingFound("no entry for '\(key)'\(domain)")
            case .heading(let code, let name):
                throw NothingFound("no entry of \(code) is named '\(name)'\(domain); its entries: kb show \(code)")
            case .name:
                throw NothingFound("no entry for '\(key)'\(domain); to search names and messages: \(searchHint)")
            }
        }
    }
}
