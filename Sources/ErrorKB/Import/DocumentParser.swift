/// A reader for one page format: it walks the lines once, each step reading one line (or a block
/// it owns, such as a JSON example), and hands what it finds to a `DocumentBuilder`.
protocol DocumentParser {
    init(lines: [SourceLine])
    var lines: [SourceLine] { get }
    var builder: DocumentBuilder { get set }
    /// Whether the lines look like this format.
    static func looksLike(_ lines: [SourceLine]) -> Bool
    /// Reads the line at `index` (and any lines it owns); returns the index of the next unread line.
    mutating func read(at index: Int) -> Int
}

extension DocumentParser {
    mutating func parse() -> ParsedDocument {
        var index = 0
        while index < lines.count {
            index = read(at: index)
        }
        return builder.finish()
    }
}
