/// A reader for one page format: it walks the lines once, each step reading one line (or a block
/// it owns, such as a JSON example), and hands what it finds to a `DocumentBuilder`. The lines
/// come from a `LineWindow`, which lets go of each line once the reader has moved past it.
protocol DocumentParser {
    init(lines: LineWindow, builder: DocumentBuilder)
    var lines: LineWindow { get }
    var builder: DocumentBuilder { get set }
    /// Whether the lines (the start of a document) look like this format.
    static func looksLike(_ lines: ArraySlice<SourceLine>) -> Bool
    /// Reads the line at `index` (and any lines it owns); returns the index of the next unread line.
    mutating func read(at index: Int) -> Int
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
}
