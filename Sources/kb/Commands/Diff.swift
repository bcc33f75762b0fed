import ArgumentParser
import ErrorKB

extension KB {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Compare two documents or two databases: codes, names and messages.",
            discussion: "Reports codes added and removed, names changed, and messages added, removed or changed, per domain and locale. Changes in markup only (bullet style, escaping, wrapping, heading level, anchors) are not changes. Exit status 0 when the two are the same, 1 when they differ (as diff(1)), 2 for a usage error (a page without a source URL needs --domain and --locale), 3 for a file that cannot be read." + Examples.diff)

        @Argument(help: "The older document or database.", completion: .file())
        var old: String

        @Argument(help: "The newer document or database.", completion: .file())
        var new: String

        @OptionGroup var origin: DocumentOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let diff = DocumentDiff(old: try origin.snapshot(old), new: try origin.snapshot(new))
            try output.emit(diff.changes) { _ in try TableRenderer().render(diff) }
            // As diff(1): 0 the same, 1 different.
            if !diff.changes.isEmpty { throw ExitCode(1) }
        }
    }
}
