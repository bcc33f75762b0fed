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
        guard let start = text.range(of: "https://") ?? text.range(of: "http://") else { return nil }
        let label = text[..<start.lowerBound].drop { ">*_ \t".contains($0) }.lowercased()
        guard label.hasPrefix("source") || label.hasPrefix("url") || label.hasPrefix("来源") else { return nil }
        let url = text[start.lowerBound...].prefix { !$0.isWhitespace && $0 != ")" && $0 != "]" && $0 != ">" }
        return String(url)
    }
}
