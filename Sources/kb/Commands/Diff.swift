import ArgumentParser
import ErrorKB

extension KB {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Compare two documents or two databases: codes, names and messages.",
            discussion: "Reports codes added and removed, names changed, and messages added, removed or changed, per domain and locale. Changes in markup only (bullet style, escaping, wrapping, heading level, anchors) are not changes. Exit status 0 when there are changes, 1 when there are none.")

        @Argument(help: "The older document or database.")
        var old: String

        @Argument(help: "The newer document or database.")
        var new: String

        @OptionGroup var origin: DocumentOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let diff = DocumentDiff(old: try origin.snapshot(old), new: try origin.snapshot(new))
            try output.renderer.render(diff)
            if diff.changes.isEmpty { throw ExitCode(1) }
        }
    }
}
