import ErrorKBModel

/// A reader for one page format, which the importer picks by the document's content: it reads
/// the lines once and hands what it finds to its `DocumentBuilder`.
protocol DocumentReader {
    var builder: DocumentBuilder { get }
    /// Reads the document; `lineCount` gives its number of lines once read.
    mutating func parse(lineCount: () -> Int) -> ParsedDocument
}

/// A reader for a line-based page format (markdown, scraped text): it walks the lines once, each step reading one line (or a block
/// it owns, such as a JSON example), and hands what it finds to a `DocumentBuilder`. The lines
/// come from a `LineWindow`, which lets go of each line once the reader has moved past it. A step
/// is done by the first of the format's recognizers that reads the line (`LineRecognizer`).
protocol DocumentParser: DocumentReader {
    init(lines: LineWindow, builder: DocumentBuilder)
    var lines: LineWindow { get }
    var builder: DocumentBuilder { get set }
    /// The kinds of line the format holds, in the order they are tried: a line is the first kind
    /// that reads it, and the last kind reads any line.
    static var recognizers: [any LineRecognizer<Self>.Type] { get }
    /// Whether the lines (the start of a document) look like this format.
    static func looksLike(_ lines: ArraySlice<SourceLine>) -> Bool
    /// Reads the line at `index` (and any lines it owns); returns the index of the next unread line.
    mutating func read(at index: Int) -> Int
}

/// One kind of line, or block of lines, that a page format holds, recognized where it starts, in
/// the manner of Ink's block types: `read` returns nil and changes nothing when the line at
/// `index` does not start this kind; else it hands what the block holds to the parser's builder
/// and returns the index of the next unread line. Each kind is a type of its own, in a file of
/// its own.
protocol LineRecognizer<Parser>: Sendable {
    associatedtype Parser: DocumentParser
    static func read(at index: Int, in parser: inout Parser) -> Int?
}

extension DocumentParser {
    mutating func parse(lineCount: () -> Int) -> ParsedDocument {
        var index = 0
        while lines.has(index) {
            index = read(at: index)
            lines.release(below: index) { builder.released($0) }
        }
        return builder.finish(lineCount: lineCount())
    }

    /// The line at `index`, read by the first recognizer that takes it.
    mutating func recognize(at index: Int) -> Int {
        for recognizer in Self.recognizers {
            if let next = recognizer.read(at: index, in: &self) { return next }
        }
        preconditionFailure("\(Self.self): no recognizer read line \(index + 1)")
    }
}
