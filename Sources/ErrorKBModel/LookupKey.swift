import ErrorKBSupport

/// What `kb show` was asked for: a code, a name, or a heading pasted from a page (a code and
/// its name).
public enum LookupKey: Equatable, Sendable {
    case code(Int64)
    /// A name as the pages write it: `BAD_SYMBOL`, `Request Throttled`, `无效的交易对`; looked up
    /// as names are compared (`nameKey`).
    case name(String)
    /// `-1121 BAD_SYMBOL`: the code's entries with that name.
    case heading(code: Int64, name: String)

    /// "-1121", "1121", "−1121" are codes, and so are the forms a keyboard or a pasted page gives:
    /// other minus signs and dashes (`－ ‐ ‑ ‒ – ﹣ ⁻ ₋ ➖`) and full-width digits (`－１１２１`); a
    /// code then text (`-1121 BAD_SYMBOL`) is a heading; anything else is a name. Quotes around
    /// the text, a heading's `#` marks and a trailing `,` `;` `:` `.` (pasted with it) are left out.
    public init?(_ text: String) {
        let trimmed = Self.undecorated(text)
        guard !trimmed.isEmpty else { return nil }
        let code = Self.asciiCode(trimmed)
        if let line = CodeLine(code[...], requireMinus: false) {
            self = line.name.map { .heading(code: line.code, name: $0) } ?? .code(line.code)
        } else {
            self = .name(trimmed)
        }
    }

    /// A name as names are compared (issue 13's meaning rules): ASCII letters in upper case,
    /// without `_`, `-` and spaces, so that `bad symbol`, `Bad-Symbol` and `BAD_SYMBOL` are one
    /// name. SQLite's `upper()` folds the same letters, so the store compares with it.
    public static func nameKey(_ name: String) -> String {
        var key = String.UnicodeScalarView()
        for scalar in name.unicodeScalars where scalar != "_" && scalar != "-" && scalar != " " {
            key.append(("a"..."z").contains(scalar) ? Unicode.Scalar(scalar.value - 32)! : scalar)
        }
        return String(key)
    }

    /// The text without spaces, wrapping quotes or backticks, a heading's `#` marks and a trailing
    /// `,` `;` `:` `.`.
    static func undecorated(_ text: String) -> String {
        var text = Substring(text.trimmingWhitespace())
        for (open, close) in [("'", "'"), ("\"", "\""), ("`", "`"), ("“", "”"), ("‘", "’")] where text.count >= 2 && text.hasPrefix(open) && text.hasSuffix(close) {
            text = text.dropFirst().dropLast()
            break
        }
        text = text.drop { $0 == "#" || $0 == " " }
        while let last = text.last, ",;:.".contains(last) { text = text.dropLast() }
        return String(text).trimmingWhitespace()
    }

    /// Minus-like characters at the start, and full-width digits, as ASCII; other text as it is.
    static func asciiCode(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for (index, scalar) in text.unicodeScalars.enumerated() {
            switch scalar.value {
            case 0xFF10...0xFF19: scalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case let value where index == 0 && MinusSign.isOther(value):
                scalars.append("-")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
