/// One line of a document, with its 1-based number. Line endings are not part of `text`.
public struct SourceLine: Sendable, Equatable {
    public let number: Int
    public let text: Substring

    public var trimmed: Substring { text.trimmingWhitespace() }
    public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
}

extension SourceLine {
    /// Splits text at LF, CRLF or a lone CR. A final line ending does not start a new line.
    public static func split(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var start = text.startIndex
        var index = start
        var number = 1
        while index < text.endIndex {
            let character = text[index]
            // "\r\n" is a single Character (one grapheme) in Swift.
            if character == "\n" || character == "\r" || character == "\r\n" {
                lines.append(SourceLine(number: number, text: text[start..<index]))
                number += 1
                index = text.index(after: index)
                start = index
            } else {
                index = text.index(after: index)
            }
        }
        if start < text.endIndex {
            lines.append(SourceLine(number: number, text: text[start..<text.endIndex]))
        }
        return lines
    }
}
