/// One line of a document, with its 1-based number. Line endings are not part of `text`.
public struct SourceLine: Sendable, Equatable {
    public let number: Int
    public let text: Substring

    public var trimmed: Substring { text.trimmingWhitespace() }
    public var isBlank: Bool { text.isBlankText }
}

extension SourceLine {
    /// Splits text at LF, CRLF or a lone CR. A final line ending does not start a new line.
    public static func split(_ text: String, firstNumber: Int = 1) -> [SourceLine] {
        var lines: [SourceLine] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        var number = firstNumber
        // Line ends are ASCII, so the UTF-8 view finds them without decoding characters.
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(SourceLine(number: number, text: text[start..<index]))
                number += 1
                let next = utf8.index(after: index)
                index = byte == 0x0D && next < utf8.endIndex && utf8[next] == 0x0A ? utf8.index(after: next) : next
                start = index
            } else {
                index = utf8.index(after: index)
            }
        }
        if start < utf8.endIndex {
            lines.append(SourceLine(number: number, text: text[start..<utf8.endIndex]))
        }
        return lines
    }
}
