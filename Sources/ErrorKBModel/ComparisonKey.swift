extension MessageTemplate {
    /// The form in which two documented messages count as the same message, for grouping entries
    /// into meanings and table rows across pages: spacing collapsed, final punctuation dropped,
    /// ASCII letters in lower case, each placeholder written `{}` without the quotes or brackets
    /// around it (`'%s'`, `` `%s` ``, `％s` and `{0}` are all `{}`).
    ///
    ///     "Parameter '%s' has too much precision."  →  "parameter {} has too much precision"
    public static func comparisonKey(_ text: String) -> String {
        let template = MessageTemplate(text)
        var key = ""
        for (index, segment) in template.segments.enumerated() {
            var part = Substring(segment)
            if index > 0 { part = part.drop { quoteMarks.contains($0) } }
            if index < template.segments.count - 1 {
                while let last = part.last, quoteMarks.contains(last) { part = part.dropLast() }
            }
            key += part.lowercased()
            if index < template.segments.count - 1 { key += "{}" }
        }
        return key
    }

    private static let quoteMarks: Set<Character> = ["'", "\"", "`", "[", "]", "(", ")", "‘", "’", "“", "”"]
}
