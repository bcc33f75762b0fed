/// Characters a reader cannot see: zero-width spaces and joiners (U+200B–U+200D), direction marks
/// (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the word joiner and its kin (U+2060–U+2064),
/// the soft hyphen (U+00AD) and the BOM (U+FEFF). Pages carry them where they cannot belong: every
/// heading of the crypto-loan page ends with U+200B, and Docusaurus puts one inside each heading's
/// anchor. Headings, names and codes drop them; messages keep them (they are what the page says).
extension StringProtocol {
    /// The text without invisible characters; the text itself (no copy of its characters) when
    /// it has none, which is nearly always: the lead bytes are checked first.
    package func removingInvisibles() -> String {
        guard utf8.contains(where: { $0 == 0xE2 || $0 == 0xEF || $0 == 0xC2 }) else { return String(self) }
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars where !scalar.isInvisible { scalars.append(scalar) }
        return String(scalars)
    }

    /// Whether the text holds an invisible character.
    package var containsInvisibles: Bool {
        utf8.contains(where: { $0 == 0xE2 || $0 == 0xEF || $0 == 0xC2 }) && unicodeScalars.contains(where: \.isInvisible)
    }
}

extension Unicode.Scalar {
    /// See `removingInvisibles`.
    package var isInvisible: Bool {
        switch value {
        case 0x00AD, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }
}
