import ErrorKBSupport

/// A line or heading that starts with an error code: "-1000 UNKNOWN", "\-1000 UNKNOWN", "-18002".
package struct CodeLine: Equatable {
    package let code: Int64
    /// Everything after the code, trimmed; nil when the line holds the code alone.
    package let name: String?

    /// Reads a code at the start of `text`. The minus may be ASCII, escaped (`\-`) or U+2212.
    /// With `requireMinus`, bare numbers do not count (a scraped page's codes are all negative).
    package init?(_ text: Substring, requireMinus: Bool) {
        let rest = text.trimmingWhitespace()
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
        } else if first == 0xE2, utf8.starts(with: [0xE2, 0x88, 0x92]) {  // U+2212 minus sign
            negative = true
            index = utf8.index(index, offsetBy: 3)
        } else if requireMinus || !(0x30...0x39).contains(first) {
            return nil
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
        // The code must stand alone: "-1000 UNKNOWN" yes, "24小时" or "-1999." no.
        if index < utf8.endIndex {
            let next = utf8[index]
            guard next == 0x20 || next == 0x09 || next == 0xC2 || next == 0xE3 else { return nil }
            let tail = rest[index...]
            guard tail.first?.isWhitespace == true else { return nil }
        }
        code = negative ? -magnitude : magnitude
        let tail = rest[index...].trimmingWhitespace()
        name = tail.isEmpty ? nil : String(tail)
    }
}

extension CodeLine {
    /// A code-like start ("-99999999999999999999 X") whose number does not fit in 64 bits.
    package static func overflows(_ text: Substring) -> Bool {
        var rest = text.trimmingWhitespace()
        if rest.hasPrefix("\\") { rest = rest.dropFirst() }
        if rest.hasPrefix("-") || rest.hasPrefix("\u{2212}") { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard digits.count >= 19, CodeLine(text, requireMinus: false) == nil else { return false }
        let after = rest.dropFirst(digits.count).first
        return after == nil || after!.isWhitespace
    }
}
