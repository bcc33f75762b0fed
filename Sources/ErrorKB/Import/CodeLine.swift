/// A line or heading that starts with an error code: "-1000 UNKNOWN", "\-1000 UNKNOWN", "-18002".
struct CodeLine: Equatable {
    let code: Int64
    /// Everything after the code, trimmed; nil when the line holds the code alone.
    let name: String?

    /// Reads a code at the start of `text`. The minus may be ASCII, escaped (`\-`) or U+2212.
    /// With `requireMinus`, bare numbers do not count (a scraped page's codes are all negative).
    init?(_ text: Substring, requireMinus: Bool) {
        var rest = text.trimmingWhitespace()
        if rest.hasPrefix("\\-") { rest = rest.dropFirst(2); rest = "-" + rest }
        var negative = false
        if let first = rest.first, first == "-" || first == "\u{2212}" {
            negative = true
            rest = rest.dropFirst()
        } else if requireMinus {
            return nil
        }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 18, let magnitude = Int64(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        // The code must stand alone: "-1000 UNKNOWN" yes, "24小时" or "-1999." no.
        if let next = rest.first, !next.isWhitespace { return nil }
        code = negative ? -magnitude : magnitude
        let tail = rest.trimmingWhitespace()
        name = tail.isEmpty ? nil : String(tail)
    }
}

/// A code range label at the start of a section title: "10xx", "3xxx-5xxx", "11xx - 2xxx", "6XXX".
enum RangeLabel {
    static func prefix(of text: Substring) -> Substring? {
        guard let first = label(at: text) else { return nil }
        var end = first.endIndex
        // An optional second label after a dash: "3xxx-5xxx", "11xx - 2xxx".
        var rest = text[end...].drop(while: { $0 == " " })
        if rest.first == "-" {
            rest = rest.dropFirst().drop(while: { $0 == " " })
            if let second = label(at: rest) { end = second.endIndex }
        }
        return text[text.startIndex..<end]
    }

    /// Digits then at least one x, ending the word: "10xx", "6XXX".
    private static func label(at text: Substring) -> Substring? {
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        let xs = text[digits.endIndex...].prefix(while: { $0 == "x" || $0 == "X" })
        guard !digits.isEmpty, !xs.isEmpty else { return nil }
        if let next = text[xs.endIndex...].first, next.isLetter || next.isNumber { return nil }
        return text[text.startIndex..<xs.endIndex]
    }
}
