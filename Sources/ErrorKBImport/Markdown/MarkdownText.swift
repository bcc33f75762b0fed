import ErrorKBSupport
import ErrorKBModel

/// Inline markdown that the importer undoes: backslash escapes outside code spans.
enum MarkdownText {
    /// `\-1000` → `-1000`, `TOO\_MANY` → `TOO_MANY`; code spans (`` `a\_b` ``) are left as written.
    static func unescape(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var inCode = false
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            let next = text.index(after: index)
            if c == "`" {
                inCode.toggle()
            } else if c == "\\", !inCode, next < text.endIndex, text[next].isASCII, text[next].isPunctuation || text[next].isSymbol {
                result.append(text[next])
                index = text.index(after: next)
                continue
            }
            result.append(c)
            index = next
        }
        return result
    }

    /// A heading: 1–6 `#`, up to 3 spaces of indent, or a bold code line (`boldCodeLine`).
    /// Returns its level and text.
    static func heading(_ line: Substring) -> (level: Int, text: Substring)? {
        let indent = line.prefix(while: { $0 == " " })
        guard indent.count <= 3 else { return nil }
        let rest = line[indent.endIndex...]
        let hashes = rest.prefix(while: { $0 == "#" })
        guard (1...6).contains(hashes.count) else { return boldCodeLine(rest) }
        let after = rest[hashes.endIndex...]
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        var text = after.trimmingWhitespace()
        // A closing sequence of #s is not part of the text.
        while text.hasSuffix("#") { text = text.dropLast() }
        return (hashes.count, text.trimmingWhitespace())
    }

    /// A line that is all bold and starts with a negative code, `**-1000 UNKNOWN**` or
    /// `__-1000 UNKNOWN__`: a heading in pages exported from wikis and editors, read as one of
    /// level 4 (never a page's level 1).
    private static func boldCodeLine(_ rest: Substring) -> (level: Int, text: Substring)? {
        let text = rest.trimmingWhitespace()
        guard text.hasPrefix("**") || text.hasPrefix("__"), text.count > 4 else { return nil }
        let marker = text.prefix(2)
        guard text.hasSuffix(marker) else { return nil }
        let inner = text.dropFirst(2).dropLast(2).trimmingWhitespace()
        guard !inner.contains(marker), CodeLine(inner, requireMinus: true) != nil else { return nil }
        return (4, inner)
    }

    /// A list item: `-`, `*` or `+` then whitespace, with 0–3 spaces of indent.
    static func bullet(_ line: Substring) -> Substring? {
        let indent = line.prefix(while: { $0 == " " })
        guard indent.count <= 3 else { return nil }
        let rest = line[indent.endIndex...]
        guard let marker = rest.first, marker == "-" || marker == "*" || marker == "+" else { return nil }
        let after = rest.dropFirst()
        guard let space = after.first, space == " " || space == "\t" else { return nil }
        let text = after.trimmingWhitespace()
        return text.isEmpty ? nil : text
    }

    static func isFence(_ line: Substring) -> Bool {
        let text = line.trimmingWhitespace()
        return text.hasPrefix("```") || text.hasPrefix("~~~")
    }
}
