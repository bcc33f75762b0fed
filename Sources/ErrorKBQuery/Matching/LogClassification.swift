import ErrorKBSupport
import Foundation

/// `kb classify`'s reading of a log: line by line in one pass (a stream, standard input), or a
/// regular file cut into byte ranges of whole lines (`LineRanges`) read by parallel jobs, each
/// with its own `Classifier` over one shared `MessageMatcher` (an immutable value: loading it
/// once serves every job), merged in the order of the file. Both give the same classifier and
/// the same notes in the same order, line numbers included.
public enum LogClassification {
    /// Something said about one line (on stderr, by kb): too long to read, or a malformed payload.
    public struct Note: Sendable, Equatable {
        /// 1-based line number in the log.
        public var line: Int
        /// What is wrong, e.g. "malformed payload: unterminated string".
        public var message: String

        /// The message for a line over `Classifier.maxLineLength` bytes.
        public static let tooLong = "line too long (over \(Classifier.maxLineLength) bytes), not read"
    }

    /// Ranges shorter than this (bytes) are not worth a job of their own: about 2 ms of work.
    public static let minimumRangeLength = 1 << 16

    /// Classifies the regular file at `path` with `jobs` jobs (fewer when the file is small:
    /// ranges of at least `minimumRangeLength` bytes), calling `note` in line order once every
    /// job has ended (with one job, as the lines are read). Throws `LineReader.Failure` when the
    /// file cannot be read, `Spool.Failure` when a job's temporary file cannot be written.
    package static func classify(file path: String, jobs: Int, matcher: MessageMatcher, minimumRangeLength: Int = minimumRangeLength,
                                 sniffing rerun: String? = nil, note: (Note) throws -> Void) throws -> Classifier {
        let ranges = try LineRanges.split(path: path, count: jobs, minimumLength: minimumRangeLength)
        guard ranges.count > 1 else { return try classify(.stream(path: path), name: path, matcher: matcher, sniffing: rerun, note: note) }
        let results = Results(count: ranges.count)
        DispatchQueue.concurrentPerform(iterations: ranges.count) { job in
            results.set(job, Result {
                let notes = try Spool()
                var classifier = job == 0 ? Classifier(matcher: matcher) : try Classifier(laterPartWith: matcher)
                let source = ByteSource.fileRange(path: path, offset: ranges[job].lowerBound, length: ranges[job].count)
                // The first range starts the file: it is the one whose first bytes tell a log from
                // a compressed or binary file.
                let lines = try read(source, name: path, into: &classifier, sniffing: job == 0 ? rerun : nil) { note in
                    notes.write(note.line)
                    notes.write(note.message)
                }
                return Part(classifier: classifier, lines: lines, notes: notes)
            })
        }
        var merged: Classifier?
        var offset = 0
        for result in results.all {
            let part = try result.get()
            try part.notes.rewind()
            while let line = part.notes.readInt(), let message = part.notes.readString() {
                try note(Note(line: line + offset, message: message))
            }
            if merged == nil { merged = part.classifier } else { try merged!.merge(part.classifier, lineOffset: offset) }
            offset += part.lines
        }
        return merged!
    }

    /// Classifies a source in one pass, calling `note` as the lines are read. Throws
    /// `LineReader.Failure` when it cannot be read; with `rerun` (the command that reads standard
    /// input, for the hint), `TextSniffer.NotText` when it is compressed or binary.
    package static func classify(_ source: ByteSource, name: String, matcher: MessageMatcher, sniffing rerun: String? = nil,
                                 note: (Note) throws -> Void) throws -> Classifier {
        var classifier = Classifier(matcher: matcher)
        _ = try read(source, name: name, into: &classifier, sniffing: rerun, note: note)
        return classifier
    }

    /// Reads every line of `source` into `classifier`, numbered from 1; returns how many lines
    /// (blank ones included).
    private static func read(_ source: ByteSource, name: String, into classifier: inout Classifier, sniffing rerun: String?,
                             note: (Note) throws -> Void) throws -> Int {
        // Small chunks: each line is classified while its bytes are still in the cache.
        let reader = try LineReader(source, fileName: name, chunkSize: 1 << 16, hashing: false, maxLineLength: Classifier.maxLineLength)
        var number = 0
        var sniffer = TextSniffer()
        while let line = reader.nextLine() {
            number += 1
            if let rerun, let notText = sniffer.check(line, number: number, name: name, rerun: rerun) { throw TextSniffer.NotText(message: notText) }
            if reader.lastLineWasCut {
                classifier.addTooLong(number: number)
                try note(Note(line: number, message: Note.tooLong))
            } else if let reason = classifier.add(bytes: line, number: number) {
                try note(Note(line: number, message: "malformed payload: \(reason)"))
            }
        }
        if let failure = reader.failure { throw failure }
        if rerun != nil, let notText = sniffer.finish(name: name) { throw TextSniffer.NotText(message: notText) }
        return number
    }

    /// One job's part: its classifier, its line count, its notes.
    private struct Part: @unchecked Sendable {
        var classifier: Classifier
        var lines: Int
        var notes: Spool
    }

    /// The jobs' results, each set by its own thread.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<Part, Error>?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func set(_ job: Int, _ result: Result<Part, Error>) {
            lock.lock()
            defer { lock.unlock() }
            results[job] = result
        }

        /// Every result, in job order (after the jobs ended).
        var all: [Result<Part, Error>] { lock.lock(); defer { lock.unlock() }; return results.map { $0! } }
    }
}
