import ErrorKBSupport

/// What `kb show` was asked for: a code or a name.
public enum LookupKey: Equatable, Sendable {
    case code(Int64)
    case name(String)

    /// "-1121", "1121", "−1121" are codes, and so are the forms a keyboard or a pasted page gives:
    /// other minus signs and dashes (`－ ‐ ‑ ‒ – ﹣ ⁻ ₋ ➖`) and full-width digits (`－１１２１`);
    /// anything else is a name.
    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        let code = Self.asciiCode(trimmed)
        if let code = CodeLine(code[...], requireMinus: false), code.name == nil {
            self = .code(code.code)
        } else {
            self = .name(trimmed)
        }
    }

    /// Whether the text is a name as the documents write them: letters, digits and `_` only.
    public var isNameLike: Bool {
        guard case .name(let name) = self else { return false }
        return name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" }
    }

    /// Minus-like characters at the start, and full-width digits, as ASCII; other text as it is.
    static func asciiCode(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for (index, scalar) in text.unicodeScalars.enumerated() {
            switch scalar.value {
            case 0xFF10...0xFF19: scalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
            case 0xFF0D, 0x2010, 0x2011, 0x2012, 0x2013, 0xFE63, 0x207B, 0x208B, 0x2796, 0x2212 where index == 0:
                scalars.append("-")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
