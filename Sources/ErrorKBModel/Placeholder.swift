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
/// literal text. Not placeholders: a full-width percent before a CJK letter (`X％或`), and a `%` in prose.
public enum PlaceholderScanner {
    /// The placeholders of a message, in order.
    public static func scan(_ text: String) -> [Placeholder] {
        // Only %, ％ (EF BC 85) and { can start a placeholder; most messages have none.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "{") }) || text.containsBytes("％") else { return [] }
        var found: [Placeholder] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            if let (length, style) = placeholder(in: characters, at: index) {
                found.append(Placeholder(token: String(characters[index..<index + length]), position: index, style: style))
                index += length
            } else {
                index += 1
            }
        }
        return found
    }

    /// The length and style of a placeholder starting at `index`, if one does.
    static func placeholder(in characters: [Character], at index: Int) -> (Int, Placeholder.Style)? {
        let c = characters[index]
        let next = index + 1 < characters.count ? characters[index + 1] : nil
        let after = index + 2 < characters.count ? characters[index + 2] : nil
        // "%sell" is a word, not a placeholder: the conversion must end there.
        let endsThere = after.map { !($0.isASCII && ($0.isLetter || $0.isNumber)) } ?? true
        switch c {
        case "%" where (next == "s" || next == "d" || next == "b") && endsThere:
            return (2, .printf)
        case "％" where next == "s" && endsThere:
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
