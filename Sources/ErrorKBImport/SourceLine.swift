import ErrorKBSupport

/// One line of a document, with its 1-based number. Line endings are not part of `text`.
struct SourceLine: Sendable, Equatable {
    /// 1-based line number in the document.
    let number: Int
    /// The line as read, without its line ending (NULs removed).
    let text: Substring

    /// The text without leading and trailing spaces (ASCII, no-break, ideographic) or BOMs.
    var trimmed: Substring { text.trimmingWhitespace() }
    /// Whether the line is empty or only spaces.
    var isBlank: Bool { text.isBlankText }
}

extension SourceLine {
    /// Splits text at LF, CRLF or a lone CR, as `LineReader` does. A final line ending does not
    /// start a new line.
    static func split(_ text: String, firstNumber: Int = 1) -> [SourceLine] {
        lines(of: text, at: LineReader.lineRanges(in: Array(text.utf8)), firstNumber: firstNumber)
    }

    /// The lines of `text` at the given UTF-8 byte ranges (which start and end at line breaks, so
    /// never inside a character), numbered from `firstNumber`.
    static func lines(of text: String, at ranges: [Range<Int>], firstNumber: Int) -> [SourceLine] {
        let utf8 = text.utf8
        return ranges.enumerated().map { offset, range in
            let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let end = utf8.index(start, offsetBy: range.count)
            return SourceLine(number: firstNumber + offset, text: text[start..<end])
        }
    }
}
