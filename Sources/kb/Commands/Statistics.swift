import ArgumentParser
import ErrorKB

extension KB {
    /// `kb stats` (named so as not to hide the library's `Stats`).
    struct Statistics: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats", abstract: "Count what the database holds, per document.")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try output.renderer.render(database.open().stats())
        }
    }
}
