extension ScrapedTextParser {
    /// A section title that starts with a code range: "10xx -常规服务器或网络问题".
    enum SectionLine: LineRecognizer {
        static func read(at index: Int, in parser: inout ScrapedTextParser) -> Int? {
            let line = parser.lines[index]
            guard RangeLabel.prefix(of: line.trimmed) != nil else { return nil }
            parser.heading(String(line.trimmed), line)
            return index + 1
        }
    }
}
