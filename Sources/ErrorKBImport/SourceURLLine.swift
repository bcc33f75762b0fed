import ErrorKBSupport

/// A line that names the page's source, in any format: `> Source: <https://…>`,
/// `Source: [https://…](https://…)`, `**来源**: https://…`, `URL: https://…`. The one
/// recognizer of such lines (front matter's `url:` key is read with the front matter).
enum SourceURLLine {
    /// The URL, when the line is a source line: a label that starts with "source", "url" or
    /// "来源" (any case; quote markers and emphasis around it do not count), then an http(s) URL.
    /// The URL ends at a space or at `)`, `]` or `>`.
    static func url(in line: Substring) -> String? {
        let text = line.trimmingWhitespace()
        // Most lines are not source lines: the label, at the start, is checked first.
        let label = text.drop { $0 == ">" || $0 == "*" || $0 == "_" || $0 == " " || $0 == "\t" }
        guard startsWithLabel(label), let start = text.range(of: "https://") ?? text.range(of: "http://") else { return nil }
        let url = text[start.lowerBound...].prefix { !$0.isWhitespace && $0 != ")" && $0 != "]" && $0 != ">" }
        return String(url)
    }

    private static let labels: [[UInt8]] = ["source", "url", "来源"].map { Array($0.utf8) }

    /// "source", "url" (any case) or "来源", compared on the first bytes.
    private static func startsWithLabel(_ text: Substring) -> Bool {
        let utf8 = text.utf8
        return labels.contains { label in
            var index = utf8.startIndex
            for expected in label {
                guard index < utf8.endIndex else { return false }
                let byte = utf8[index]
                guard ((0x41...0x5A).contains(byte) ? byte | 0x20 : byte) == expected else { return false }
                index = utf8.index(after: index)
            }
            return true
        }
    }
}
