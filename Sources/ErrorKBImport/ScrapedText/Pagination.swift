extension ScrapedTextParser {
    /// The pagination block of a documentation page: "上一页", title, "下一页", title. What
    /// follows is the page's footer.
    enum Pagination: LineRecognizer {
        static let previous: Set<Substring> = ["上一页", "Previous", "« Previous"]
        static let next: Set<Substring> = ["下一页", "Next", "Next »"]

        static func read(at index: Int, in parser: inout ScrapedTextParser) -> Int? {
            let lines = parser.lines
            // 上 (E4), P, « (C2): nothing else can start the marker, so most lines stop here.
            guard let first = lines[index].text.utf8.first(where: { $0 != 0x20 }),
                  first == 0xE4 || first == UInt8(ascii: "P") || first == 0xC2, lines.has(index + 3),
                  previous.contains(lines[index].trimmed), next.contains(lines[index + 2].trimmed) else { return nil }
            parser.state = .footer
            parser.sectionTitles = Set(parser.builder.document.sections.map { Substring($0.title) })
            parser.builder.mark(lines[index].number...lines[index + 3].number, .footer)
            return index + 4
        }
    }
}
