import ArgumentParser
import ErrorKB

extension KB {
    struct Duplicates: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "duplicates",
            abstract: "List duplicate groups: repeated codes, shared names, codes across domains.", discussion: Examples.duplicates)

        @Option(help: "Only this kind: code_repeated, name_shared, code_conflict or code_shared.")
        var kind: DuplicateRow.Kind?

        @OptionGroup var filter: DomainFilter
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let rows = try database.open(filter).duplicates(kind: kind, domain: filter.domain)
            try output.emit(rows) { try TableRenderer().render($0) }
            if rows.isEmpty { throw NothingFound("no duplicates") }
        }
    }
}

extension DuplicateRow.Kind: ExpressibleByArgument {}
