import ArgumentParser
import ErrorKB
import ErrorKBSupport

extension KB {
    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "classify",
            abstract: "Count a log's errors by documented error.",
            discussion: "Reads lines that are API payloads {\"code\":…,\"msg\":…}, log lines holding one, or bare messages. Streams in constant memory; a malformed line is reported with its number and counted.")

        @Argument(help: "The log to read (a file or a pipe); - or nothing for standard input.")
        var file: String?

        @OptionGroup var filter: DomainFilter
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let name = try file.map(Paths.expand) ?? "-"
            var classifier = Classifier(matcher: try MessageMatcher(database.open(filter)), domain: filter.domain)
            try Self.forEachLine(of: name) { line, number in
                if let reason = classifier.add(bytes: line, number: number) {
                    Diagnostics.note(file: name, line: number, "malformed payload: \(reason)")
                }
            }
            try output.renderer.render(classifier.report())
        }

        /// Reads a log line by line, in constant memory: a file, or a stream by design (a FIFO,
        /// `<(zcat app.log.gz)`, standard input for `-`); not a directory. A read that fails is an
        /// error (exit 3), as is a standard input that was closed, never an empty log.
        private static func forEachLine(of name: String, _ body: (ArraySlice<UInt8>, Int) throws -> Void) throws {
            if name == "-" && CommandLineArguments.inputWasClosed { throw DataError("-: cannot read: standard input is closed") }
            do {
                // Small chunks: each line is classified while its bytes are still in the cache.
                let reader = try LineReader(name == "-" ? .descriptor(0) : .stream(path: name), fileName: name, chunkSize: 1 << 16, hashing: false)
                var number = 0
                while let line = reader.nextLine() {
                    number += 1
                    try body(line, number)
                }
                if let failure = reader.failure { throw failure }
            } catch let failure as LineReader.Failure {
                throw DataError("\(name): cannot read: \(failure.reason)")
            }
        }
    }
}
