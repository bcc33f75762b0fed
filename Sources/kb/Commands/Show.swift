import ArgumentParser
import ErrorKB

extension KB {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show every meaning of a code or name, in every domain.",
            discussion: "Accepts -1121, 1121, −1121 and names in any case (bad_symbol).")

        // Negative codes look like options, so unrecognized dashed words are taken as the key.
        @Argument(parsing: .allUnrecognized, help: "A code (-1121) or a name (BAD_SYMBOL).")
        var words: [String] = []

        @OptionGroup var filter: DomainFilter
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        private var key: String { ArgumentRuns.unfold(words).joined(separator: " ") }

        func validate() throws {
            if words.count > 1, words.contains(where: { $0.hasPrefix("-") }) {
                throw ValidationError("give one code or name, not '\(key)'")
            }
            if LookupKey(key) == nil { throw ValidationError("give a code such as -1121 or a name such as BAD_SYMBOL") }
        }

        func run() throws {
            let entries = try database.open(filter).lookup(LookupKey(key)!, domain: filter.domain)
            guard !entries.isEmpty else { throw NothingFound("no entry for '\(key)'" + (filter.domain.map { " in domain \($0)" } ?? "")) }
            try output.renderer.render(entries)
        }
    }
}
