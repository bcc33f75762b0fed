/// The minus signs people paste in front of a code besides ASCII `-`: U+2212 `−`, full-width
/// U+FF0D `－`, small U+FE63 `﹣`, the hyphens and dash U+2010–2013 `‐ ‑ ‒ –`, super- and
/// subscript U+207B `⁻` and U+208B `₋`, and heavy U+2796 `➖`. Each is 3 bytes in UTF-8. One list
/// for `kb show`'s codes, log lines and payloads, and search queries alike.
package enum MinusSign {
    /// Whether the scalar value is one of the minus signs other than `-`.
    package static func isOther(_ value: UInt32) -> Bool {
        switch value {
        case 0x2212, 0xFF0D, 0xFE63, 0x2010...0x2013, 0x207B, 0x208B, 0x2796: return true
        default: return false
        }
    }
}
