import ArgumentParser
import ErrorKB

extension KB {
    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "classify",
            abstract: "Count a log's errors by documented error.",
            discussion: """
                Reads every line as kb match does (payloads, the client libraries' formats, bare messages after a log prefix) \
                and counts it under the answer kb match gives. Lines that look like errors but match nothing, lines that are \
                not errors, malformed payloads and lines over 1 MiB are reported apart, with their numbers. Streams in \
                constant memory.
                """ + Examples.classify)

        @Argument(help: "The log to read (a file or a pipe); - or nothing for standard input.", completion: .file())
        var file: String?

        @OptionGroup var filter: DomainFilter
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let name = try file.map(Paths.expand) ?? "-"
            var classifier = Classifier(matcher: try MessageMatcher(database.open(filter), domain: filter.domain))
            try LogInput.forEachLine(of: name, maxLineLength: Classifier.maxLineLength) { line, number, cut in
                if cut {
                    classifier.addTooLong(number: number)
                    Diagnostics.note(file: name, line: number, "line too long (over \(Classifier.maxLineLength) bytes), not read")
                } else if let reason = classifier.add(bytes: line, number: number) {
                    Diagnostics.note(file: name, line: number, "malformed payload: \(reason)")
                }
            }
            let report = classifier.report()
            try output.emit(ClassifyRow.rows(report), document: report) { _ in try TableRenderer().render(report) }
        }
    }
}
