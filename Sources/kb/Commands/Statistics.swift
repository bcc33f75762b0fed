import ArgumentParser
import ErrorKB

extension KB {
    /// `kb stats` (named so as not to hide the library's `Stats`).
    struct Statistics: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats", abstract: "Count what the database holds, per document.", discussion: Examples.stats)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let stats = try database.open().stats()
            try output.emit(stats.documents) { _ in try TableRenderer().render(stats) }
        }
    }
}
