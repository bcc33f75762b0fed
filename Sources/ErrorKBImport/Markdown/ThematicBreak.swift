extension MarkdownParser {
    /// A thematic break (`---`, `***`, `___`, spaced or not): a rule between blocks (the one
    /// between a bilingual file's two pages), never a message.
    enum ThematicBreak: LineRecognizer {
        static func read(at index: Int, in parser: inout MarkdownParser) -> Int? {
            let line = parser.lines[index]
            let marks = line.trimmed.filter { $0 != " " && $0 != "\t" }
            guard marks.count >= 3, let first = marks.first, first == "-" || first == "*" || first == "_",
                  marks.allSatisfy({ $0 == first }), line.text.prefix(while: { $0 == " " }).count <= 3 else { return nil }
            parser.builder.mark(line.number, .rule)
            return index + 1
        }
    }
}
