import ErrorKBSupport

extension MarkdownParser {
    /// YAML front matter between `---` lines at the top: `url:` (or `source_url:`) is the source,
    /// `title:` the title, `updated_at:` (or `scraped_at:`, `date:`) the page's date.
    enum FrontMatter: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let lines = parser.lines
            guard index == 0, lines[0].trimmed == "---", let end = lines.firstIndex(from: 1, where: { $0.trimmed == "---" }) else { return nil }
            parser.builder.mark(lines[0].number...lines[end].number, .frontMatter)
            for index in 1..<end {
                let line = lines[index]
                let text = line.trimmed
                guard let colon = text.firstIndex(of: ":") else { continue }
                var value = text[text.index(after: colon)...].trimmingWhitespace()
                if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
                switch text[..<colon].trimmingWhitespace() {
                case "url", "source_url": parser.builder.setSource(String(value), line: line.number, kind: .frontMatter)
                case "title": parser.builder.setTitle(String(value), line: line.number, kind: .frontMatter)
                case "updated_at", "scraped_at", "date", "last_updated": parser.builder.setDate(value)
                default: break
                }
            }
            return end + 1
        }
    }
}
