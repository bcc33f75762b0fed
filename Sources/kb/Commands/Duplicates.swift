import ArgumentParser
import ErrorKB

extension KB {
    struct Duplicates: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "duplicates",
            abstract: "List duplicate groups: repeated codes, shared names, codes across domains.")

        @Option(help: "Only this kind: code_repeated, name_shared, code_conflict or code_shared.")
        var kind: DuplicateRow.Kind?

        @OptionGroup var filter: DomainFilter
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let rows = try database.open(filter).duplicates(kind: kind, domain: filter.domain)
            guard !rows.isEmpty else { throw NothingFound("no duplicates") }
            try output.renderer.render(rows)
        }
    }
}

extension DuplicateRow.Kind: ExpressibleByArgument {}
