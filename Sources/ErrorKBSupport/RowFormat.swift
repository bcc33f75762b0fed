/// Text forms of result rows shared by `kb export` and the CLI's csv output.
package enum RowFormat {
    /// One RFC 4180 record: fields with a comma, quote or line break are quoted, quotes doubled; the
    /// record ends in `\n` (as sqlite3 writes CSV), so `awk -F,` and `cut` see no `\r` in the last field.
    package static func csvLine(_ fields: [String?]) -> String {
        fields.map { field -> String in
            guard let field else { return "" }
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return field
        }.joined(separator: ",") + "\n"
    }

    /// A JSON string literal.
    package static func jsonString(_ text: String) -> String {
        // Most text needs no escape: copied whole.
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\"" || $0 == "\\" }) else { return "\"" + text + "\"" }
        return "\"" + escaping(text) { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\", "\n", "\r", "\t": return tabSeparatedEscape(scalar)
            case let s where s.value < 0x20: return String(format: "\\u%04x", s.value)
            default: return nil
            }
        } + "\""
    }

    /// A TSV field: a backslash, tab, line feed or carriage return as `\\`, `\t`, `\n`, `\r`
    /// (PostgreSQL's text format, MySQL's), so that a row is one line.
    package static func tsvField(_ text: String) -> String {
        escaping(text, tabSeparatedEscape)
    }

    private static func tabSeparatedEscape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        default: return nil
        }
    }

    /// The text with each scalar `replacement` gives a replacement for replaced.
    private static func escaping(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) { out += replaced } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
