import ArgumentParser
import ErrorKB
import Foundation

extension KB {
    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "classify",
            abstract: "Count a log's errors by documented error.",
            discussion: """
                Reads every line as kb match does (payloads, the client libraries' formats, bare messages after a log prefix) \
                and counts it under the answer kb match gives. Lines that look like errors but match nothing, lines that are \
                not errors, malformed payloads and lines over 1 MiB are reported apart, with their numbers. Streams in \
                constant memory. A regular file is cut into byte ranges of whole lines, read by parallel jobs; the report \
                (and every note, with its line number) is the one a single job gives. Jobs keep their notes, and lines \
                past the group limits, in temporary files until they are merged. Standard input and pipes are read by \
                one job.
                """ + Examples.classify)

        @Argument(help: "The log to read (a file or a pipe); - or nothing for standard input.", completion: .file())
        var file: String?

        @Option(help: ArgumentHelp(
            "Jobs that read a regular file in parallel (default: the active cores, at most \(Self.maxDefaultJobs)).",
            discussion: "Each job reads at least 64 KiB; a pipe or standard input is read by one job."))
        var jobs: Int?

        /// The default --jobs: more than this rarely pays (the report is merged on one thread).
        static let maxDefaultJobs = 8

        @OptionGroup var filter: DomainFilter
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1 (got \(jobs))") }
        }

        func run() throws {
            let name = try file.map(Paths.expand) ?? "-"
            let matcher = try MessageMatcher(database.open(filter), domain: filter.domain)
            let jobs = jobs ?? min(ProcessInfo.processInfo.activeProcessorCount, Self.maxDefaultJobs)
            let classifier = try LogInput.classify(name, jobs: jobs, matcher: matcher) { note in
                Diagnostics.note(file: name, line: note.line, note.message)
            }
            let report = classifier.report()
            try output.emit(ClassifyRow.rows(report), document: report) { _ in try TableRenderer().render(report) }
        }
    }
}
