import ErrorKB
import ErrorKBSupport

/// A log read line by line, in constant memory: a file, or a stream by design (a FIFO,
/// `<(zcat app.log.gz)`, standard input for `-`); not a directory. Lines over
/// `Classifier.maxLineLength` bytes are cut (and said so) rather than held. A read that fails is
/// an error (exit 3), as is a standard input that was closed, never an empty log. A regular file
/// is read by `jobs` parallel jobs (`LogClassification`); a stream is read in one.
enum LogInput {
    /// Calls `body` with each line, its number, and whether it was cut. Throws a `DataError` naming
    /// the file when it cannot be read, or is not text (`TextSniffer`: compressed, binary), with
    /// `rerun` (the command that reads standard input) in the hint.
    static func forEachLine(of name: String, maxLineLength: Int, rerun: String = "kb classify -",
                            _ body: (ArraySlice<UInt8>, Int, Bool) throws -> Void) throws {
        if name == "-" && CommandLineArguments.inputWasClosed { throw DataError("-: cannot read: standard input is closed") }
        do {
            // Small chunks: each line is handled while its bytes are still in the cache.
            let reader = try LineReader(name == "-" ? .descriptor(0) : .stream(path: name), fileName: name, chunkSize: 1 << 16,
                                        hashing: false, maxLineLength: maxLineLength)
            var number = 0
            var sniffer = TextSniffer()
            while let line = reader.nextLine() {
                number += 1
                if let notText = sniffer.check(line, number: number, name: name, rerun: rerun) { throw DataError(notText) }
                try body(line, number, reader.lastLineWasCut)
            }
            if let failure = reader.failure { throw failure }
            if let notText = sniffer.finish(name: name) { throw DataError(notText) }
        } catch let failure as LineReader.Failure {
            throw DataError("\(name): cannot read: \(failure.reason)")
        }
    }

    /// Classifies the log, with `jobs` jobs when it is a regular file.
    static func classify(_ name: String, jobs: Int, matcher: MessageMatcher, note: (LogClassification.Note) throws -> Void) throws -> Classifier {
        if name == "-" && CommandLineArguments.inputWasClosed { throw DataError("-: cannot read: standard input is closed") }
        do {
            let rerun = "kb classify -"
            if name == "-" { return try LogClassification.classify(.descriptor(0), name: name, matcher: matcher, sniffing: rerun, note: note) }
            if jobs > 1, try FileStatus.of(name)?.kind == .regular {
                return try LogClassification.classify(file: name, jobs: jobs, matcher: matcher, sniffing: rerun, note: note)
            }
            return try LogClassification.classify(.stream(path: name), name: name, matcher: matcher, sniffing: rerun, note: note)
        } catch let notText as TextSniffer.NotText {
            throw DataError(notText.message)
        } catch let failure as LineReader.Failure {
            throw DataError("\(name): cannot read: \(failure.reason)")
        } catch let failure as FileStatus.Failure {
            throw DataError("\(name): cannot read: \(failure.reason)")
        } catch let failure as Spool.Failure {
            throw DataError("\(name): \(failure.reason)")
        }
    }
}
