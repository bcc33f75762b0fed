import ArgumentParser
import ErrorKB
import ErrorKBSupport

extension KB {
    struct Classify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "classify",
            abstract: "Count a log's errors by documented error.",
            discussion: "Reads lines that are API payloads {\"code\":…,\"msg\":…}, log lines holding one, or bare messages. Streams in constant memory; a malformed line is reported with its number and counted.")

        @Argument(help: "The log to read; - or nothing for standard input.")
        var file: String?

        @OptionGroup var filter: DomainFilter
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            var classifier = Classifier(matcher: try MessageMatcher(database.open(filter)), domain: filter.domain)
            let name = file ?? "-"
            try Self.forEachLine(of: name) { line, number in
                if let reason = classifier.add(bytes: line, number: number) {
                    Diagnostics.note(file: name, line: number, "malformed payload: \(reason)")
                }
            }
            try output.renderer.render(classifier.report())
        }

        /// Reads a log (a file, or standard input for `-`) line by line, in constant memory.
        private static func forEachLine(of name: String, _ body: (ArraySlice<UInt8>, Int) throws -> Void) throws {
            do {
                // Small chunks: each line is classified while its bytes are still in the cache.
                let reader = try LineReader(name == "-" ? .handle(.standardInput) : .file(path: name), fileName: name, chunkSize: 1 << 16, hashing: false)
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
