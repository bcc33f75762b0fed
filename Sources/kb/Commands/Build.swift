import ArgumentParser
import ErrorKB
import ErrorKBSupport
import Foundation

extension KB {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Import documents into a new database file.",
            discussion: "With no DOC, builds from the seed corpus built into kb. The file (and the Datasette metadata) is written beside --out and renamed into place when complete, so a failed build leaves the old files; a second writer of the same file waits for the first. Domain and locale come from each document's source URL (an HTML page's <html lang> gives its locale); --domain and --locale override them. Documents that are versions of one page (same domain and locale, and the same source URL, or without one the same title once a closing date is removed) do not stack: the one given last is current, the others are kept as history, and kb build says so." + Examples.build)

        @Argument(help: "Documents to import (markdown, HTML saved from the site, or scraped text).", completion: .file())
        var documents: [String] = []

        @Option(help: "The database file to write: absent, empty or an ErrorKB database (a symlink is followed).", completion: .file())
        var out = "kb.db"

        @Option(help: "Also write Datasette metadata (title, source, column descriptions) to this JSON file.", completion: .file())
        var datasetteMetadata: String?

        @Flag(help: "Replace --out even when it is a file that is not an ErrorKB database.")
        var force = false

        @OptionGroup var origin: DocumentOptions
        @OptionGroup var output: OutputOptions

        func validate() throws { try output.refuseRows(for: "build") }

        func run() throws {
            let out = try Paths.expand(out)
            let files = try origin.pages(ArgumentRuns.unfold(documents).map(Paths.expand))
            // Files are streamed into the database as they are read.
            let inputs = files.isEmpty ? try EmbeddedCorpus.importSeed().map(DocumentInput.document) : try files.map(origin.input)
            let display = ProgressLine.onTerminal()
            defer { display?.finish() }
            let summary = try KnowledgeBaseBuilder.build(inputs, to: out, datasetteMetadata: try datasetteMetadata.map(Paths.expand), force: force,
                                                         progress: display?.progress)
            display?.finish()
            Self.report(summary)
            try output.summaryRenderer.render(summary, writtenTo: out)
        }

        /// What the build noticed, on stderr: empty documents, repeated or replaced inputs, lines
        /// skipped or changed, and lines it could not explain.
        private static func report(_ summary: BuildSummary) {
            for file in summary.emptyDocuments { Diagnostics.note("\(file): no entries or table rows; imported as an empty document") }
            for note in summary.notes { Diagnostics.note(note) }
            for warning in summary.warnings { Diagnostics.note(file: warning.file, line: warning.line, warning.text) }
            for line in summary.unexplained { Diagnostics.note(file: line.file, line: line.line, "unexplained line: \(line.text)") }
        }
    }
}
