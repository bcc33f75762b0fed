import ErrorKBSupport

/// A line or heading that starts with an error code: "-1000 UNKNOWN", "\-1000 UNKNOWN", "-18002",
/// and as pages edited by people write them: another minus sign (`–1000`, `−1000`: `MinusSign`),
/// the code in backticks (`` `-1000` UNKNOWN ``), a colon or dash after it (`-1000: UNKNOWN`,
/// `-1000 - UNKNOWN`, `-1000：未知错误`).
package struct CodeLine: Equatable {
    package let code: Int64
    /// Everything after the code, trimmed; nil when the line holds the code alone.
    package let name: String?

    /// Reads a code at the start of `text`. The minus may be ASCII, escaped (`\-`) or any of
    /// `MinusSign`'s. With `requireMinus`, bare numbers do not count (a scraped page's codes are
    /// all negative).
    package init?(_ text: Substring, requireMinus: Bool) {
        var rest = text.trimmingWhitespace()
        // A code in backticks: `-1000` UNKNOWN, or the whole heading: `-1000 UNKNOWN`.
        var quoted = false
        if rest.utf8.first == UInt8(ascii: "`") {
            rest = rest.dropFirst()
            quoted = true
        }
        let utf8 = rest.utf8
        var index = utf8.startIndex
        // Quick refusal on the first byte: most lines are not code lines.
        guard let first = utf8.first else { return nil }
        var negative = false
        if first == UInt8(ascii: "\\") {
            index = utf8.index(after: index)
            guard index < utf8.endIndex, utf8[index] == UInt8(ascii: "-") else { return nil }
            negative = true
            index = utf8.index(after: index)
        } else if first == UInt8(ascii: "-") {
            negative = true
            index = utf8.index(after: index)
        } else if first >= 0xE2, let scalar = rest.unicodeScalars.first, MinusSign.isOther(scalar.value) {
            negative = true
            index = utf8.index(index, offsetBy: 3)  // every other minus sign is 3 bytes
        } else if requireMinus || !(0x30...0x39).contains(first) {
            return nil
        }
        // Invisible characters cannot belong to a code or a name ("### -20198" + U+200B).
        if rest.containsInvisibles {
            guard let clean = CodeLine(Substring(rest.removingInvisibles()), requireMinus: requireMinus) else { return nil }
            self = clean
            return
        }
        var magnitude: Int64 = 0
        var digits = 0
        while index < utf8.endIndex, (0x30...0x39).contains(utf8[index]) {
            let (times, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(utf8[index] - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            magnitude = sum
            digits += 1
            index = utf8.index(after: index)
        }
        guard digits > 0 else { return nil }
        var tail = rest[index...]
        if quoted {
            // The closing backtick right after the code, or at the end of the heading.
            if tail.first == "`" { tail = tail.dropFirst() } else if tail.last == "`" { tail = tail.dropLast() } else { return nil }
        }
        // A colon after the code separates it from the name: "-1000: UNKNOWN", "-1000：未知错误".
        if tail.first == "：" || (tail.first == ":" && (tail.dropFirst().first?.isWhitespace ?? true)) { tail = tail.dropFirst() }
        // The code must stand alone: "-1000 UNKNOWN" yes, "24小时" or "-1999." no.
        else if let next = tail.first, !next.isWhitespace { return nil }
        tail = tail.trimmingWhitespace()
        // A dash between code and name: "-1000 - UNKNOWN", "-1000 — UNKNOWN".
        if let dash = tail.first, "-–—".contains(dash), tail.dropFirst().first?.isWhitespace == true { tail = tail.dropFirst().trimmingWhitespace() }
        code = negative ? -magnitude : magnitude
        name = tail.isEmpty ? nil : String(tail)
    }
}

extension CodeLine {
    /// Whether a line starts with something that looks like an error code, whatever markup is
    /// around it: `-1000`, `\-1000`, `−1000`, `* \`-1010 X\``, `### -20198` + U+200B, or (in a
    /// heading) a positive code of four digits or more (`### 51006 X`). `kb build` reports every
    /// such line that was not read as an entry, a mention or a table row. Range labels (`-9xxx`,
    /// `10xx`) and JSON (`"code":-1121`) are not codes.
    package static func looksLikeCode(_ line: Substring) -> Bool {
        // Most lines fail on their first byte after the markup: not a digit, nor the lead byte
        // of U+2212 or of an invisible character.
        guard let lead = line.utf8.first(where: { !markupBytes.contains($0) }), (0x30...0x39).contains(lead) || lead == 0xE2 || lead == 0xEF || lead == 0xC2
        else { return false }
        var text = line.removingInvisibles()[...]
        var heading = false
        while let c = text.first {
            if c == "#" { heading = true }
            if c == "-", text.dropFirst().first.map({ $0 == " " || $0 == "\t" }) == true {
                text = text.dropFirst(2)  // a bullet
                continue
            }
            guard c == "#" || c == ">" || c == "*" || c == "+" || c == "|" || c == "`" || c == "\"" || c.isWhitespace else { break }
            text = text.dropFirst()
        }
        if text.first == "\\" { text = text.dropFirst() }
        let negative = text.first == "-" || text.unicodeScalars.first.map { MinusSign.isOther($0.value) } == true
        if negative { text = text.dropFirst() }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= (negative ? 3 : 4), negative || heading else { return false }
        guard let next = text.dropFirst(digits.count).first else { return true }
        return !(next.isLetter || next.isNumber)
    }

    /// Space, #, >, *, +, |, `, ", - and \\: what may stand before a code at the start of a line.
    private static let markupBytes: Set<UInt8> = [0x20, 0x09, 0x23, 0x3E, 0x2A, 0x2B, 0x7C, 0x60, 0x22, 0x2D, 0x5C]

    /// A code-like start ("-99999999999999999999 X") whose number does not fit in 64 bits.
    package static func overflows(_ text: Substring) -> Bool {
        var rest = text.trimmingWhitespace()
        if rest.hasPrefix("\\") { rest = rest.dropFirst() }
        if rest.hasPrefix("-") || rest.unicodeScalars.first.map({ MinusSign.isOther($0.value) }) == true { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 19, CodeLine(text, requireMinus: false) == nil else { return false }
        let after = rest.dropFirst(digits.count).first
        return after == nil || after!.isWhitespace
    }
}
