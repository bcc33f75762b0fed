import ErrorKBSupport

/// A variable part of a documented message: `%s`, `％s`, `{0}`, `{symbol}`.
public struct Placeholder: Sendable, Equatable, Codable {
    /// How a placeholder is written.
    public enum Style: String, Sendable, Codable {
        /// `%s`, `%d`, `%b`
        case printf
        /// `％s`: a full-width percent sign, as Chinese pages write it
        case fullwidth
        /// `{0}`, `{1}`
        case indexed
        /// `{param}`
        case named
    }

    /// The placeholder as written, without the quotes or brackets around it.
    public var token: String
    /// Offset of the token in the message, in characters from 0.
    public var position: Int
    /// How it is written.
    public var style: Style
}

/// Finds placeholders in a message. Quotes and brackets around one (`'%s'`, `` `%s` ``, `[%s]`) stay
/// literal text. Not placeholders: a full-width percent before a CJK letter (`X％或`), and a `%` in prose
/// (`15%`, `100%sure`).
public enum PlaceholderScanner {
    /// The placeholders of a message, in order.
    public static func scan(_ text: String) -> [Placeholder] {
        // Only %, ％ (EF BC 85) and { can start a placeholder; most messages have none.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "{") }) || text.containsBytes("％") else { return [] }
        var found: [Placeholder] = []
        let characters = Array(text)
        var index = 0
        var lastEnd = -1
        while index < characters.count {
            if let (length, style) = placeholder(in: characters, at: index, followsPlaceholder: index == lastEnd) {
                found.append(Placeholder(token: String(characters[index..<index + length]), position: index, style: style))
                index += length
                lastEnd = index
            } else {
                index += 1
            }
        }
        return found
    }

    /// The length and style of a placeholder starting at `index`, if one does. A conversion
    /// may be followed by a letter (USD-M's "limit is %sx", "杠杆为%sx": the argument and a unit);
    /// a percent sign right after a letter or digit is prose ("100%sure"), unless that is the
    /// end of another placeholder ("%s%s").
    static func placeholder(in characters: [Character], at index: Int, followsPlaceholder: Bool = false) -> (Int, Placeholder.Style)? {
        let c = characters[index]
        let next = index + 1 < characters.count ? characters[index + 1] : nil
        // Looked at only for a percent sign: this runs for every character of every message.
        var inWord: Bool {
            guard !followsPlaceholder, index > 0, let before = characters[index - 1].asciiValue else { return false }
            return (0x30...0x39).contains(before) || (0x41...0x5A).contains(before) || (0x61...0x7A).contains(before)
        }
        switch c {
        case "%" where (next == "s" || next == "d" || next == "b") && !inWord:
            return (2, .printf)
        case "％" where next == "s" && !inWord:
            return (2, .fullwidth)
        case "{":
            var end = index + 1
            while end < characters.count, characters[end].isASCII, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" {
                end += 1
            }
            guard end > index + 1, end < characters.count, characters[end] == "}", end - index <= 41 else { return nil }
            let body = characters[(index + 1)..<end]
            if body.allSatisfy(\.isNumber) { return (end - index + 1, .indexed) }
            return body.first!.isNumber ? nil : (end - index + 1, .named)
        default:
            return nil
        }
    }
}
