import ErrorKBModel

extension ScrapedTextParser {
    /// A code line, "-1000 UNKNOWN": an entry, whose messages follow.
    enum EntryLine: LineRecognizer {
        static func read(at index: Int, in parser: inout ScrapedTextParser) -> Int? {
            let line = parser.lines[index]
            guard let code = CodeLine(line.trimmed, requireMinus: true) else { return nil }
            parser.builder.codeLine(code, line: line.number)
            parser.state = .awaitingMessage(spaced: false)
            return index + 1
        }
    }

    /// A code line whose code does not fit in 64 bits: skipped, and reported.
    enum OutOfRangeCodeLine: LineRecognizer {
        static func read(at index: Int, in parser: inout ScrapedTextParser) -> Int? {
            let line = parser.lines[index]
            guard line.trimmed.hasPrefix("-"), CodeLine.overflows(line.trimmed) else { return nil }
            parser.builder.skip(line.number, "code out of 64-bit range; entry skipped")
            parser.state = .sectionStart
            return index + 1
        }
    }
}
